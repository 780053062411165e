/// The cluster keys (``RejoinLine/clusterKey``) of a window of consecutive lines, kept in
/// ascending order while the window slides forward through a stream, so that the column
/// width at each line break costs an update of the window instead of a sort, and nothing
/// when the line that enters has the key of the line that leaves (the lines of a justified
/// column mostly do).
///
/// Lines are named by their absolute index in the stream; the window remembers the keys
/// of its own lines, so a line may leave the stream's buffer before it leaves the window.
struct RejoinSortedWindow {
    /// The longest window kept; a longer one is not kept (the caller sorts it itself).
    static let capacity = 32

    /// A key that is no key: the line is too short to show a column (``RejoinLine/clusterKey``).
    private static let noKey = -1

    /// Absolute indices of the window's first and last line; empty when `last < first`.
    private var first = 0
    private var last = -1
    /// One allocation for both: the key of each line of the window at its absolute index
    /// modulo ``capacity`` in `keys[0..<capacity]` (the ring), and the keys of the window
    /// that are not ``noKey``, ascending, in `keys[capacity..<capacity + count]`.
    private var keys: [Int] = []
    private var count = 0
    /// The widest cluster of the sorted keys, once computed (`nil`: not yet, or the keys
    /// changed since).
    private var cluster: RejoinCluster?? = nil

    /// Creates an empty window (it allocates on its first move).
    init() {}

    /// Moves the window to `lines[lo...hi]`, where `base` is the absolute index of
    /// `lines[0]`, and returns the widest cluster of its keys (see
    /// ``RejoinRules/widestCluster(_:count:)``). Returns nil without keeping the window
    /// when it spans ``capacity`` lines or more: `kept` is then false.
    mutating func widestCluster(_ lines: UnsafeBufferPointer<RejoinLine>, base: Int, lo: Int, hi: Int)
        -> (kept: Bool, cluster: RejoinCluster?) {
        guard move(lines, base: base, lo: lo, hi: hi) else { return (false, nil) }
        return (true, widestCluster())
    }

    /// The widest cluster of the window's keys (see ``RejoinRules/widestCluster(_:count:)``),
    /// computed where the keys changed since it was last asked for (only where it is asked
    /// for: a decision that the nearest lines settle never asks the whole window's).
    mutating func widestCluster() -> RejoinCluster? {
        if let cluster { return cluster }
        let c = keys.withUnsafeBufferPointer {
            RejoinRules.widestCluster($0.baseAddress! + Self.capacity, count: count)
        }
        cluster = .some(c)
        return c
    }

    /// ``RejoinRules/linesAbout(_:_:lo:hi:openOnly:)`` over the window's lines, from its
    /// sorted keys instead of the line records: a line's key is `filledWidth * 2`, plus 1
    /// when it stops mid-sentence, so the lines within `spread` of `width` are the keys
    /// from `2 * (width - spread)` to `2 * (width + spread) + 1`, one run of the sorted keys.
    /// Only for a kept window (see ``move(_:base:lo:hi:)``). Counting the lines that stop
    /// mid-sentence stops at `limit` (a caller that asks whether there are so many).
    func linesAbout(_ width: Int, openOnly: Bool, atMost limit: Int = .max) -> Int {
        let spread = RejoinRules.spread(width)
        let low = 2 * (width - spread), high = 2 * (width + spread) + 1
        return keys.withUnsafeBufferPointer { storage in
            let sorted = storage.baseAddress! + Self.capacity
            let from = Self.firstIndex(notBelow: low, in: sorted, count: count)
            guard openOnly else { return Self.firstIndex(notBelow: high + 1, in: sorted, count: count) - from }
            var n = 0
            var i = from
            while i < count && sorted[i] <= high && n < limit {
                n &+= sorted[i] & 1
                i += 1
            }
            return n
        }
    }

    /// The first index of the ascending `sorted[0..<count]` whose key is at least `key`
    /// (`count` when there is none).
    @inline(__always)
    private static func firstIndex(notBelow key: Int, in sorted: UnsafePointer<Int>, count: Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo &+ hi) &>> 1
            if sorted[mid] < key { lo = mid &+ 1 } else { hi = mid }
        }
        return lo
    }

    /// Moves the window to `lines[lo...hi]`, where `base` is the absolute index of
    /// `lines[0]`; returns false without keeping the window when it spans ``capacity`` lines
    /// or more (``widestCluster()`` must not be asked then).
    mutating func move(_ lines: UnsafeBufferPointer<RejoinLine>, base: Int, lo: Int, hi: Int) -> Bool {
        let newFirst = base + lo, newLast = base + hi
        guard newLast - newFirst < Self.capacity, let lineBase = lines.baseAddress else {
            first = 0
            last = -1
            count = 0
            cluster = nil
            return false
        }
        if keys.isEmpty {
            keys = [Int](repeating: Self.noKey, count: 2 * Self.capacity)
        }
        let slides = last >= first && newFirst >= first && newLast >= last && newFirst <= last + 1
        var n = slides ? count : 0
        var changed = !slides
        keys.withUnsafeMutableBufferPointer { storage in
            let ring = storage.baseAddress!, keys = ring + Self.capacity
            let mask = Self.capacity - 1
            var leaving = slides ? first : newFirst
            var entering = slides ? last + 1 : newFirst
            // One line leaves as one enters: its slot in the ring is the entering line's or
            // an earlier one (the window is shorter than the ring), so it is read first.
            while leaving < newFirst && entering <= newLast {
                let x = ring[leaving & mask], y = lineBase[entering - base].clusterKey
                ring[entering & mask] = y
                if x != y {
                    Self.replace(x, with: y, in: keys, count: &n)
                    changed = true
                }
                leaving += 1
                entering += 1
            }
            while leaving < newFirst {
                let x = ring[leaving & mask]
                if x != Self.noKey {
                    Self.replace(x, with: Self.noKey, in: keys, count: &n)
                    changed = true
                }
                leaving += 1
            }
            while entering <= newLast {
                let y = lineBase[entering - base].clusterKey
                ring[entering & mask] = y
                if y != Self.noKey {
                    Self.replace(Self.noKey, with: y, in: keys, count: &n)
                    changed = true
                }
                entering += 1
            }
        }
        if changed { cluster = nil }
        first = newFirst
        last = newLast
        count = n
        return true
    }

    /// Replaces the key `x` of the ascending `keys[0..<n]` by `y`, in one pass over the keys
    /// between the two; ``noKey`` for `x` inserts `y`, for `y` removes `x`.
    @inline(__always)
    private static func replace(_ x: Int, with y: Int, in keys: UnsafeMutablePointer<Int>, count n: inout Int) {
        var i: Int
        if x == noKey {
            // a new last place, moved down to where `y` belongs
            i = n
            n += 1
        } else {
            i = firstIndex(notBelow: x, in: keys, count: n)
            if y == noKey {
                while i + 1 < n { keys[i] = keys[i + 1]; i += 1 }
                n -= 1
                return
            }
        }
        while i + 1 < n && keys[i + 1] < y { keys[i] = keys[i + 1]; i += 1 }
        while i > 0 && keys[i - 1] > y { keys[i] = keys[i - 1]; i -= 1 }
        keys[i] = y
    }
}
