/// Rules that read how a line fills its column: a line wider than the column is another
/// block, a short line ends a paragraph or is a heading, a full line goes on unless it
/// ends a sentence and the next line is narrower.
enum RejoinLineWidthRules {
    /// The next line is wider than the column: a heading or another block begins. After a
    /// full line that stops mid-sentence it does where a blank line comes between: a
    /// column break goes on in a line of the column, not in one wider than it (a running
    /// head or a block of its own, as a second reading sees a page's furniture once its
    /// page break is a blank line).
    static func nextIsWide(_ x: inout RejoinBreak) -> RejoinDecision? {
        guard !x.b.letterSpaced else { return nil }
        let m = x.widths()
        guard x.b.filledWidth > m.w + RejoinRules.wideExcess && (x.a.end == .final || m.wide || !m.full || x.blank)
        else { return nil }
        return .init(join: false, reason: .nextIsWide)
    }

    /// Whether `a`, which begins a paragraph and fills the column only as an indented first
    /// line does (an extractor dropped the indent; within a character by its own width, not
    /// because the next line's first word would not have fitted), is a heading: it has no
    /// punctuation, and the next line, which stops mid-sentence, is itself narrower than the
    /// column by more than the measuring error, as an indented first line is (measured with
    /// the document's widths of half-width scalars), while the line after it fills the
    /// column. Were `a` that paragraph's first line, the next would be its second, as wide as
    /// the column; so the next line begins the paragraph, and `a` is a heading before it
    /// (`復原URL識別功能` / `當您在鍵入時注意到` / `文字已經自動轉換為超連`).
    static func isHeadingBeforeIndentedLine(_ x: inout RejoinBreak, _ m: RejoinBreakWidths) -> Bool {
        let w = m.w
        guard x.aStartsParagraph, m.capacity < w, x.a.end == .open, x.a.filledWidth < w - RejoinRules.fullSlack,
              x.a.filledWidth + x.ctx.halfWidths.correction(x.a) + RejoinLineScanner.fullWidth >= m.capacity - RejoinRules.fullSlack,
              !x.a.innerComma, !x.a.innerSentenceEnd, !ScalarClass.isCJKPunctuation(x.a.last), !x.a.letterSpaced,
              x.a.indentCols <= x.ctx.baseIndent, let c = x.c, !x.blank
        else { return false }
        let b = x.b
        let bWidth = b.filledWidth + x.ctx.halfWidths.correction(b)
        // (a line that stops at a Latin word before a Latin word too long for its end is a
        // wrapped line, however narrow)
        let wrapped = RejoinClass.isWestern(b.last) && RejoinClass.isWestern(c.pointee.first)
            && RejoinBreakWidths.nextPieceOverflows(bWidth, last: b.last, nextFirst: c.pointee.first,
                                                    nextLead: c.pointee.leadWidth, capacity: w, slack: RejoinRules.fullSlack)
        return b.end == .open && b.start == .plain && !b.letterSpaced && b.blanksAfter == 0 && !wrapped
            && b.indentCols <= x.ctx.baseIndent
            && b.filledWidth > w - RejoinRules.firstLineIndent - RejoinLineScanner.fullWidth
            && bWidth <= w - RejoinRules.fullSlack
            && !c.pointee.letterSpaced && c.pointee.filledWidth >= w - RejoinRules.fullSlack
    }

    /// Whether `l` ends with a question mark, or a closing quote or bracket right after one.
    static func endsWithQuestion(_ l: RejoinLine) -> Bool {
        let q = RejoinClass.isClosingQuote(l.last) ? l.beforeLast : l.last
        return q == 0xFF1F || q == 0x3F
    }

    /// Short, wide and full lines: decides every break that reaches it.
    static func lineWidth(_ x: inout RejoinBreak) -> RejoinDecision {
        let m = x.widths()
        let c = x.c
        let w = m.w, fullSlack = RejoinRules.fullSlack
        if m.wide || !m.full {
            // A short (or over-wide) line: a last line, a heading, or a wrapped heading.
            if x.a.end == .final { return .init(join: false, reason: m.wide ? .wideLine : .shortLine) }
            if x.a.end == .dash { return .init(join: false, reason: .leadIn) }
            // A wrapped heading: the next line is no wider and no byline. Where every line
            // has a blank line after it, that blank line says nothing, unless this line
            // is over-wide (a block of its own) or already continues a heading; the next
            // line must then end the heading, not be followed by a full line (it would be
            // a paragraph's first line).
            let bEndsBlock = c.map { !(x.b.end == .open && $0.pointee.filledWidth >= w - fullSlack) } ?? true
            if (!x.blank || (x.ctx.blankAfterEveryLine && !m.wide && !x.aInHeading && bEndsBlock))
                && x.b.filledWidth <= x.a.filledWidth + 4 && x.a.end != .closeQuote && !x.b.innerCJKSpace {
                return .init(join: true, reason: .headingWrapped, continuesHeading: true)
            }
            return .init(join: false, reason: x.a.end == .closeQuote ? .shortLine : .shortOpenLine)
        }
        if x.open || x.a.end == .dash {
            if isHeadingBeforeIndentedLine(&x, m) { return .init(join: false, reason: .headingBeforeIndentedLine) }
            return .init(join: true, reason: .fullOpenLine)
        }
        // A full line that ends a sentence: the next line decides.
        // The line after the next one, if it continues the column, shows its width best.
        var wb = w
        if let c, c.pointee.end != .final, !c.pointee.letterSpaced, c.pointee.filledWidth > w, c.pointee.filledWidth <= w + 2 {
            wb = c.pointee.filledWidth
        }
        let bw = x.b.filledWidth
        if bw >= wb - fullSlack + 2 {
            // (where nothing marks paragraphs, the window's sentence ends say which is likelier)
            if !x.b.letterSpaced && x.sentenceEndsEndParagraphs() {
                return .init(join: false, reason: .sentenceEndsEndParagraphs)
            }
            return .init(join: true, reason: .nextContinues)
        }
        // A short next line that stops mid-sentence or at a dash is no paragraph's last
        // line: a heading or lead-in.
        let bFullByNextWord = c.map {
            RejoinBreakWidths.nextPieceOverflows(bw, last: x.b.last, nextFirst: $0.pointee.first,
                                                 nextLead: $0.pointee.leadWidth, capacity: wb, slack: fullSlack)
        } ?? false
        if bw < wb - RejoinRules.firstLineIndent - fullSlack && (x.b.end == .open || x.b.end == .dash) && !x.b.letterSpaced
            && x.b.scalars >= 4 && !bFullByNextWord {
            return .init(join: false, reason: .nextIsHeading)
        }
        // (a next line of that width that ends a sentence is likelier this paragraph's last
        // line than a paragraph of one line that fills an indented first line: the window's
        // sentence ends decide below)
        if bw >= wb - RejoinRules.firstLineIndent - fullSlack && !x.b.letterSpaced && x.b.end != .final {
            return .init(join: false, reason: .nextIsFirstLine)
        }
        // A short next line that asks a question is a heading (`什么是Debian软件包？`), not
        // the last line of this paragraph: a full line that ends a sentence is seldom followed
        // by a last sentence that is a question.
        if x.b.scalars >= 4 && !x.b.letterSpaced && !bFullByNextWord && Self.endsWithQuestion(x.b) {
            return .init(join: false, reason: .nextIsQuestionHeading)
        }
        // (a short next line that ends a sentence: the end of this paragraph, or a paragraph
        // of one line, which the window's sentence ends make the likelier)
        if x.b.end == .final && !x.b.letterSpaced && x.sentenceEndsEndParagraphs() {
            return .init(join: false, reason: .sentenceEndsEndParagraphs)
        }
        return .init(join: true, reason: .nextContinues)
    }
}
