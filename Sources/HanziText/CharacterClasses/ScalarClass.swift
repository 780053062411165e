/// Character classes of Unicode scalars that the text engines decide on.
///
/// Every test here works on a single `Unicode.Scalar` value (never `Character`), so the
/// engines can run over UTF-8 bytes or scalar buffers at memory speed.
public enum ScalarClass {
    /// Whether `v` is a Han ideograph: CJK Unified Ideographs, Extensions A to I,
    /// Compatibility Ideographs and their supplement, and the ideographic iteration
    /// mark and zero (`々`, `〇`).
    @inlinable
    public static func isHan(_ v: UInt32) -> Bool {
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF,
             0x20000...0x2FA1F, 0x30000...0x323AF, 0x3005, 0x3007:
            return true
        default:
            return false
        }
    }

    /// Whether `v` is a CJK letter: Han, kana, Hangul or Bopomofo. The katakana middle dot
    /// `・` and the double hyphen `゠` of the kana block are punctuation, not letters.
    @inlinable
    public static func isCJKLetter(_ v: UInt32) -> Bool {
        if isHan(v) { return true }
        switch v {
        case 0x30A0, 0x30FB:
            return false
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xAC00...0xD7A3, 0x1100...0x11FF,
             0x3100...0x312F, 0x31A0...0x31BF:
            return true
        default:
            return false
        }
    }

    /// Whether `v` is full-width punctuation as used in Chinese text: the CJK Symbols and
    /// Punctuation block (`、。「」《》【】〔〕…`), the full-width forms of ASCII punctuation
    /// (`，；：？！（）`), the curly quotes `“”‘’`, the ellipsis `…`, the dashes `—` and `─`,
    /// and the interpuncts `·` and `‧`.
    @inlinable
    public static func isCJKPunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0x3030, 0x303D:
            return true
        case 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65:
            return true
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2014, 0x2015, 0x2500, 0x00B7, 0x2027,
             0x30FB, 0xFE30...0xFE4F:
            return true
        default:
            return false
        }
    }

    /// Whether `v` is CJK text for spacing decisions: a CJK letter or CJK punctuation.
    @inlinable
    public static func isCJK(_ v: UInt32) -> Bool {
        isCJKLetter(v) || isCJKPunctuation(v)
    }

    /// Whether `v` is an ASCII letter `A`–`Z` or `a`–`z`.
    @inlinable
    public static func isASCIILetter(_ v: UInt32) -> Bool {
        (v | 0x20) &- 0x61 < 26
    }

    /// Whether `v` is an ASCII digit `0`–`9`.
    @inlinable
    public static func isASCIIDigit(_ v: UInt32) -> Bool {
        v &- 0x30 < 10
    }

    /// Whether `v` is a Latin letter: ASCII, Latin-1 and Latin Extended letters.
    @inlinable
    public static func isLatinLetter(_ v: UInt32) -> Bool {
        if isASCIILetter(v) { return true }
        switch v {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF:
            return true
        default:
            return false
        }
    }

    /// Whether `v` is horizontal white space inside a line: space, tab, no-break space,
    /// the ideographic space `U+3000` and the other Unicode space separators.
    @inlinable
    public static func isHorizontalSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0xA0, 0x3000, 0x1680, 0x2000...0x200A, 0x202F, 0x205F:
            return true
        default:
            return false
        }
    }

    /// Whether `v` ends a line: LF, CR, VT, FF, NEL, LS and PS.
    @inlinable
    public static func isLineBreak(_ v: UInt32) -> Bool {
        switch v {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
            return true
        default:
            return false
        }
    }

    /// Whether `v` is white space of any kind (what the "no character lost" invariant skips).
    @inlinable
    public static func isWhitespace(_ v: UInt32) -> Bool {
        isHorizontalSpace(v) || isLineBreak(v)
    }

    /// The East Asian Width of `v` as display columns: 2 for Wide and Fullwidth scalars
    /// (UAX #11), 0 for combining marks and zero-width format characters, 1 otherwise.
    ///
    /// East Asian Ambiguous characters (`“”‘’…—·`) take 2 columns when `ambiguousIsWide`
    /// is true, as they do when set in a Chinese font.
    @inlinable
    public static func displayWidth(_ v: UInt32, ambiguousIsWide: Bool = true) -> Int {
        if v < 0x300 { return v == 0xB7 && ambiguousIsWide ? 2 : 1 }
        switch v {
        case 0x300...0x36F, 0x200B...0x200F, 0x2060...0x2064, 0xFE00...0xFE0F, 0xFEFF:
            return 0
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E,
             0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
             0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        case 0x2010, 0x2013...0x2016, 0x2018, 0x2019, 0x201C, 0x201D, 0x2020...0x2022,
             0x2024...0x2027, 0x2030, 0x2032, 0x2033, 0x203B, 0x2103, 0x2116, 0x2160...0x216B,
             0x2170...0x2179, 0x2190...0x2199, 0x2460...0x24E9, 0x2500...0x257F, 0x25A0...0x25FF,
             0x2605, 0x2606, 0x2609, 0x260E, 0x260F, 0x261C, 0x261E, 0x2640, 0x2642:
            return ambiguousIsWide ? 2 : 1
        default:
            return 1
        }
    }
}
