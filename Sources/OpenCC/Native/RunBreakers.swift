/// Characters at which a guarded walk (``NativeConverter/fusedGuard``) may cut the run between
/// two segments into pieces that go through the conversion chain on their own: ASCII, CJK
/// punctuation (U+3000–U+303F) and full-width forms (U+FF00–U+FF3F) that occur in no key of
/// the fused table or of the guard.
///
/// OpenCC converts a run as one segment. Cut before such a character, it converts to the same
/// bytes: no match of either conversion can cover the character, so both walks step onto it
/// and past it on their own, and the second conversion meets it unchanged. An ideographic
/// description sequence can cover any character, but the walk never stops inside one that the
/// conversions keep whole: where no key starts at its description character, the fused walk
/// steps over it whole as well, and where a key of the fused table starts there, that key is a
/// segment, which ends the run. A run of Simplified text between two Traditional phrases is
/// often thousands of characters long, so a key of the guard that matches once would
/// otherwise send all of it through the whole chain.
struct RunBreakers: Sendable, Equatable {
    /// One bit per character of the three ranges: ASCII (two words), U+3000–U+303F, U+FF00–U+FF3F.
    private var masks: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// No breakers.
    init() {}

    static func == (a: RunBreakers, b: RunBreakers) -> Bool {
        a.masks.0 == b.masks.0 && a.masks.1 == b.masks.1 && a.masks.2 == b.masks.2 && a.masks.3 == b.masks.3
    }

    /// The characters of the three ranges that occur in no key of `tables`.
    init(outsideKeysOf tables: [CompiledTrie]) {
        var used = RunBreakers()
        for table in tables {
            for scalar in table.scalar.dropFirst() { used.insert(scalar) }
        }
        masks = (~used.masks.0, ~used.masks.1, ~used.masks.2, ~used.masks.3)
    }

    private mutating func insert(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x40: masks.0 |= 1 << UInt64(scalar)
        case 0x40..<0x80: masks.1 |= 1 << UInt64(scalar - 0x40)
        case 0x3000..<0x3040: masks.2 |= 1 << UInt64(scalar - 0x3000)
        case 0xFF00..<0xFF40: masks.3 |= 1 << UInt64(scalar - 0xFF00)
        default: break
        }
    }

    /// Whether `scalar` is a breaker.
    @inline(__always)
    func contains(_ scalar: UInt32) -> Bool {
        // Han characters and everything else between the ranges first: one test.
        if scalar &- 0x3040 < 0xFF00 - 0x3040 { return false }
        if scalar < 0x40 { return masks.0 & (1 &<< UInt64(scalar)) != 0 }
        if scalar < 0x80 { return masks.1 & (1 &<< UInt64(scalar &- 0x40)) != 0 }
        if scalar &- 0x3000 < 0x40 { return masks.2 & (1 &<< UInt64(scalar &- 0x3000)) != 0 }
        if scalar &- 0xFF00 < 0x40 { return masks.3 & (1 &<< UInt64(scalar &- 0xFF00)) != 0 }
        return false
    }
}
