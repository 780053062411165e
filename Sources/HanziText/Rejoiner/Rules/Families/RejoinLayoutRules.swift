/// Rules for what the layout marks: blank lines and indents.
enum RejoinLayoutRules {
    /// Breaks the layout marks for certain: more blank lines than usual where every line
    /// has some, or an indented next line.
    static func markedBreaks(_ x: inout RejoinBreak) -> RejoinDecision? {
        // (the usual count is one, two, or three or more: more than three or more is not
        // measured, so a text already rejoined, one blank line after every paragraph, reads
        // as it did before its blank lines were made one)
        if x.ctx.blankAfterEveryLine && x.a.blanksAfter > x.ctx.usualBlanks && x.ctx.usualBlanks < 3 {
            return .init(join: false, reason: .extraBlankLines)
        }
        if x.b.indentCols > x.ctx.baseIndent && !x.b.letterSpaced {
            return .init(join: false, reason: .nextIndented)
        }
        return nil
    }

    /// Where every line has a blank line after it, a missing one binds two lines together.
    static func blankAfterEveryLine(_ x: inout RejoinBreak) -> RejoinDecision? {
        guard x.ctx.blankAfterEveryLine && !x.blank && !x.a.pageAfter else { return nil }
        let m = x.widths()
        return .init(join: true, reason: .sameBlock, continuesHeading: x.ctx.isColumn && (m.wide || !m.full))
    }

    /// A blank line separates paragraphs, unless it follows a full line that stops
    /// mid-sentence, or a full line that ends a sentence before a full line where first
    /// lines are indented: column breaks.
    static func blankLine(_ x: inout RejoinBreak) -> RejoinDecision? {
        guard x.blankSeparates else { return nil }
        let m = x.widths()
        // (a title block's date line, and a quotation's attribution, fill a narrow column
        // without being lines of it: the blank line after one is no column break)
        let titleBlockLine = x.a.isDate
            || (x.a.start == .dash && x.aStartsParagraph && !x.a.innerSentenceEnd && !x.a.innerComma && !x.a.opensBracket)
        if (x.open || x.a.end == .dash) && m.full && !m.wide && !titleBlockLine {
            return .init(join: true, reason: .blankAfterFullOpenLine)
        }
        if x.a.end == .final && m.full && !m.wide && !x.aStartsParagraph && x.ctx.isColumn && x.indentEvidence() > 0
            && x.b.filledWidth >= m.w - RejoinRules.fullSlack + 2 && x.b.filledWidth <= m.w + RejoinRules.wideExcess
            && !x.b.letterSpaced && x.b.end != .final {
            return .init(join: true, reason: .blankAfterFullLineBeforeFullLine)
        }
        return .init(join: false, reason: .blankLine)
    }
}
