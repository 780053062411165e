/// What one extracted text line looks like to the column-break rejoiner: its measured width,
/// how it begins and ends, and the few facts about its inside that the decisions use.
///
/// A line is measured once, when it has been read completely; the decisions then work on
/// these small records only, so a window of lines costs a few hundred bytes whatever the
/// length of the lines.
struct RejoinLine {
    /// How a line begins, as far as paragraph structure is concerned.
    enum Start: UInt8 {
        /// Ordinary text.
        case plain
        /// A list item: `一、`, `（一）`, `(1)`, `1.`, `1、`, `①`, `第一，`.
        case list
        /// A bullet or a picture/caption mark: `•`, `●`, `■`, `▲`, `□`, `◆`, `★`, `- `.
        case bullet
        /// A dateline: `新华社北京7月6日电`, `本报讯`, `（中央社記者…台北6日電）`.
        case dateline
        /// Punctuation that never begins a paragraph: `，。、；：！？）」』”》…`.
        case closing
        /// An opening bracket or quote: `（`, `【`, `(`.
        case openBracket
        /// A dash `——` (a subtitle, or a dash carried over from the line before).
        case dash
    }

    /// How a line ends, as far as paragraph structure is concerned.
    enum End: UInt8 {
        /// Mid-sentence: a letter, a digit, `，`, `、` or anything not listed below.
        case open
        /// Sentence-final punctuation (`。！？…!?.`), `：`, `；`, or a closing quote or
        /// bracket that directly follows one of them (`。”`).
        case final
        /// A closing quote or bracket after a letter (`“新农人”`).
        case closeQuote
        /// A dash `——`: a lead-in when the line is short, mid-sentence when it is full.
        case dash
        /// An opening quote or bracket: the text certainly goes on.
        case opening
    }

    /// The 1-based number of the input line (for explanations).
    var inputLine: Int = 0
    /// Absolute stream offset of the first byte of the line's content (indentation skipped).
    var contentStart: Int = 0
    /// Absolute stream offset just after the last non-space byte of the content.
    var contentEnd: Int = 0
    /// Display width of the leading white space, in columns.
    var indentCols: Int = 0
    /// Typeset width of the content in quarter ems (inner spaces included), see
    /// ``RejoinLineScanner/columns(_:)``.
    var width: Int = 0
    /// Typeset width of the content without its letter spacing, in quarter ems.
    var collapsedWidth: Int = 0
    /// Number of scalars whose typeset width may differ from the measured one by about a
    /// quarter em: compressible punctuation, Latin letters, digits, other half-width marks.
    var uncertainWidth: Int = 0
    /// Number of non-space scalars.
    var scalars: Int = 0
    /// Whether the line is letter-spaced (`以 改 革 促 进`): its spaces are not real.
    var letterSpaced: Bool = false
    /// Whether the line, not letter-spaced as a whole, holds spaced runs of half-width
    /// characters (`定一个J S O N 文件`) whose spaces are letter spacing, see
    /// ``RejoinLetterSpacing``.
    var spacedRuns: Bool = false
    /// Whether the line is page furniture by its content: a page number or edition mark
    /// (`3`, `- 2 -`, `2 / 10`, `第 2 版`) or a running head ending in one, see
    /// ``RejoinFolio``.
    var isFolio: Bool = false
    var start: Start = .plain
    var end: End = .open
    /// The first two and last three non-space scalars (0 where the line is shorter).
    var first: UInt32 = 0
    var second: UInt32 = 0
    var last: UInt32 = 0
    var beforeLast: UInt32 = 0
    var thirdLast: UInt32 = 0
    /// Whether a sentence-final mark (`。！？`) occurs before the last two scalars.
    var innerSentenceEnd: Bool = false
    /// Whether `，`, `、` or `,` occurs inside the line.
    var innerComma: Bool = false
    /// Whether a space separates two CJK scalars inside the line (headline phrase separator
    /// or byline), outside letter spacing.
    var innerCJKSpace: Bool = false
    /// Occurrences of CJK next to a Latin letter or digit across a space (`Rust 是`, `3 个`).
    var spacedMixed: Int32 = 0
    /// Occurrences of CJK directly next to a Latin letter or digit (`2000多个`).
    var solidMixed: Int32 = 0
    /// Blank (white-space-only) lines between this line and the next text line.
    var blanksAfter: Int32 = 0
    /// Whether a page break (form feed) lies between this line and the next text line.
    var pageAfter: Bool = false
    /// The number of scalars of the line's first and last space-separated token.
    var firstTokenScalars: Int = 0
    var lastTokenScalars: Int = 0
    /// Whether the line is a calendar date and nothing else (`2021年10月14日`): the date
    /// line of a title block.
    var isDate: Bool = false
    /// Whether the line holds an ASCII letter (its English words are worth recording).
    var asciiLetters: Bool = false
    /// Whether the last word before a line-end hyphen is capitalised (`Chia-`), or has fewer
    /// than two letters: its hyphen is then kept.
    var hyphenKeeps: Bool = false
    /// Width of the line's first unbreakable piece: a Latin word or number with its
    /// punctuation, or one CJK character (with the punctuation that may not begin a line).
    /// A line before it was wrapped if this piece did not fit at its end.
    var leadWidth: Int = 0
    /// Whether the line starts with a lowercase English suffix fragment (`ly`, `tion`,
    /// `ment`…) that a typesetter splits off a word.
    var startsWithSuffix: Bool = false
    /// Whether the last token is a URL or path (`https://…`, `www.…`): it joins without space.
    var endsInURL: Bool = false
    /// Whether the line ends inside a path or identifier that a typesetter broke at the
    /// line end: its last run of ASCII characters holds `/`, `_` or `\\`
    /// (`/usr/share/opencc/s2twp.j`, `x86_6`), or is a lone `.` after CJK text or a space (`与.`, `通过 .`).
    var endsInPath: Bool = false
    /// Whether the last run of ASCII characters holds a dot between two letters or
    /// digits (`ColumnRejoiner.r`, `s2twp.j`): a file or member name, unless the next line
    /// goes on with a word of its own.
    var endsInDottedName: Bool = false
    /// Whether the line begins with a word of ASCII letters followed by a space or the
    /// line end (`to build`): an English word, not the rest of a broken name.
    var startsWithWord: Bool = false
    /// Counts over all the lines before this one (and the line breaks between them), so
    /// that a window's counts are two subtractions.
    var prefix = RejoinPrefix()
    /// The line's key in the column-width cluster (``RejoinRules/clusterWidth(_:lo:hi:)``):
    /// `filledWidth * 2 + 1` when it ends mid-sentence, `filledWidth * 2` when it ends a
    /// sentence, -1 when it is too short to show a column (fewer than two non-space
    /// scalars and not letter-spaced). Set once the line is measured.
    var clusterKey: Int = -1
    /// Whether this record is a piece of a line longer than
    /// ``ColumnRejoiner/maxLineBytes`` that the next record continues: the break after it
    /// is not a line break and joins with nothing.
    var continuesOnNextRecord: Bool = false

    /// The width that shows how much of the column the line filled: a letter-spaced line
    /// is stretched to the column, so its spaces count.
    @inline(__always)
    var filledWidth: Int { letterSpaced ? width : collapsedWidth }

    /// Whether the line is one character (the extreme letter-spacing: one per line).
    @inline(__always)
    var isSingleCharacter: Bool { scalars == 1 || (scalars == 2 && RejoinClass.isCJKPunct(last)) }
}

/// Running counts over the lines of a stream, kept on each line for the lines before it.
struct RejoinPrefix {
    /// Line breaks followed by one, two, and three or more blank lines.
    var blank1: Int32 = 0
    var blank2: Int32 = 0
    var blank3: Int32 = 0
    /// CJK next to Latin letters or digits across a space, and directly.
    var spaced: Int32 = 0
    var solid: Int32 = 0
    /// Indented lines.
    var indented: Int32 = 0
    /// Lines wider than any column (``RejoinRules/maxColumnWidth``): paragraphs already
    /// on one line each.
    var unwrapped: Int32 = 0

    /// The counts after `line` (whose blank lines after it are known), read in place.
    @inline(__always)
    func adding(_ line: UnsafePointer<RejoinLine>) -> RejoinPrefix {
        var p = self
        switch line.pointee.blanksAfter {
        case 0: break
        case 1: p.blank1 &+= 1
        case 2: p.blank2 &+= 1
        default: p.blank3 &+= 1
        }
        p.spaced &+= line.pointee.spacedMixed
        p.solid &+= line.pointee.solidMixed
        if line.pointee.indentCols > 0 { p.indented &+= 1 }
        if line.pointee.filledWidth > RejoinRules.maxColumnWidth { p.unwrapped &+= 1 }
        return p
    }
}

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
        return ScalarClass.isLatinLetter(v)
    }

    /// Latin letters and digits: the side of a CJK–Western pair that the document may space.
    @inline(__always)
    static func isAlnum(_ v: UInt32) -> Bool {
        ScalarClass.isASCIIDigit(v) || ScalarClass.isLatinLetter(v)
    }

    /// Hyphens that can end a line inside an English word.
    @inline(__always)
    static func isHyphen(_ v: UInt32) -> Bool { v == 0x2D || v == 0x2010 }

    static let softHyphen: UInt32 = 0xAD
}
