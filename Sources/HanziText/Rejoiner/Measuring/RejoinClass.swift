/// Character tests specific to the rejoiner, on top of ``ScalarClass``.
enum RejoinClass {
    /// Marks that end a sentence.
    @inline(__always)
    static func isSentenceFinal(_ v: UInt32) -> Bool {
        switch v {
        case 0x3002, 0xFF01, 0xFF1F, 0x2026, 0x21, 0x3F, 0x2E, 0xFF0E, 0x203C, 0x2047, 0x2048, 0x2049:
            return true
        default:
            return false
        }
    }

    /// Marks that close a clause strongly enough to end a list item or a lead-in: `：；`.
    @inline(__always)
    static func isClauseFinal(_ v: UInt32) -> Bool {
        v == 0xFF1A || v == 0xFF1B || v == 0x3A || v == 0x3B
    }

    /// Closing quotes and brackets.
    @inline(__always)
    static func isClosingQuote(_ v: UInt32) -> Bool {
        switch v {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x300B, 0x3009, 0x3011, 0x3015, 0x3017,
             0x3019, 0x301B, 0x301E, 0x301F, 0x29, 0x5D, 0x22, 0x27, 0xFF3D, 0xFF60:
            return true
        default:
            return false
        }
    }

    /// Opening quotes and brackets.
    @inline(__always)
    static func isOpening(_ v: UInt32) -> Bool {
        switch v {
        case 0x201C, 0x2018, 0x300C, 0x300E, 0xFF08, 0x300A, 0x3008, 0x3010, 0x3014, 0x3016,
             0x3018, 0x301A, 0x301D, 0x28, 0x5B, 0x7B, 0xFF3B, 0xFF5B, 0xFF5F:
            return true
        default:
            return false
        }
    }

    /// Punctuation that cannot begin a paragraph (an extractor broke the line before it).
    @inline(__always)
    static func isNonInitial(_ v: UInt32) -> Bool {
        switch v {
        case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0xFF09, 0x300D, 0x300F,
             0x201D, 0x2019, 0x300B, 0x3009, 0x3011, 0x3015, 0x2026, 0xFF0E, 0x2C, 0x3B, 0x3A,
             0x21, 0x3F, 0x29, 0xFE50, 0xFE51, 0xFE52, 0xFE54, 0xFE55, 0xFE56, 0xFE57:
            return true
        default:
            return false
        }
    }

    /// Dashes that make up `——`.
    @inline(__always)
    static func isDash(_ v: UInt32) -> Bool {
        v == 0x2014 || v == 0x2015 || v == 0x2500 || v == 0x2E3A || v == 0x2E3B
    }

    /// Bullets and picture marks that begin a list item or a caption.
    @inline(__always)
    static func isBullet(_ v: UInt32) -> Bool {
        switch v {
        case 0x2022, 0x2023, 0x2043, 0x25CF, 0x25CB, 0x25A0, 0x25A1, 0x25AA, 0x25AB, 0x25B2,
             0x25B3, 0x25B6, 0x25BA, 0x25C6, 0x25C7, 0x25CE, 0x2605, 0x2606, 0x203B, 0x25BC,
             0x25BD, 0x2714, 0x27A2, 0x2756:
            return true
        default:
            return false
        }
    }

    /// Circled and parenthesised numbers: `①`–`⑳`, `⑴`–`⒇`, `⒈`–`⒛`, `❶`–`➓`.
    @inline(__always)
    static func isEnclosedNumber(_ v: UInt32) -> Bool {
        (0x2460...0x249B).contains(v) || (0x2776...0x2793).contains(v) || (0x3251...0x325F).contains(v)
    }

    /// Chinese numerals used to number list items.
    @inline(__always)
    static func isChineseNumeral(_ v: UInt32) -> Bool {
        switch v {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
             0x767E, 0x96F6, 0x3007, 0x58F9, 0x8D30, 0x53C1, 0x8086, 0x4F0D, 0x9646, 0x67D2,
             0x634C, 0x7396, 0x62FE, 0x8CB3, 0x53C3, 0x9678:
            return true
        default:
            return false
        }
    }

    /// CJK punctuation in the wide sense (``ScalarClass/isCJKPunctuation(_:)``).
    @inline(__always)
    static func isCJKPunct(_ v: UInt32) -> Bool { ScalarClass.isCJKPunctuation(v) }

    /// Scalars that follow the Western spacing rules at a join: ASCII letters, digits and
    /// punctuation, Latin letters.
    @inline(__always)
    static func isWestern(_ v: UInt32) -> Bool {
        if v < 0x80 { return v > 0x20 && v != 0x7F }
        return isLatinLetter(v)
    }

    /// Latin letters and digits: the side of a CJK–Western pair that the document may space.
    @inline(__always)
    static func isAlnum(_ v: UInt32) -> Bool {
        ScalarClass.isASCIIDigit(v) || isLatinLetter(v)
    }

    /// ``ScalarClass/isLatinLetter(_:)``, decided in line for ASCII and for everything from
    /// U+1F00 on (CJK text, where it is always false): the measuring loop asks it of most
    /// scalars, and the call is not inlined. It must equal ``ScalarClass/isLatinLetter(_:)``
    /// for every scalar (a test checks them all).
    @inline(__always)
    static func isLatinLetter(_ v: UInt32) -> Bool {
        v < 0x80 ? ScalarClass.isASCIILetter(v) : (v < 0x1F00 && ScalarClass.isLatinLetter(v))
    }

    /// Hyphens that can end a line inside an English word.
    @inline(__always)
    static func isHyphen(_ v: UInt32) -> Bool { v == 0x2D || v == 0x2010 }

    static let softHyphen: UInt32 = 0xAD
}

extension RejoinClass {
    /// U+3000 IDEOGRAPHIC SPACE: as wide as a CJK character.
    static let ideographicSpace: UInt32 = 0x3000
    /// U+000B LINE TABULATION: a line break to the stream, white space inside a piece of a
    /// long line.
    static let lineTabulation: UInt32 = 0x0B

    /// White space inside a line: horizontal space (``ScalarClass/isHorizontalSpace(_:)``)
    /// and a line tabulation. ASCII and everything after U+3000 are decided in line (the
    /// measuring loop asks it of most scalars, and the call is not inlined); it must equal
    /// `ScalarClass.isHorizontalSpace(v) || v == lineTabulation` for every scalar (a test
    /// checks them all).
    @inline(__always)
    static func isLineSpace(_ v: UInt32) -> Bool {
        v < 0xA0 ? (v == 0x20 || v == 0x09 || v == lineTabulation) : (v <= ideographicSpace && ScalarClass.isHorizontalSpace(v))
    }
}
