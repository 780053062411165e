import Testing
@testable import HanziText

/// The rejoiner's own set of word hashes holds exactly what `Set<UInt64>` holds, through
/// growth, duplicates, the hash 0 and clustered keys.
@Suite struct RejoinWordHashSetTests {
    /// A deterministic generator, so that a failure repeats.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [1, 2, 3])
    func agreesWithSet(seed: UInt64) {
        var rng = SplitMix(state: seed)
        var ours = RejoinWordHashSet()
        var reference = Set<UInt64>()
        for step in 0..<40_000 {
            // random keys, keys that differ in their low bits only (one probe start), repeats,
            // and 0 and 1 (0 is stored as 1)
            let key: UInt64
            switch step % 5 {
            case 0: key = rng.next()
            case 1: key = (rng.next() & 0xFF) << 40
            case 2: key = reference.randomElement(using: &rng) ?? 0
            case 3: key = UInt64(step % 7 == 0 ? 0 : 1)
            default: key = rng.next() & 0xFFFF
            }
            ours.insert(key)
            reference.insert(key == 0 ? 1 : key)
            if step % 997 == 0 {
                #expect(ours.count == reference.count)
            }
        }
        #expect(ours.count == reference.count)
        for key in reference { #expect(ours.contains(key)) }
        for _ in 0..<20_000 {
            let probe = rng.next() & 0x3_FFFF
            #expect(ours.contains(probe) == reference.contains(probe == 0 ? 1 : probe))
        }
        ours.removeAll()
        #expect(ours.count == 0)
        #expect(!reference.contains { ours.contains($0) })
    }

    /// An empty set (a stream's, before its first English word) answers and empties
    /// without a table, and takes its first word.
    @Test func anEmptySetHasNoTableYet() {
        var set = RejoinWordHashSet()
        #expect(!set.contains(0) && !set.contains(1) && !set.contains(0xFFFF_FFFF_FFFF_FFFF))
        set.removeAll()
        #expect(set.count == 0)
        set.insert(42)
        #expect(set.contains(42) && set.count == 1 && !set.contains(43))
        set.removeAll()
        #expect(!set.contains(42) && set.count == 0)
    }

    /// The word list decodes to as many distinct hashes as it has words, and each word of it
    /// is found by the hash of its letters.
    @Test func theWordListDecodesToItsWords() {
        for word in ["aachen", "compound", "runtime", "metadata", "callback", "zygote"] {
            #expect(RejoinEnglishWords.contains(RejoinWordHash.of(Array(word.utf8))), "\(word)")
        }
        #expect(!RejoinEnglishWords.contains(RejoinWordHash.of(Array("compoun".utf8))))
        #expect(!RejoinEnglishWords.contains(RejoinWordHash.of(Array("compoundsx".utf8))))
    }
}
