/// A growable byte buffer for the conversion loop: appends without the bounds checks and
/// uniqueness checks of `[UInt8]`, and hands its bytes over in one copy at the end.
///
/// Written here rather than taken from a library because it is a dozen lines and the hot loop
/// needs exactly this: raw appends of a few bytes at a time.
struct ByteSink: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// Forgets the bytes, keeps the memory.
    mutating func removeAll() {
        count = 0
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        if length > capacity &- count { grow(to: count &+ length) }
        let target = base + count
        if length <= 4 {
            var index = 0
            while index < length {
                target[index] = bytes[index]
                index &+= 1
            }
        } else {
            target.update(from: bytes, count: length)
        }
        count &+= length
    }

    /// Appends `length` (at most 4) bytes packed in `packed`, lowest first.
    @inline(__always)
    mutating func append(packed: UInt32, count length: Int) {
        if 4 > capacity &- count { grow(to: count &+ 4) }
        UnsafeMutableRawPointer(base + count).storeBytes(of: packed.littleEndian, as: UInt32.self)
        count &+= length
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity &* 2
        while newCapacity < needed { newCapacity &*= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// The bytes, for reading until the next change.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
