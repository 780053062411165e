/// The class of a CJK punctuation scalar for the normaliser's spacing and context rules
/// (generated from `Tables/punctuation-classes.tsv`).
enum PunctuationClass: UInt8, Sendable {
    /// Not listed in the table.
    case none
    /// An opening bracket: no space after it.
    case open
    /// A closing bracket: no space before it; a single space after it stays.
    case close
    /// `，、；：`: no space before or after.
    case pause
    /// `。！？`: no space before; a single space after stays.
    case stop
    /// Shared by Chinese and English (curly quotes, `…`, `—`): context looks through it.
    case ambiguous
    /// A middle-dot variant.
    case dot
    /// A dash variant (`―`, `─`).
    case dash
}

/// One punctuation style's choices (generated from `Tables/styles.tsv`).
struct StyleValues: Sendable {
    var outerOpen: UInt32
    var outerClose: UInt32
    var innerOpen: UInt32
    var innerClose: UInt32
    var ellipsis: [UInt32]
    var dash: [UInt32]
    var interpunct: UInt32
    /// Bit n set: U+FF01 + n stays full width (n < 64).
    var ownFullwidthLow: UInt64
    /// Bit n set: U+FF01 + 64 + n stays full width.
    var ownFullwidthHigh: UInt64

    /// Whether the full-width form `v` (U+FF01...U+FF5E) is this style's own punctuation.
    @inline(__always)
    func isOwnFullwidth(_ v: UInt32) -> Bool {
        let n = v &- 0xFF01
        if n < 64 { return ownFullwidthLow & (1 << UInt64(n)) != 0 }
        if n < 94 { return ownFullwidthHigh & (1 << UInt64(n - 64)) != 0 }
        return false
    }
}

/// Scalar predicates shared by the normaliser's passes.
enum NormalizationScalar {
    /// Invalid UTF-8 bytes travel through the engine as `rawByteBase | byte` and are written
    /// back unchanged.
    static let rawByteBase: UInt32 = 0x11_0000
    /// The middle of a long run of common Han characters travels through the engine as one
    /// scalar `hanRunBase + k` (k-th elided run), which the engine treats as a CJK letter.
    /// Nothing in the rules looks further than three scalars into a run of Han characters,
    /// so the result is the same, and the engine does less work.
    static let hanRunBase: UInt32 = 0x12_0000

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
        if v &- 0x4E00 < 0x5200 { return true }  // U+4E00...U+9FFF, the common case
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

    /// Curly quotes `“”‘’`.
    @inline(__always) static func isCurlyQuote(_ v: UInt32) -> Bool {
        v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019
    }
}

/// Per-scalar flags carried through the passes.
enum NormalizationFlag {
    /// Inside a URL, e-mail address, path, inline code or emoticon: never changed.
    static let protected: UInt8 = 1
    /// A curly quote of a pair in Chinese context (spaces inside it are removed).
    static let chineseQuote: UInt8 = 2
}
