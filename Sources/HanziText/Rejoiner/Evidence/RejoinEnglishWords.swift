/// English words (SCOWL's size-70 list, Debian's `wamerican-large`; `Tables/english-words.txt`), the
/// evidence that a word hyphenated at a line end is one word (`com-` `pound`).
///
/// The list is decoded into a set of word hashes the first time a line-end hyphen asks
/// for it, so that text without such hyphens never pays for it.
enum RejoinEnglishWords {
    /// The hashes (``RejoinWordHash``) of the lowercase words of the list.
    static let hashes: RejoinWordHashSet = decode(frontCoded)

    /// Whether the lowercase ASCII letters `word` are a word of the list.
    static func contains(_ word: UInt64) -> Bool { hashes.contains(word) }

    /// Decodes the front-coded list (each word a digit, the number of letters shared with
    /// the word before, then the rest of the word; line breaks between words are ignored)
    /// into word hashes.
    ///
    /// FNV-1a is computed letter by letter, so the hash of the letters a word shares with
    /// the one before is kept (`prefixHashes[k]`: the hash of its first `k` letters) and only
    /// the rest of each word is hashed.
    static func decode(_ text: StaticString) -> RejoinWordHashSet {
        var set = RejoinWordHashSet(minimumCapacity: 140_000)
        // a word longer than the stack is hashed on, past the stack's end, without its
        // prefixes kept: the next word shares at most 9 letters with it
        let depth = 64
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: depth + 1) { prefixHashes in
            prefixHashes[0] = RejoinWordHash.seed
            var length = 0
            var hash = RejoinWordHash.seed
            text.withUTF8Buffer { bytes in
                for byte in bytes {
                    if byte &- 0x30 < 10 {
                        // A digit starts the next word: the one before is complete.
                        if length > 0 { set.insert(hash) }
                        length = min(Int(byte &- 0x30), length)
                        hash = prefixHashes[length]
                    } else if byte != 0x0A {
                        hash = RejoinWordHash.adding(byte, to: hash)
                        length += 1
                        if length <= depth { prefixHashes[length] = hash }
                    }
                }
            }
            if length > 0 { set.insert(hash) }
        }
        return set
    }
}

/// A 64-bit FNV-1a hash of a word's lowercase ASCII letters (and hyphens), the key under
/// which the rejoiner remembers words.
enum RejoinWordHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x100_0000_01B3

    /// The hash after `hash` of one more byte, folded to lowercase.
    @inline(__always)
    static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte | (byte &- 0x41 < 26 ? 0x20 : 0))) &* prime
    }

    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h = seed
        for b in bytes { h = adding(b, to: h) }
        return h
    }
}
