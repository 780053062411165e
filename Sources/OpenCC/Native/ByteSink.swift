/// A growable byte buffer for the conversion loop: appends without the bounds checks and
/// uniqueness checks of `[UInt8]`, and hands its bytes over in one copy at the end.
///
/// Written here rather than taken from a library because it is a dozen lines and the hot loop
/// needs exactly this: raw appends of a few bytes at a time.
///
/// A sink can also write into memory its owner lends it (``init(borrowing:capacity:)``): the
/// caller's output array, so that a chunk's conversion is written where it ends up instead of
/// into fresh memory (a megabyte of page faults per chunk) and copied there afterwards. Once the
/// lent memory is full, the sink moves its bytes into memory of its own and goes on there
/// (``isBorrowed`` tells).
struct ByteSink: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// Whether `base` is lent memory, which the sink neither frees nor outgrows in place.
    private(set) var isBorrowed = false

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// A sink writing into `capacity` bytes at `memory`, which must stay valid while the sink
    /// writes there (see ``isBorrowed``).
    init(borrowing memory: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.capacity = capacity
        base = memory
        isBorrowed = true
    }

    deinit {
        if !isBorrowed { base.deallocate() }
    }

    /// Forgets the bytes, keeps the memory.
    mutating func removeAll() {
        count = 0
    }

    /// Forgets the last `length` bytes.
    mutating func removeLast(_ length: Int) {
        precondition(length >= 0 && length <= count, "removing more bytes than the sink holds")
        count &-= length
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        if length > capacity &- count { grow(to: count &+ length) }
        let target = UnsafeMutableRawPointer(base + count)
        let source = UnsafeRawPointer(bytes)
        // Most appends are a few characters: two overlapping word copies instead of a call.
        if length >= 8 && length <= 16 {
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: length &- 8, as: UInt64.self)
        } else if length >= 4 && length < 8 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: length &- 4, as: UInt32.self)
        } else if length < 4 {
            var index = 0
            while index < length {
                (base + count)[index] = bytes[index]
                index &+= 1
            }
        } else {
            (base + count).update(from: bytes, count: length)
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
        newCapacity = max(newCapacity, 64)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        if isBorrowed { isBorrowed = false } else { base.deallocate() }
        base = newBase
        capacity = newCapacity
    }

    /// The bytes, for reading until the next change.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
