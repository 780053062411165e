/// English words (Debian's `wamerican`, from SCOWL; `Tables/english-words.txt`), the
/// evidence that a word hyphenated at a line end is one word (`com-` `pound`).
///
/// The list is decoded into a set of word hashes the first time a line-end hyphen asks
/// for it, so that text without such hyphens never pays for it.
enum RejoinEnglishWords {
    /// The hashes (``RejoinWordHash``) of the lowercase words of the list.
    static let hashes: Set<UInt64> = decode(frontCoded)

    /// Whether the lowercase ASCII letters `word` are a word of the list.
    static func contains(_ word: UInt64) -> Bool { hashes.contains(word) }

    /// Decodes the front-coded list (each word a digit, the number of letters shared with
    /// the word before, then the rest of the word; line breaks between words are ignored)
    /// into word hashes.
    static func decode(_ text: StaticString) -> Set<UInt64> {
        var set = Set<UInt64>(minimumCapacity: 70_000)
        var word: [UInt8] = []
        word.reserveCapacity(32)
        text.withUTF8Buffer { bytes in
            for byte in bytes {
                if byte &- 0x30 < 10 {
                    // A digit starts the next word: the one before is complete.
                    if !word.isEmpty { set.insert(RejoinWordHash.of(word)) }
                    word.removeSubrange(min(Int(byte &- 0x30), word.count)...)
                } else if byte != 0x0A {
                    word.append(byte)
                }
            }
        }
        if !word.isEmpty { set.insert(RejoinWordHash.of(word)) }
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
