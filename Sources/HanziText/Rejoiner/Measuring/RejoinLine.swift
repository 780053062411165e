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
    /// The half-width scalars that ``width`` counts two quarter ems each, by class: how
    /// wide they really are is learned from the document (``RejoinWidthCalibration``).
    var halfWidths = RejoinHalfWidthCounts()
    /// Whether the line is letter-spaced (`以 改 革 促 进`): its spaces are not real.
    var letterSpaced: Bool = false
    /// Whether the line, not letter-spaced as a whole, holds spaced runs of half-width
    /// characters (`定一个J S O N 文件`) whose spaces are letter spacing, see
    /// ``RejoinLetterSpacing``.
    var spacedRuns: Bool = false
    /// Whether the line is page furniture by its content: a page number or edition mark
    /// (`3`, `- 2 -`, `2 / 10`, `第 2 版`) or a running head ending in one, see
    /// ``RejoinPageFurniture``.
    var isFurniture: Bool = false
    /// Whether the line is a short line without punctuation that came back a page later
    /// (`Debian常见问题`): a running head where a page number or page break is next to it,
    /// see ``RejoinRunningHeads``.
    var repeatsAsHead: Bool = false
    var start: Start = .plain
    var end: End = .open
    /// The first and the last two non-space scalars (0 where the line is shorter).
    var first: UInt32 = 0
    var last: UInt32 = 0
    var beforeLast: UInt32 = 0
    /// Whether a sentence-final mark (`。！？`) occurs before the last two scalars.
    var innerSentenceEnd: Bool = false
    /// Whether `，`, `、` or `,` occurs inside the line.
    var innerComma: Bool = false
    /// Whether a space separates two CJK scalars inside the line (headline phrase separator
    /// or byline), outside letter spacing.
    var innerCJKSpace: Bool = false
    /// Whether the line, too short to count as letter-spaced, is three or more tokens of CJK
    /// characters spaced apart one by one, with at most one longer token (`天 地 不`,
    /// `对 于 Debian 而`): a justified line stretched around too few characters, or a spaced
    /// heading (`第 一 章`; `前 言` is two).
    var spacedCharacters: Bool = false
    /// Whether the line, one that begins with a dash, leaves a bracket or quote open
    /// (`——《詩經‧國`): an attribution that goes on in the next line. (Measured for such lines
    /// only.)
    var opensBracket: Bool = false
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
