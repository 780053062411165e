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
    /// Whether the document writes a space between CJK and Latin letters or digits.
    var spacesMixedScript: Bool = false
    /// Whether Latin letters and digits are rare in the window (less than one CJK–Latin
    /// neighbourhood per four lines), so that the column width measured from its full
    /// lines is close to the typeset one.
    var fewLatin: Bool = false
    /// Whether the window holds at least ``RejoinRules/paragraphedLines`` lines wider than
    /// any column: the text is already one paragraph per line, so no line of it is a
    /// column line and every line break is kept.
    var paragraphed: Bool = false
    /// Whether the window holds too few text lines to show a column or a heading
    /// (fewer than ``RejoinRules/minimumEvidenceLines``): a break inside a sentence
    /// then joins and no paragraph break is inserted.
    var littleEvidence: Bool = false
}

/// A group of lines of about the same width: the column they show.
struct RejoinCluster {
    /// The median width of the group, in quarter ems.
    var width: Int
    /// The number of lines in the group.
    var lines: Int
}

/// The decision at one line break.
struct RejoinDecision {
    var join: Bool
    var reason: RejoinReason
    /// Whether the next line continues a heading (a short or over-wide line it was
    /// joined to), so that its own end is a heading's end, not a column line's.
    var continuesHeading: Bool = false
    /// Whether the next line continues the same visual line (an extractor split it), so
    /// that it is measured with this line's width added.
    var carriesWidth: Bool = false

    init(join: Bool, reason: RejoinReason, continuesHeading: Bool = false, carriesWidth: Bool = false) {
        self.join = join
        self.reason = reason
        self.continuesHeading = continuesHeading
        self.carriesWidth = carriesWidth
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

    /// Computes the window facts for the break after `lines[a]`, from `lines[lo...hi]`
    /// (the evidence of indented first lines is measured only when a decision asks for
    /// it, see ``decide(_:_:after:aStartsParagraph:aInHeading:context:indentEvidence:)``).
    /// `base` is the absolute index of `lines[0]` in the stream, and `nearWindow` and
    /// `wholeWindow` the sorted windows of the nearest lines and of the whole window at the
    /// stream's previous line break.
    static func context(_ lines: UnsafeBufferPointer<RejoinLine>, around a: Int, lo: Int, hi: Int,
                        base: Int, nearWindow: inout RejoinSortedWindow,
                        wholeWindow: inout RejoinSortedWindow) -> RejoinContext {
        var ctx = RejoinContext()
        // counts over lines[lo...hi] and the line breaks between them
        let first = lines[lo].prefix, last = lines[hi].prefix
        let h0 = Int(last.blank1 &- first.blank1), h1 = Int(last.blank2 &- first.blank2)
        let h2 = Int(last.blank3 &- first.blank3)
        let gaps = hi - lo, blankGaps = h0 + h1 + h2
        let lastLine = lines[hi]
        let spaced = last.spaced &- first.spaced &+ lastLine.spacedMixed
        let solid = last.solid &- first.solid &+ lastLine.solidMixed
        let indented = Int(last.indented &- first.indented) + (lastLine.indentCols > 0 ? 1 : 0)
        let unwrapped = Int(last.unwrapped &- first.unwrapped) + (lastLine.filledWidth > maxColumnWidth ? 1 : 0)
        ctx.paragraphed = unwrapped >= paragraphedLines
        ctx.littleEvidence = gaps + 1 < minimumEvidenceLines
        let blankHistogram = (h0, h1, h2)
        // the margin: the smallest indentation of this line and the four after it
        var baseIndent = Int.max
        for k in a...min(hi, a + 4) where lines[k].indentCols < baseIndent { baseIndent = lines[k].indentCols }
        ctx.baseIndent = baseIndent == Int.max ? 0 : baseIndent
        if ctx.baseIndent == 0 && indented >= 2 { ctx.indentsMarkParagraphs = true }
        ctx.spacesMixedScript = spaced > solid
        ctx.fewLatin = Int(spaced + solid) * 4 < gaps + 1
        if gaps >= 2 && blankGaps * 10 >= gaps * 7 {
            ctx.blankAfterEveryLine = true
            let h = blankHistogram
            ctx.usualBlanks = h.0 >= h.1 && h.0 >= h.2 ? 1 : (h.1 >= h.2 ? 2 : 3)
        }
        // The column width: the widest cluster of at least three lines within 1.5 em of
        // each other, first among the nearest lines, then in the whole window.
        let near = ColumnRejoiner.nearLines
        // the nearest lines: `near` before the break and two after it, or more after it
        // where the text has fewer lines before
        let nearLo = max(lo, a - near)
        let nearHi = min(hi, max(a + 2, nearLo + near + 2))
        let whole = clusterWidth(lines, lo: lo, hi: hi, base: base, window: &wholeWindow)
        if let nearCluster = clusterWidth(lines, lo: nearLo, hi: nearHi, base: base, window: &nearWindow) {
            var w = nearCluster.width
            // The nearest lines show a column only just (a title block: title, author,
            // date), and the window shows a much wider one with far more lines: that one.
            if nearCluster.lines < minimumNearClusterLines, let whole, whole.width > w + wideExcess,
               whole.lines >= 2 * nearCluster.lines {
                w = whole.width
            }
            // A narrower column may begin here: the next line is too narrow for this
            // column's first or full lines, and the lines after it form a narrower column
            // that it and this line fit.
            if a + 1 <= hi {
                let b = lines[a + 1], aw = lines[a].filledWidth
                if b.filledWidth < w - firstLineIndent - 2 * fullSlack,
                   let f = clusterWidth(lines, lo: a + 1, hi: min(hi, a + 1 + near))?.width,
                   f < w - wideExcess, b.filledWidth <= f + fullSlack,
                   b.filledWidth >= f - firstLineIndent - fullSlack, aw <= f + fullSlack {
                    w = f
                }
            }
            ctx.columnWidth = w
            ctx.isColumn = true
        } else if let whole {
            ctx.columnWidth = whole.width
            ctx.isColumn = true
        } else {
            ctx.columnWidth = lines[a].filledWidth
            ctx.isColumn = false
        }
        if ctx.paragraphed {
            // among paragraphs wider than any column, a few short ones of similar width
            // (headings) are no column
            ctx.columnWidth = lines[a].filledWidth
            ctx.isColumn = false
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
        guard let base = lines.baseAddress else { return 0 }
        for k in (lo + 1)..<hi {
            // through pointers: a line record is too large to copy twice per line
            let before = UnsafePointer(base + k - 1), l = UnsafePointer(base + k)
            let ended = before.pointee.filledWidth < w - firstLineIndent - fullSlack
                || (before.pointee.blanksAfter > 0 && !ctx.blankAfterEveryLine && before.pointee.end == .final
                    && before.pointee.filledWidth < w - fullSlack)
            guard ended, l.pointee.end != .final, l.pointee.blanksAfter == 0 || ctx.blankAfterEveryLine,
                  l.pointee.indentCols <= ctx.baseIndent, !l.pointee.letterSpaced, l.pointee.scalars >= 4
            else { continue }
            let lw = l.pointee.filledWidth
            if lw <= w - 4 { narrow += 1 } else if lw >= w { wide += 1 }
        }
        return narrow - wide
    }

    /// The median width of the widest group of at least three lines of `lines[lo...hi]`
    /// whose widths lie within ``clusterSpread`` quarter ems, or nil.
    static func clusterWidth(_ lines: UnsafeBufferPointer<RejoinLine>, lo: Int, hi: Int) -> RejoinCluster? {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 32) { keyBuffer in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 32) { v in
            // width * 2 + 1 when the line ends mid-sentence: sorting keeps widths in order
            let keys = keyBuffer.baseAddress!
            var n = 0
            guard let base = lines.baseAddress else { return nil }
            for k in lo...hi where n < 32 {
                let x = base[k].clusterKey
                guard x >= 0 else { continue }
                // exact: a line record holds at most maxLineBytes bytes, each at most 2 wide
                keys[n] = Int32(truncatingIfNeeded: x)
                n += 1
            }
            guard n >= 3 else { return nil }
            // Sort by rank, without branches: the widths of a column's lines are close
            // together, so the comparisons of an insertion sort would mispredict.
            for i in 0..<n {
                let x = keys[i]
                var rank: Int32 = 0
                for j in 0..<i where keys[j] <= x { rank &+= 1 }
                for j in (i + 1)..<max(n, i + 1) where keys[j] < x { rank &+= 1 }
                v[Int(rank)] = Int(x)
            }
            return widestCluster(UnsafePointer(v.baseAddress!), count: n)
        }
        }
    }

    /// The median width of the widest group of at least three (and at least a quarter) of
    /// the ascending cluster keys `v[0..<n]` whose widths lie within ``clusterSpread``
    /// quarter ems and of which at least a third end mid-sentence, or nil.
    static func widestCluster(_ v: UnsafePointer<Int>, count n: Int) -> RejoinCluster? {
        guard n >= 3 else { return nil }
        let need = max(3, n / 4)
        var top = n - 1
        var bottom = n - 1
        var opens = v[top] & 1      // lines ending mid-sentence in v[bottom...top]
        // slide a window over the sorted widths from the top; the first group large
        // enough is the widest
        while top >= need - 1 {
            let topWidth = v[top] >> 1
            let spread = spread(topWidth)
            while bottom > 0 && (v[bottom - 1] >> 1) >= topWidth - spread {
                bottom -= 1
                opens += v[bottom] & 1
            }
            let count = top - bottom + 1
            // a column's full lines mostly end mid-sentence; lines that all end
            // sentences are paragraphs that happen to be of similar length
            if topWidth <= maxColumnWidth && count >= need && opens * 3 >= count {
                return RejoinCluster(width: v[(top + bottom + 1) / 2] >> 1, lines: count)
            }
            opens -= v[top] & 1
            top -= 1
            if bottom > top {
                bottom = top
                opens = top >= 0 ? v[top] & 1 : 0
            }
        }
        return nil
    }

    /// ``clusterWidth(_:lo:hi:)`` through a window kept sorted from one line break to the
    /// next; `base` is the absolute index of `lines[0]`.
    @inline(__always)
    static func clusterWidth(_ lines: UnsafeBufferPointer<RejoinLine>, lo: Int, hi: Int, base: Int,
                             window: inout RejoinSortedWindow) -> RejoinCluster? {
        let (kept, cluster) = window.widestCluster(lines, base: base, lo: lo, hi: hi)
        return kept ? cluster : clusterWidth(lines, lo: lo, hi: hi)
    }

    /// The fewest lines of the nearest lines' cluster that settle the column without
    /// looking at the rest of the window (the three lines of a minimal cluster do not).
    static let minimumNearClusterLines = 4

    /// The longest line (in non-space scalars) beginning with a dash after a sentence end
    /// that is taken for an attribution (`——《论语》序说`, `——第十四世達賴喇嘛`) whatever
    /// its width: a name or a title, not a wrapped sentence.
    static let maxAttributionScalars = 12

    /// The longest byline (in non-space scalars): a name, an author and a unit, or a
    /// project (`本报记者 张明 李华`, `LibreOffice說明`).
    static let maxBylineScalars = 16

    /// The widest column that hard-wrapped print can have (60 em).
    static let maxColumnWidth = 240

    /// How many lines wider than any column make a window of paragraphs that are already
    /// one line each (two: one such line may be a table row or a URL inside a column).
    static let paragraphedLines = 2

    /// The fewest text lines in a window that can show a column (the three lines of a
    /// cluster and a paragraph's last line); with fewer, only certain evidence decides.
    static let minimumEvidenceLines = 4

    /// How far apart (in quarter ems) the widths of full lines of one column may lie.
    static let clusterSpread = 8

    /// How far apart the widths of full lines of a column `width` wide may lie: 2 em, or
    /// a sixteenth of the width in wide columns, where compressed punctuation and
    /// half-width runs add up to more.
    @inline(__always)
    static func spread(_ width: Int) -> Int { max(clusterSpread, width >> 4) }

    /// Decides the break between `a` and `b` (the next text line), given the decision at
    /// the break before `a` (`aStartsParagraph`) and the line after `b`, if known.
    ///
    /// `indentEvidence` measures ``firstLineIndentEvidence(_:lo:hi:context:)`` in the
    /// window; it is called (at most once) only where the decision depends on it: whether
    /// paragraphs' first lines are narrower than the column (an implicit indent, taken to
    /// be so without evidence either way, as Chinese typesetting does), and whether the
    /// window shows such first lines. Without a column, first lines count as indented
    /// and none is seen.
    ///
    /// `aCarriedWidth` is the width of the lines before `a` that an extractor split off
    /// the same visual line (see ``RejoinReason/splitVisualLine``): `a` is measured with it.
    static func decide(_ a: RejoinLine, _ b: RejoinLine, after c: UnsafePointer<RejoinLine>?, aStartsParagraph: Bool,
                       aInHeading: Bool, aCarriedWidth: Int = 0, context ctx: RejoinContext,
                       indentEvidence: () -> Int) -> RejoinDecision {
        var a = a
        if aCarriedWidth > 0 {
            a.width += aCarriedWidth
            a.collapsedWidth += aCarriedWidth
        }
        // Certain joins.
        if b.start == .closing {
            // `pdftotext -raw` also splits a visual line where a run of punctuation begins:
            // the piece after it goes on measuring the same visual line when the two fit
            // the column together (a full line's last `。` split off is the end of a full line)
            return .init(join: true, reason: .nextStartsWithClosingPunctuation,
                         carriesWidth: ctx.isColumn && !a.letterSpaced && !b.letterSpaced
                            && a.filledWidth + b.filledWidth <= ctx.columnWidth + fullSlack)
        }
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
        let blank = a.blanksAfter > 0
        let blankSeparates = blank && !ctx.blankAfterEveryLine && !ctx.indentsMarkParagraphs
        // One character per line.
        if a.isSingleCharacter && b.isSingleCharacter {
            return .init(join: !blankSeparates, reason: blankSeparates ? .blankLine : .oneCharacterPerLine,
                         carriesWidth: !blankSeparates)
        }
        // PyMuPDF splits a justified line stretched around an unbreakable word at its wide
        // gaps: one character, or one Latin word, per line (`导` `来` `安` `装` `Debian`). At
        // the end of such a run the stretched line goes on: a paragraph's last line is
        // never stretched.
        if aCarriedWidth > 0 && !blank && !b.letterSpaced && a.end == .open
            && ((a.scalars == 1 && ScalarClass.isCJKLetter(a.first)) || isWordPiece(a)) {
            return .init(join: true, reason: .stretchedLinePieces, carriesWidth: isWordPiece(b))
        }
        let open = a.end == .open || a.end == .closeQuote
        var w = ctx.columnWidth
        var newColumn = false
        // The next two lines are both wider than the column: a wider column begins, and
        // this line, if it is wider than the old column, is its first.
        if let c, ctx.isColumn, b.filledWidth > w + wideExcess, c.pointee.filledWidth > w + wideExcess,
           !b.letterSpaced, !c.pointee.letterSpaced, a.end != .final, a.filledWidth > w {
            w = min(b.filledWidth, c.pointee.filledWidth)
            newColumn = true
        }
        let capacity: Int
        if a.indentCols > ctx.baseIndent {
            capacity = w - 2 * (a.indentCols - ctx.baseIndent)
        } else if aStartsParagraph && ((!ctx.isColumn || indentEvidence() >= 0) || newColumn) {
            capacity = w - firstLineIndent
        } else {
            capacity = w
        }
        let wide = a.filledWidth > w + wideExcess
        // A line is full when the next line's first word or character would not have fit
        // at its end (within the measuring error).
        let joinSpace = RejoinClass.isWestern(a.last) && RejoinClass.isWestern(b.first) ? 2 : 0
        // A line that ends a sentence is measured more tightly where the column width is
        // reliable (few Latin letters and digits around): the slack covers only the
        // characters whose width is uncertain (a line of Han characters and a final `。`
        // one character short of the column is a paragraph's last line).
        let slack = a.end == .final && ctx.fewLatin ? min(fullSlack, 2 + a.uncertainWidth) : fullSlack
        // A letter-spaced line is stretched to the column, and its extracted spaces are
        // narrower than its gaps: it is full at the column width, or when the next line's
        // first piece would not have fitted even at the measured width.
        let full = !aInHeading
            && (a.letterSpaced ? (a.width >= w - fullSlack || a.width + 2 + b.leadWidth >= capacity + 4 - slack)
                : (a.filledWidth >= capacity - slack
                   || a.filledWidth + joinSpace + b.leadWidth >= capacity + 4 - slack))
        // A list item, bullet or dateline starts a paragraph, unless this line is full and
        // stops mid-word and the "list item" is a word that reads like one (`统` `一、协调`).
        let midWord = ctx.isColumn && full && !wide && a.end == .open && !blank && a.start != .list
        switch b.start {
        case .list where !(midWord && (RejoinClass.isChineseNumeral(b.first) || b.first == 0x7B2C)):
            return .init(join: false, reason: .nextStartsList)
        case .dateline:
            return .init(join: false, reason: .nextStartsDateline)
        case .bullet:
            return .init(join: false, reason: .nextStartsBullet)
        default: break
        }
        // A paragraph's first line that separates CJK phrases by spaces and has no
        // punctuation inside or at its end, followed by a wider line or a list item, is a
        // byline or a spaced heading (`本报记者 张明 李华 2024年7月7日`), whatever its
        // width (a spaced heading that wraps goes on with a line no wider).
        if aStartsParagraph && a.innerCJKSpace && !a.letterSpaced && !a.innerComma && !a.innerSentenceEnd
            && a.end == .open && !ScalarClass.isCJKPunctuation(a.last) && !RejoinClass.isWestern(a.last)
            && !b.letterSpaced && (b.filledWidth > a.filledWidth || b.start == .list || b.start == .openBracket) {
            return .init(join: false, reason: .unwrappedHeading)
        }
        // Around a page break, a line that does not fit the column and does not end a
        // sentence is a running head, folio or footer.
        if ctx.isColumn && (a.pageAfter || b.pageAfter) && !b.letterSpaced && b.end != .final
            && (b.filledWidth > w + wideExcess || b.filledWidth < w - firstLineIndent - 2 * fullSlack) {
            return .init(join: false, reason: .pageFurniture)
        }
        if ctx.blankAfterEveryLine && !blank && !a.pageAfter {
            return .init(join: true, reason: .sameBlock,
                         continuesHeading: ctx.isColumn && (wide || !full))
        }
        if !ctx.isColumn {
            // Text without column structure: its line breaks were not made by a column,
            // so a blank line, a line wider than any column, or a whole window of such
            // lines keeps its break.
            if a.end == .final { return .init(join: false, reason: .unwrappedSentenceEnd) }
            if (blank && !ctx.indentsMarkParagraphs) || ctx.paragraphed
                || a.filledWidth > maxColumnWidth || b.filledWidth > maxColumnWidth {
                // paragraphs already: the break is the text's own
                return .init(join: false, reason: blank ? .blankLine : .alreadyParagraphs)
            }
            // too few lines to tell a heading from a wrapped line: a sentence goes on
            if ctx.littleEvidence && a.end == .open {
                return .init(join: true, reason: .unwrappedMidSentence)
            }
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
            if a.end == .final && full && !wide && !aStartsParagraph && ctx.isColumn && indentEvidence() > 0
                && b.filledWidth >= w - fullSlack + 2 && b.filledWidth <= w + wideExcess
                && !b.letterSpaced && b.end != .final {
                return .init(join: true, reason: .blankAfterFullLineBeforeFullLine)
            }
            return .init(join: false, reason: .blankLine)
        }
        // An extractor (`pdftotext -raw`) split one visual line before an opening quote or
        // bracket: the two pieces together fit the column, the first stops mid-sentence.
        if !wide && !full && ctx.isColumn && !a.pageAfter && RejoinClass.isOpening(b.first) && !b.letterSpaced
            && !RejoinClass.isSentenceFinal(a.last) && !RejoinClass.isClosingQuote(a.last)
            && a.start != .dash && a.filledWidth + b.filledWidth <= w + fullSlack {
            return .init(join: true, reason: .splitVisualLine, carriesWidth: true)
        }
        // A quotation's attribution (`——《论语》`, `——第十四世達賴喇嘛`) after a sentence
        // end begins a line of its own, and ends it when it is short.
        if b.start == .dash && a.end == .final && !b.letterSpaced {
            return .init(join: false, reason: .nextIsAttribution)
        }
        if a.start == .dash && aStartsParagraph && !aInHeading && !a.letterSpaced && a.end != .dash && !wide
            && (a.filledWidth < w - fullSlack || a.end == .closeQuote || a.end == .final
                || (a.scalars <= maxAttributionScalars && a.filledWidth < w)) {
            return .init(join: false, reason: .attribution)
        }
        // A date on a line of its own is the date line of a title block (`Debian项目` /
        // `2021年10月14日` / the text): a wrapped sentence seldom breaks exactly around a
        // date, even in a column no wider than it.
        if (a.isDate || b.isDate) && !a.letterSpaced && !b.letterSpaced {
            return .init(join: false, reason: .dateLine)
        }
        // The byline of a title block: a short name without punctuation on a line of its
        // own, right before the date line (`道德经` / `老子` / `2021年7月8日`).
        if let c, c.pointee.isDate, isByline(b), !a.letterSpaced, a.end != .dash {
            return .init(join: false, reason: .byline)
        }
        if wide || !full {
            // A short (or over-wide) line: a last line, a heading, or a wrapped heading.
            if a.end == .final { return .init(join: false, reason: wide ? .wideLine : .shortLine) }
            if a.end == .dash { return .init(join: false, reason: .leadIn) }
            // A wrapped heading: the next line is no wider and no byline. Where every line
            // has a blank line after it, that blank line says nothing, unless this line
            // is over-wide (a block of its own) or already continues a heading; the next
            // line must then end the heading, not be followed by a full line (it would be
            // a paragraph's first line).
            let bEndsBlock = c.map { !(b.end == .open && $0.pointee.filledWidth >= w - fullSlack) } ?? true
            if (!blank || (ctx.blankAfterEveryLine && !wide && !aInHeading && bEndsBlock))
                && b.filledWidth <= a.filledWidth + 4 && a.end != .closeQuote && !b.innerCJKSpace {
                return .init(join: true, reason: .headingWrapped, continuesHeading: true)
            }
            return .init(join: false, reason: a.end == .closeQuote ? .shortLine : .shortOpenLine)
        }
        if open || a.end == .dash { return .init(join: true, reason: .fullOpenLine) }
        // A full line that ends a sentence: the next line decides.
        // The line after the next one, if it continues the column, shows its width best.
        var wb = w
        if let c, c.pointee.end != .final, !c.pointee.letterSpaced, c.pointee.filledWidth > w, c.pointee.filledWidth <= w + 2 {
            wb = c.pointee.filledWidth
        }
        let bw = b.filledWidth
        if bw >= wb - fullSlack + 2 { return .init(join: true, reason: .nextContinues) }
        // A short next line that stops mid-sentence or at a dash is no paragraph's last
        // line: a heading or lead-in.
        let bFullByNextWord = c.map {
            bw + (RejoinClass.isWestern(b.last) && RejoinClass.isWestern($0.pointee.first) ? 2 : 0) + $0.pointee.leadWidth
                >= wb + 4 - fullSlack
        } ?? false
        if bw < wb - firstLineIndent - fullSlack && (b.end == .open || b.end == .dash) && !b.letterSpaced
            && b.scalars >= 4 && !bFullByNextWord {
            return .init(join: false, reason: .nextIsHeading)
        }
        if bw >= wb - firstLineIndent - fullSlack && !b.letterSpaced {
            return .init(join: false, reason: .nextIsFirstLine)
        }
        return .init(join: true, reason: .nextContinues)
    }

    /// A line that is one Latin word (`Debian`): a piece of a stretched line that an
    /// extractor split at its gaps, when it comes in a run of one-character lines.
    static func isWordPiece(_ l: RejoinLine) -> Bool {
        l.firstTokenScalars == l.scalars && l.scalars <= maxAttributionScalars && !l.letterSpaced
            && RejoinClass.isWestern(l.first) && RejoinClass.isAlnum(l.last)
    }

    /// A line that reads as a byline (a name: `老子`, `Debian项目`, `本报记者 张明`): a few
    /// characters, no punctuation inside or at its end.
    static func isByline(_ b: RejoinLine) -> Bool {
        b.scalars <= maxBylineScalars && b.end == .open && !b.letterSpaced && !b.innerComma
            && !b.innerSentenceEnd && !ScalarClass.isCJKPunctuation(b.last) && b.start == .plain
            && (b.last >= 0x80 || RejoinClass.isAlnum(b.last))
    }

    /// A line of unwrapped text that reads as a heading rather than a paragraph fragment:
    /// short, no sentence punctuation inside, and either phrase-separating spaces, no
    /// commas, or a next line that opens with a bracket, a dash or a dateline.
    static func isHeadingLike(_ a: RejoinLine, _ b: RejoinLine) -> Bool {
        if a.letterSpaced { return false }
        // a heading ends with a word, not with punctuation
        if ScalarClass.isCJKPunctuation(a.last) || (a.last < 0x80 && !RejoinClass.isAlnum(a.last)) { return false }
        // a numbered or bulleted line that stops without punctuation: a heading or a
        // caption with its credit (`一、…新跨越`, `▲…。新华社`)
        if a.start == .bullet || (a.start == .list && a.filledWidth <= 128) { return true }
        if a.innerSentenceEnd { return false }
        // headline phrases separated by spaces (`推进互利合作 践行多边主义`)
        if a.innerCJKSpace && a.filledWidth <= 200 { return true }
        if a.filledWidth > 128 { return false }
        if !a.innerComma { return true }
        switch b.start {
        case .openBracket, .dash, .dateline, .list, .bullet: return true
        default: return false
        }
    }
}
