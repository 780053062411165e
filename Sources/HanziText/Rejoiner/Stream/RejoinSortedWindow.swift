/// The cluster keys (``RejoinLine/clusterKey``) of a window of consecutive lines, kept in
/// ascending order while the window slides forward through a stream, so that the column
/// width at each line break costs a removal and an insertion instead of a sort.
///
/// Lines are named by their absolute index in the stream; the window remembers the keys
/// of its own lines, so a line may leave the stream's buffer before it leaves the window.
struct RejoinSortedWindow {
    /// The longest window kept; a longer one is not kept (the caller sorts it itself).
    static let capacity = 32

    /// Absolute indices of the window's first and last line; empty when `last < first`.
    private var first = 0
    private var last = -1
    /// The key of each line of the window at its absolute index modulo ``capacity``.
    private var ring: [Int] = []
    /// The keys of the window that are not -1, ascending, in `sorted[0..<count]`.
    private var sorted: [Int] = []
    private var count = 0

    /// Creates an empty window (it allocates on its first move).
    init() {}

    /// Moves the window to `lines[lo...hi]`, where `base` is the absolute index of
    /// `lines[0]`, and returns the widest cluster of its keys (see
    /// ``RejoinRules/widestCluster(_:count:)``). Returns nil without keeping the window
    /// when it spans ``capacity`` lines or more: `kept` is then false.
    mutating func widestCluster(_ lines: UnsafeBufferPointer<RejoinLine>, base: Int, lo: Int, hi: Int)
        -> (kept: Bool, cluster: RejoinCluster?) {
        let newFirst = base + lo, newLast = base + hi
        guard newLast - newFirst < Self.capacity, let lineBase = lines.baseAddress else {
            first = 0
            last = -1
            count = 0
            return (false, nil)
        }
        if ring.isEmpty {
            ring = [Int](repeating: -1, count: Self.capacity)
            sorted = [Int](repeating: 0, count: Self.capacity)
        }
        let mask = Self.capacity - 1
        let slides = last >= first && newFirst >= first && newLast >= last && newFirst <= last + 1
        var n = slides ? count : 0
        let width: RejoinCluster? = ring.withUnsafeMutableBufferPointer { ringBuffer in
            sorted.withUnsafeMutableBufferPointer { sortedBuffer in
                let ring = ringBuffer.baseAddress!, keys = sortedBuffer.baseAddress!
                var a: Int
                if slides {
                    // the lines that leave the window
                    a = first
                    while a < newFirst {
                        let x = ring[a & mask]
                        if x >= 0 {
                            var i = 0
                            while keys[i] != x { i += 1 }
                            while i + 1 < n { keys[i] = keys[i + 1]; i += 1 }
                            n -= 1
                        }
                        a += 1
                    }
                    a = last + 1
                } else {
                    a = newFirst
                }
                // the lines that enter it
                while a <= newLast {
                    let x = lineBase[a - base].clusterKey
                    ring[a & mask] = x
                    if x >= 0 {
                        var j = n
                        while j > 0 && keys[j - 1] > x { keys[j] = keys[j - 1]; j -= 1 }
                        keys[j] = x
                        n += 1
                    }
                    a += 1
                }
                return RejoinRules.widestCluster(UnsafePointer(keys), count: n)
            }
        }
        first = newFirst
        last = newLast
        count = n
        return (true, width)
    }
}
