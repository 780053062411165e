import HanziCore

/// Scalar predicates shared by the normaliser's passes.
enum NormalizationScalar {
    /// Invalid UTF-8 bytes travel through the engine as `rawByteBase | byte` and are written
    /// back unchanged.
    static let rawByteBase: UInt32 = UTF8Codec.invalidByteBase
    /// The middle of a long run of common Han characters travels through the engine as one
    /// scalar `hanRunBase + k` (k-th elided run), which the engine treats as a CJK letter.
    /// Nothing in the rules looks further than three scalars into a run of Han characters,
    /// so the result is the same, and the engine does less work.
    static let hanRunBase: UInt32 = 0x12_0000
    /// The common Han block U+4E00...U+9FFF, tested first everywhere as the common case.
    static let commonHanFirst: UInt32 = 0x4E00
    static let commonHanCount: UInt32 = 0x5200

    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        if v == 0x20 { return true }
        if v < 0x20 { return v == 0x09 }
        if v < 0xA0 || (v > 0x205F && v != 0x3000) { return false }
        return ScalarClass.isHorizontalSpace(v)
    }
    @inline(__always) static func isBreak(_ v: UInt32) -> Bool {
        if v > 0x0D && v < 0x85 { return false }
        return ScalarClass.isLineBreak(v)
    }
    /// A CJK letter; the katakana middle dot `・` and the double hyphen `゠` are punctuation.
    @inline(__always) static func isLetter(_ v: UInt32) -> Bool {
        if v &- commonHanFirst < commonHanCount { return true }
        if v < 0x1100 { return false }
        if v >= hanRunBase { return true }
        return ScalarClass.isCJKLetter(v)
    }
    @inline(__always) static func isASCIIAlnum(_ v: UInt32) -> Bool {
        ScalarClass.isASCIILetter(v) || ScalarClass.isASCIIDigit(v)
    }

    /// Letters, digits and the unit signs that stick to numbers (`50%`, `30℃`): what the
    /// CJK–Latin spacing option acts on.
    @inline(__always) static func isAlnumLike(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIIAlnum(v) || v == 0x25 }
        return ScalarClass.isLatinLetter(v) || v == 0x2030 || v == 0x2103 || v == 0xB0
    }

    /// CJK punctuation that is Chinese by itself (not shared with English text).
    @inline(__always) static func isStrongCJKPunctuation(_ v: UInt32) -> Bool {
        if v < 0x2000 { return false }
        switch NormalizationTables.punctuationClass(v) {
        case .open, .close, .pause, .stop: return true
        case .ambiguous, .dot, .dash: return false
        case .none: return ScalarClass.isCJKPunctuation(v)
        }
    }
}
