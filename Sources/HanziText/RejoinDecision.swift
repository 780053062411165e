/// The facts about the neighbourhood of one line break that the rejoiner measures in its
/// window of lines: the local column width, whether the lines form a column at all, the
/// blank-line style and the indentation and spacing conventions.
struct RejoinContext {
    /// The local full-line width, in quarter ems.
    var columnWidth: Int = 0
    /// Whether the window's lines form a justified column (many lines near one width).
    var isColumn: Bool = false
    /// Whether (nearly) every line is followed by a blank line, so blank lines carry no
    /// information except where they are missing or more numerous than usual.
    var blankAfterEveryLine: Bool = false
    /// The usual number of blank lines after a line when ``blankAfterEveryLine``.
    var usualBlanks: Int32 = 0
    /// The smallest indentation of the line before the break and the four lines after
    /// it (a layout margin, not an indent).
    var baseIndent: Int = 0
    /// Whether several lines of the window are indented: paragraphs are then marked by
    /// indents, and a blank line before a line that is not indented is a column break.
    var indentsMarkParagraphs: Bool = false
    /// Whether paragraphs' first lines are narrower than the column (an implicit indent),
    /// taken to be so without evidence either way, as Chinese typesetting does.
    var firstLinesIndented: Bool = true
    /// Whether the window shows first lines narrower than the column.
    var firstLinesSeenIndented: Bool = false
    /// Whether the document writes a space between CJK and Latin letters or digits.
    var spacesMixedScript: Bool = false
}

/// Why a line break was kept as a paragraph break or joined.
public enum RejoinReason: String, Sendable, CaseIterable {
    case nextStartsWithClosingPunctuation = "next line starts with closing punctuation"
    case endsWithOpeningBracket = "line ends with an opening quote or bracket"
    case hyphenatedWord = "English word hyphenated at the line end"
    case oneCharacterPerLine = "one character per line"
    case extraBlankLines = "more blank lines than usual"
    case nextIndented = "next line is indented"
    case nextStartsList = "next line starts a list item"
    case nextStartsDateline = "next line starts with a dateline"
    case nextStartsBullet = "next line starts with a bullet"
    case sameBlock = "no blank line where every other line has one"
    case unwrappedSentenceEnd = "unwrapped text: line ends a sentence"
    case unwrappedMidSentence = "unwrapped text: line ends mid-sentence"
    case unwrappedHeading = "unwrapped text: heading"
    case blankAfterFullOpenLine = "blank line after a full line that ends mid-sentence (column break)"
    case blankAfterFullLineBeforeFullLine = "blank line between a full line that ends a sentence and a full line (column break)"
    case blankLine = "blank line separates paragraphs"
    case shortLine = "short last line"
    case wideLine = "line wider than the column (heading or other block)"
    case nextIsWide = "next line is wider than the column (heading or other block)"
    case fullOpenLine = "full line ends mid-sentence"
    case headingWrapped = "short line continued by a line no wider (wrapped heading)"
    case shortOpenLine = "short line ending mid-sentence followed by a wider line"
    case leadIn = "short line ending with a dash (lead-in)"
    case nextIsFirstLine = "full line ends a sentence and the next line has the width of an indented first line"
    case nextContinues = "full line ends a sentence and the next line continues the column"
    case endOfText = "end of text"
}

/// The decision at one line break.
struct RejoinDecision {
    var join: Bool
    var reason: RejoinReason
    /// Whether the next line continues a heading (a short or over-wide line it was
    /// joined to), so that its own end is a heading's end, not a column line's.
    var continuesHeading: Bool = false

    init(join: Bool, reason: RejoinReason, continuesHeading: Bool = false) {
        self.join = join
        self.reason = reason
        self.continuesHeading = continuesHeading
    }
}

/// The rules that decide each line break from the lines around it.
///
/// Widths are measured in quarter ems (a CJK character is 4, an ASCII character 2, see
/// ``RejoinLineScanner/columns(_:)``). The thresholds are in ems of typesetting, not tuned to a document:
/// a full line is within 1.5 em of the column width (compressed punctuation and
/// half-width digits make full lines vary by about that much), an indented first line is
/// 2 em narrower.
enum RejoinRules {
    /// Slack below the column width that still counts as a full line (1.5 em).
    static let fullSlack = 6
    /// The indentation of a paragraph's first line in Chinese typesetting (2 em).
    static let firstLineIndent = 8
    /// How much wider than the column a line must be to be another block (3 em).
    static let wideExcess = 12

    /// Computes the window facts for the break after `lines[a]`, from `lines[lo...hi]`.
    static func context(_ lines: UnsafeBufferPointer<RejoinLine>, around a: Int, lo: Int, hi: Int,
                        scratch: inout [Int]) -> RejoinContext {
        var ctx = RejoinContext()
        scratch.removeAll(keepingCapacity: true)
        var gaps = 0, blankGaps = 0
        var baseIndent = Int.max
        var spaced: Int32 = 0, solid: Int32 = 0
        var blankHistogram = (0, 0, 0)   // gaps with 1, 2, 3+ blank lines
        var indented = 0
        for k in lo...hi {
            let l = lines[k]
            if k < hi {
                gaps += 1
                if l.blanksAfter > 0 {
                    blankGaps += 1
                    switch l.blanksAfter {
                    case 1: blankHistogram.0 += 1
                    case 2: blankHistogram.1 += 1
                    default: blankHistogram.2 += 1
                    }
                }
            }
            // the margin: the smallest indentation of this line and the four from the next
            if (k == a || (k > a && k <= a + 4)) && l.indentCols < baseIndent { baseIndent = l.indentCols }
            if l.indentCols > 0 { indented += 1 }
            spaced += l.spacedMixed
            solid += l.solidMixed
        }
        ctx.baseIndent = baseIndent == Int.max ? 0 : baseIndent
        if ctx.baseIndent == 0 && indented >= 2 { ctx.indentsMarkParagraphs = true }
        ctx.spacesMixedScript = spaced > solid
        if gaps >= 2 && blankGaps * 10 >= gaps * 7 {
            ctx.blankAfterEveryLine = true
            let h = blankHistogram
            ctx.usualBlanks = h.0 >= h.1 && h.0 >= h.2 ? 1 : (h.1 >= h.2 ? 2 : 3)
        }
        // The column width: the widest cluster of at least three lines within 1.5 em of
        // each other, first among the nearest lines, then in the whole window.
        let near = ColumnRejoiner.nearLines
        if var w = clusterWidth(lines, lo: max(lo, a - near), hi: min(hi, a + 2), scratch: &scratch) {
            // A narrower column may begin here: the next line is too narrow for this
            // column's first or full lines, and the lines after it form a narrower column
            // that it and this line fit.
            if a + 1 <= hi {
                let b = lines[a + 1], aw = lines[a].filledWidth
                if b.filledWidth < w - firstLineIndent - 2 * fullSlack,
                   let f = clusterWidth(lines, lo: a + 1, hi: min(hi, a + 1 + near), scratch: &scratch),
                   f < w - wideExcess, b.filledWidth <= f + fullSlack,
                   b.filledWidth >= f - firstLineIndent - fullSlack, aw <= f + fullSlack {
                    w = f
                }
            }
            ctx.columnWidth = w
            ctx.isColumn = true
        } else if let w = clusterWidth(lines, lo: lo, hi: hi, scratch: &scratch) {
            ctx.columnWidth = w
            ctx.isColumn = true
        } else {
            ctx.columnWidth = lines[a].filledWidth
            ctx.isColumn = false
        }
        if ctx.isColumn {
            let evidence = firstLineIndentEvidence(lines, lo: lo, hi: hi, context: ctx)
            ctx.firstLinesIndented = evidence >= 0
            ctx.firstLinesSeenIndented = evidence > 0
        }
        return ctx
    }

    /// How many more of the paragraphs' first lines in the window are narrower than the
    /// column (an indent the extractor dropped) than are as wide as it: the lines that
    /// follow a clear paragraph end (a short line, or a separating blank line after a line
    /// that is not full) and go on to another line are measured against the column width.
    static func firstLineIndentEvidence(_ lines: UnsafeBufferPointer<RejoinLine>, lo: Int, hi: Int,
                                        context ctx: RejoinContext) -> Int {
        let w = ctx.columnWidth
        var narrow = 0, wide = 0
        guard lo + 1 < hi else { return 0 }
        for k in (lo + 1)..<hi {
            let before = lines[k - 1], l = lines[k]
            let ended = before.filledWidth < w - firstLineIndent - fullSlack
                || (before.blanksAfter > 0 && !ctx.blankAfterEveryLine && before.end == .final
                    && before.filledWidth < w - fullSlack)
            guard ended, l.end != .final, l.blanksAfter == 0 || ctx.blankAfterEveryLine,
                  l.indentCols <= ctx.baseIndent, !l.letterSpaced, l.scalars >= 4 else { continue }
            if l.filledWidth <= w - 4 { narrow += 1 } else if l.filledWidth >= w { wide += 1 }
        }
        return narrow - wide
    }

    /// The median width of the widest group of at least three lines of `lines[lo...hi]`
    /// whose widths lie within ``clusterSpread`` quarter ems, or nil.
    static func clusterWidth(_ lines: UnsafeBufferPointer<RejoinLine>, lo: Int, hi: Int,
                             scratch: inout [Int]) -> Int? {
        // width * 2 + 1 when the line ends mid-sentence: sorting keeps widths in order
        var v = InlineArray<64, Int>(repeating: 0)
        var n = 0
        for k in lo...hi where n < 64 {
            let l = lines[k]
            guard l.scalars >= 2 || l.letterSpaced else { continue }
            let x = l.filledWidth &* 2 &+ (l.end != .final ? 1 : 0)
            // insertion sort: a few dozen values at most
            var j = n
            while j > 0 && v[j - 1] > x { v[j] = v[j - 1]; j -= 1 }
            v[j] = x
            n += 1
        }
        guard n >= 3 else { return nil }
        let need = max(3, n / 4)
        var top = n - 1
        var bottom = n - 1
        // slide a window over the sorted widths from the top; the first group large
        // enough is the widest
        while top >= need - 1 {
            let topWidth = v[top] >> 1
            if topWidth <= maxColumnWidth {
                while bottom > 0 && (v[bottom - 1] >> 1) >= topWidth - clusterSpread { bottom -= 1 }
                let count = top - bottom + 1
                if count >= need {
                    var opens = 0
                    for j in bottom...top where v[j] & 1 == 1 { opens += 1 }
                    // a column's full lines mostly end mid-sentence; lines that all end
                    // sentences are paragraphs that happen to be of similar length
                    if opens * 3 >= count { return v[(top + bottom + 1) / 2] >> 1 }
                }
            }
            top -= 1
            if bottom > top { bottom = top }
        }
        return nil
    }

    /// The widest column that hard-wrapped print can have (60 em).
    static let maxColumnWidth = 240

    /// How far apart (in quarter ems) the widths of full lines of one column may lie.
    static let clusterSpread = 8

    /// Decides the break between `a` and `b` (the next text line), given the decision at
    /// the break before `a` (`aStartsParagraph`) and the line after `b`, if known.
    static func decide(_ a: RejoinLine, _ b: RejoinLine, after c: RejoinLine?, aStartsParagraph: Bool,
                       aInHeading: Bool, context ctx: RejoinContext) -> RejoinDecision {
        // Certain joins.
        if b.start == .closing { return .init(join: true, reason: .nextStartsWithClosingPunctuation) }
        if a.end == .opening { return .init(join: true, reason: .endsWithOpeningBracket) }
        if a.last == RejoinClass.softHyphen
            || (RejoinClass.isHyphen(a.last) && ScalarClass.isLatinLetter(a.beforeLast)
                && ScalarClass.isLatinLetter(b.first)) {
            return .init(join: true, reason: .hyphenatedWord)
        }
        // Certain breaks.
        if ctx.blankAfterEveryLine && a.blanksAfter > ctx.usualBlanks {
            return .init(join: false, reason: .extraBlankLines)
        }
        if b.indentCols > ctx.baseIndent && !b.letterSpaced {
            return .init(join: false, reason: .nextIndented)
        }
        switch b.start {
        case .list: return .init(join: false, reason: .nextStartsList)
        case .dateline: return .init(join: false, reason: .nextStartsDateline)
        case .bullet: return .init(join: false, reason: .nextStartsBullet)
        default: break
        }
        let blank = a.blanksAfter > 0
        let blankSeparates = blank && !ctx.blankAfterEveryLine && !ctx.indentsMarkParagraphs
        // One character per line.
        if a.isSingleCharacter && b.isSingleCharacter {
            return .init(join: !blankSeparates, reason: blankSeparates ? .blankLine : .oneCharacterPerLine)
        }
        let open = a.end == .open || a.end == .closeQuote
        var w = ctx.columnWidth
        var newColumn = false
        // The next two lines are both wider than the column: a wider column begins, and
        // this line, if it is wider than the old column, is its first.
        if let c, ctx.isColumn, b.filledWidth > w + wideExcess, c.filledWidth > w + wideExcess,
           !b.letterSpaced, !c.letterSpaced, a.end != .final, a.filledWidth > w {
            w = min(b.filledWidth, c.filledWidth)
            newColumn = true
        }
        let capacity: Int
        if a.indentCols > ctx.baseIndent {
            capacity = w - 2 * (a.indentCols - ctx.baseIndent)
        } else if aStartsParagraph && (ctx.firstLinesIndented || newColumn) {
            capacity = w - firstLineIndent
        } else {
            capacity = w
        }
        let wide = a.filledWidth > w + wideExcess
        // A line is full when the next line's first word or character would not have fit
        // at its end (within the measuring error).
        let joinSpace = RejoinClass.isWestern(a.last) && RejoinClass.isWestern(b.first) ? 2 : 0
        let full = !aInHeading
            && (a.letterSpaced ? a.width >= w - fullSlack
                : (a.filledWidth >= capacity - fullSlack
                   || a.filledWidth + joinSpace + b.leadWidth >= capacity + 4 - fullSlack))
        if ctx.blankAfterEveryLine && !blank && !a.pageAfter {
            return .init(join: true, reason: .sameBlock,
                         continuesHeading: ctx.isColumn && (wide || !full))
        }
        if !ctx.isColumn {
            if a.end == .final { return .init(join: false, reason: .unwrappedSentenceEnd) }
            if a.end == .dash || a.end == .closeQuote || isHeadingLike(a, b) {
                return .init(join: false, reason: .unwrappedHeading)
            }
            return .init(join: true, reason: .unwrappedMidSentence)
        }
        // The next line is wider than the column: a heading or another block begins.
        if b.filledWidth > w + wideExcess && !b.letterSpaced && (a.end == .final || wide || !full) {
            return .init(join: false, reason: .nextIsWide)
        }
        if blankSeparates {
            if (open || a.end == .dash) && full && !wide {
                return .init(join: true, reason: .blankAfterFullOpenLine)
            }
            // A full line that ends a sentence, then a blank line, then a line as wide as
            // the column where first lines are indented: a column break.
            if a.end == .final && full && !wide && !aStartsParagraph && ctx.firstLinesSeenIndented
                && b.filledWidth >= w - fullSlack + 2 && b.filledWidth <= w + wideExcess
                && !b.letterSpaced && b.end != .final {
                return .init(join: true, reason: .blankAfterFullLineBeforeFullLine)
            }
            return .init(join: false, reason: .blankLine)
        }
        if wide || !full {
            // A short (or over-wide) line: a last line, a heading, or a wrapped heading.
            if a.end == .final { return .init(join: false, reason: wide ? .wideLine : .shortLine) }
            if a.end == .dash { return .init(join: false, reason: .leadIn) }
            if !blank && b.filledWidth <= a.filledWidth + 4 && a.end != .closeQuote {
                return .init(join: true, reason: .headingWrapped, continuesHeading: true)
            }
            return .init(join: false, reason: a.end == .closeQuote ? .shortLine : .shortOpenLine)
        }
        if open || a.end == .dash { return .init(join: true, reason: .fullOpenLine) }
        // A full line that ends a sentence: the next line decides.
        // The line after the next one, if it continues the column, shows its width best.
        var wb = w
        if let c, c.end != .final, !c.letterSpaced, c.filledWidth > w, c.filledWidth <= w + 2 {
            wb = c.filledWidth
        }
        let bw = b.filledWidth
        if bw >= wb - fullSlack + 2 { return .init(join: true, reason: .nextContinues) }
        if bw >= wb - firstLineIndent - fullSlack && !b.letterSpaced {
            return .init(join: false, reason: .nextIsFirstLine)
        }
        return .init(join: true, reason: .nextContinues)
    }

    /// A line of unwrapped text that reads as a heading rather than a paragraph fragment:
    /// short, no sentence punctuation inside, and either phrase-separating spaces, no
    /// commas, or a next line that opens with a bracket, a dash or a dateline.
    static func isHeadingLike(_ a: RejoinLine, _ b: RejoinLine) -> Bool {
        if a.innerSentenceEnd || a.filledWidth > 128 || a.letterSpaced { return false }
        // a heading ends with a word, not with punctuation
        if ScalarClass.isCJKPunctuation(a.last) || (a.last < 0x80 && !RejoinClass.isAlnum(a.last)) { return false }
        if a.innerCJKSpace || !a.innerComma { return true }
        switch b.start {
        case .openBracket, .dash, .dateline, .list, .bullet: return true
        default: return false
        }
    }
}
