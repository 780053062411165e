/// A set of word hashes (``RejoinWordHash``): open addressing with linear probing in a
/// power-of-two table, at most half full.
///
/// Why not `Set<UInt64>`: the keys are already 64-bit FNV-1a hashes, evenly spread, so
/// hashing them again (SipHash, which `Set` always does) is pure cost. Decoding the word list
/// inserts some 130,000 of them the first time a document has a line-end hyphen: 21 M
/// instructions with this table, where `Set` took 33 M for the 72,000 words of a smaller list.
struct RejoinWordHashSet: Sendable {
    /// The slots; 0 marks an empty one (a word whose hash is 0 is stored as 1, see ``key(_:)``).
    private var slots: [UInt64]
    private var mask: Int
    /// The number of words held.
    private(set) var count = 0

    /// An empty set with room for `capacity` words before it grows. With no capacity it
    /// allocates nothing until the first word: a rejoiner's stream (one per JSON Lines record)
    /// holds two, and most records have no English word.
    init(minimumCapacity capacity: Int = 0) {
        guard capacity > 0 else {
            slots = []
            mask = 0
            return
        }
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The stored form of `hash`: 0 marks an empty slot.
    @inline(__always)
    private static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    /// The slot a probe for `key` begins at: the hash's high bits (FNV-1a's low bits are
    /// the weaker ones).
    @inline(__always)
    private func start(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key >> 32 ^ key) & mask }

    /// Whether the set holds the word with hash `hash`.
    func contains(_ hash: UInt64) -> Bool {
        guard count > 0 else { return false }
        let k = Self.key(hash)
        var i = start(k)
        while true {
            let s = slots[i]
            if s == k { return true }
            if s == 0 { return false }
            i = (i &+ 1) & mask
        }
    }

    /// Adds the word with hash `hash`.
    @inline(__always)
    mutating func insert(_ hash: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        let k = Self.key(hash)
        let m = mask
        var i = start(k)
        let added: Bool = slots.withUnsafeMutableBufferPointer { table in
            while true {
                let s = table[i]
                if s == k { return false }
                if s == 0 {
                    table[i] = k
                    return true
                }
                i = (i &+ 1) & m
            }
        }
        if added { count += 1 }
    }

    /// Empties the set, keeping its table.
    mutating func removeAll() {
        guard count > 0 else { return }
        for i in slots.indices { slots[i] = 0 }
        count = 0
    }

    /// Doubles the table (or makes the first, of 16 slots) and places every word again.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: max(16, old.count * 2))
        mask = slots.count - 1
        count = 0
        for s in old where s != 0 { insert(s) }
    }
}
