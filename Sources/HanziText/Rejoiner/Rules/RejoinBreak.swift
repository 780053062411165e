/// One line break being decided: the line before it (`a`, measured with the width an
/// extractor split off its visual line), the next text line (`b`), the text line after that
/// (`c`, if read), the window's facts, and what the rule families share, each computed once
/// and only when a rule asks for it.
struct RejoinBreak {
    /// The line before the break, in place (a line record is large; see ``a``).
    let aLine: UnsafePointer<RejoinLine>
    /// What ``a`` adds to the measured widths of the line before the break: the width an
    /// extractor split off its visual line (``aCarriedWidth``), and where it stops
    /// mid-sentence, what the document's own widths of half-width scalars add.
    let aExtraWidth: Int
    /// The next text line, in place (a line record is large; see ``b``).
    let bLine: UnsafePointer<RejoinLine>
    /// The text line after `b` (past page furniture), in place: a line record is large.
    let c: UnsafePointer<RejoinLine>?
    /// Whether `a` begins a paragraph (the break before it was kept).
    let aStartsParagraph: Bool
    /// Whether `a` continues a heading (see ``RejoinDecision/continuesHeading``).
    let aInHeading: Bool
    /// The width of the lines before `a` that an extractor split off the same visual line.
    let aCarriedWidth: Int
    /// The width of the lines that `a`'s paragraph joined before `a` (0 where `a` begins it).
    let aParagraphWidth: Int
    /// The facts of the window around the break.
    let ctx: RejoinContext
    /// Whether a blank line follows `a`.
    let blank: Bool
    /// Whether that blank line separates paragraphs: not where every line has one, nor
    /// where indents mark paragraphs (a blank line is then a column break).
    let blankSeparates: Bool

    /// ``RejoinRules/firstLineIndentEvidence(_:lo:hi:context:)`` in the window, measured
    /// before the rules run where one of them may ask for it (see ``needsIndentEvidence``):
    /// a closure kept in the record would cost an allocation per line break.
    private let indentEvidenceValue: Int
    private var widthsValue: RejoinBreakWidths?
    /// The window's lines (`window[lo...hi]`), for evidence that a rule gathers only
    /// where it decides (see ``sentenceEndsEndParagraphs()``); empty where not given.
    private let window: UnsafeBufferPointer<RejoinLine>
    private let lo: Int, hi: Int

    /// Whether a rule may ask for the indent evidence at this break: to measure a
    /// paragraph's first line in a column, or a blank line after a sentence end in one.
    static func needsIndentEvidence(_ a: UnsafePointer<RejoinLine>, aStartsParagraph: Bool, context: RejoinContext) -> Bool {
        context.isColumn && (aStartsParagraph || (a.pointee.blanksAfter > 0 && a.pointee.end == .final))
    }

    init(_ a: UnsafePointer<RejoinLine>, _ b: UnsafePointer<RejoinLine>, after c: UnsafePointer<RejoinLine>?,
         aStartsParagraph: Bool, aInHeading: Bool, aCarriedWidth: Int, aParagraphWidth: Int = 0,
         context: RejoinContext, indentEvidence: Int,
         window: UnsafeBufferPointer<RejoinLine> = .init(start: nil, count: 0), lo: Int = 0, hi: Int = -1) {
        // A line that stops mid-sentence is measured with the document's own widths of
        // half-width scalars: it ends a paragraph only where it is short, so measuring it
        // short for its Latin letters and digits breaks a paragraph in the middle. A line that
        // ends a sentence keeps the scanner's measure, which takes it for a paragraph's last
        // line where its fill is in doubt.
        self.aExtraWidth = aCarriedWidth
            + (a.pointee.end == .final ? 0 : context.halfWidths.correction(a.pointee))
        self.aLine = a
        self.bLine = b
        self.c = c
        self.aStartsParagraph = aStartsParagraph
        self.aInHeading = aInHeading
        self.aCarriedWidth = aCarriedWidth
        self.aParagraphWidth = aParagraphWidth
        self.ctx = context
        self.blank = a.pointee.blanksAfter > 0
        self.blankSeparates = blank && !context.blankAfterEveryLine && !context.indentsMarkParagraphs
        self.indentEvidenceValue = indentEvidence
        self.window = window
        self.lo = lo
        self.hi = hi
    }

    /// Whether a text line of the window is `what` (false where no window is given).
    /// Measured over the window, so asked only where a rule needs it.
    func windowShows(_ what: (RejoinLine) -> Bool) -> Bool {
        guard hi >= lo, hi < window.count, let base = window.baseAddress else { return false }
        for k in lo...hi where !base[k].isFurniture && what(base[k]) { return true }
        return false
    }

    /// Whether the window shows more of its sentence ends ending paragraphs than going on,
    /// and paragraphs beginning flush (``RejoinSentenceEnds``): a full line that ends a
    /// sentence then ends its paragraph. Measured over the window, so asked only there.
    func sentenceEndsEndParagraphs() -> Bool {
        guard ctx.isColumn, hi >= lo, hi < window.count else { return false }
        return RejoinSentenceEnds.mostEndParagraphs(window, lo: lo, hi: hi, columnWidth: ctx.columnWidth)
    }

    /// The line before the break, with ``aExtraWidth`` added to its widths. Read in place:
    /// a rule that reads one field of it loads that field only.
    @inline(__always)
    var a: RejoinLine {
        var a = aLine.pointee
        if aExtraWidth != 0 {
            a.width += aExtraWidth
            a.collapsedWidth += aExtraWidth
        }
        return a
    }

    /// The next text line.
    @inline(__always)
    var b: RejoinLine { bLine.pointee }

    /// Whether `a` stops mid-sentence (or after a closing quote that follows a word).
    var open: Bool { a.end == .open || a.end == .closeQuote }

    /// How many more of the window's paragraph first lines are narrower than the column
    /// than are as wide as it (0 where ``needsIndentEvidence`` says no rule asks).
    func indentEvidence() -> Int { indentEvidenceValue }

    /// How `a` fills the column (measured once, when a rule first asks).
    mutating func widths() -> RejoinBreakWidths {
        if let v = widthsValue { return v }
        let v = RejoinBreakWidths(&self)
        widthsValue = v
        return v
    }
}

/// How the line before a break fills its column.
struct RejoinBreakWidths {
    /// The column width at the break, in quarter ems: the window's, or that of a wider
    /// column beginning here.
    var w: Int
    /// Whether a wider column begins at `a` (the next two lines are both wider).
    var newColumn: Bool
    /// The width `a` could fill: the column, less an indent or a first line's indent.
    var capacity: Int
    /// Whether `a` is wider than the column (another block).
    var wide: Bool
    /// Whether `a` is full: the next line's first piece would not have fitted at its end.
    var full: Bool

    init(_ x: inout RejoinBreak) {
        let ctx = x.ctx
        w = ctx.columnWidth
        newColumn = false
        // The next two lines are both wider than the column: a wider column begins, and
        // this line, if it is wider than the old column, is its first.
        if let c = x.c, ctx.isColumn, x.b.filledWidth > w + RejoinRules.wideExcess,
           c.pointee.filledWidth > w + RejoinRules.wideExcess,
           !x.b.letterSpaced, !c.pointee.letterSpaced, x.a.end != .final, x.a.filledWidth > w {
            w = min(x.b.filledWidth, c.pointee.filledWidth)
            newColumn = true
        }
        if x.a.indentCols > ctx.baseIndent {
            capacity = w - 2 * (x.a.indentCols - ctx.baseIndent)
        } else if x.aStartsParagraph && ((!ctx.isColumn || x.indentEvidence() >= 0) || newColumn) {
            capacity = w - RejoinRules.firstLineIndent
        } else {
            capacity = w
        }
        wide = x.a.filledWidth > w + RejoinRules.wideExcess
        // A line is full when the next line's first word or character would not have fit
        // at its end (within the measuring error).
        // A line that ends a sentence is measured more tightly where the column width is
        // reliable (few Latin letters and digits around): the slack covers only the
        // characters whose width is uncertain (a line of Han characters and a final `。`
        // one character short of the column is a paragraph's last line).
        let fullSlack = RejoinRules.fullSlack
        let slack = x.a.end == .final && ctx.fewLatin ? min(fullSlack, 2 + x.a.uncertainWidth) : fullSlack
        // A letter-spaced line is stretched to the column, and its extracted spaces are
        // narrower than its gaps: it is full at the column width, or when the next line's
        // first piece would not have fitted even at the measured width.
        full = !x.aInHeading
            && (x.a.letterSpaced ? (x.a.width >= w - fullSlack || x.a.width + 2 + x.b.leadWidth >= capacity + 4 - slack)
                : (x.a.filledWidth >= capacity - slack
                   || Self.nextPieceOverflows(x.a.filledWidth, last: x.a.last, nextFirst: x.b.first,
                                              nextLead: x.b.leadWidth, capacity: capacity, slack: slack)))
    }

    /// Whether the next line's first piece (`nextLead` wide, beginning with `nextFirst`; after a
    /// space where both sides are Latin letters or digits) would not have fitted at the end of
    /// a line `width` wide that ends with `last`, in a column `capacity` wide, within `slack` of
    /// measuring error: the line was wrapped because it was full.
    @inline(__always)
    static func nextPieceOverflows(_ width: Int, last: UInt32, nextFirst: UInt32, nextLead: Int,
                                   capacity: Int, slack: Int) -> Bool {
        let joinSpace = RejoinClass.isWestern(last) && RejoinClass.isWestern(nextFirst) ? RejoinLineScanner.halfWidth : 0
        return width + joinSpace + nextLead >= capacity + RejoinLineScanner.fullWidth - slack
    }
}
