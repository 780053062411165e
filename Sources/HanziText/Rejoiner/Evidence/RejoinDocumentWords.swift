/// The English words a document uses, remembered as the stream reads it: a word
/// hyphenated at a line end is one word when the document writes it unhyphenated
/// elsewhere (`Uni-` `code` where `Unicode` occurs), and a compound when it writes it
/// with its hyphen (`get-dependencies`).
///
/// It also remembers whether the document writes U+2010 HYPHEN inside a line: one that
/// does not got its line-end U+2010s from the typesetter's hyphenation character (Chromium's
/// default; a hyphen of the text itself stays its own character at a line end).
///
/// Lines are recorded in order as they enter a decision's window, so what is known at a
/// line break does not depend on how the input was chunked. Memory is bounded: after
/// ``generationSize`` words a new generation begins and the one before the last is
/// forgotten.
struct RejoinDocumentWords: Sendable {
    /// The number of distinct words of one generation.
    static let generationSize = 1 << 14

    private var current = RejoinWordHashSet()
    private var previous = RejoinWordHashSet()

    /// Whether a line recorded so far holds U+2010 HYPHEN before its last character.
    private(set) var writesHyphenInLine = false

    /// Whether the document used the word with hash `word` (``RejoinWordHash``).
    func contains(_ word: UInt64) -> Bool { current.contains(word) || previous.contains(word) }

    private mutating func insert(_ word: UInt64) {
        if current.count >= Self.generationSize {
            swap(&previous, &current)
            current.removeAll()
        }
        current.insert(word)
    }

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    /// Records the words of `p[s..<e]`: every run of ASCII letters, and every compound of
    /// such runs joined by single hyphens (`get-dependencies`) as a whole too.
    mutating func record(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int) {
        var i = s
        while i < e {
            guard Self.isLetter(p[i]) else {
                if p[i] == 0xE2 && i + 3 < e && p[i + 1] == 0x80 && p[i + 2] == 0x90 { writesHyphenInLine = true }
                i += 1
                continue
            }
            var whole = RejoinWordHash.seed, run = RejoinWordHash.seed
            var compound = false
            var j = i
            while j < e {
                let b = p[j]
                if Self.isLetter(b) {
                    whole = RejoinWordHash.adding(b, to: whole)
                    run = RejoinWordHash.adding(b, to: run)
                } else if b == 0x2D && j + 1 < e && Self.isLetter(p[j + 1]) {
                    insert(run)
                    run = RejoinWordHash.seed
                    whole = RejoinWordHash.adding(b, to: whole)
                    compound = true
                } else {
                    break
                }
                j += 1
            }
            insert(run)
            if compound { insert(whole) }
            // a run glued to a following digit or non-ASCII letter is not a word of its own
            i = j
        }
    }
}
