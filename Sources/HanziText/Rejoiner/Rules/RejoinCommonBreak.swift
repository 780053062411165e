/// The common line break: a line of a column before a plain line of it, with nothing around
/// them that the layout marks. Most breaks of wrapped text are such,
/// and no rule family before the line-width rules decides them, so ``RejoinRules/decide(_:_:after:aStartsParagraph:aInHeading:aCarriedWidth:aParagraphWidth:context:window:lo:hi:indentEvidence:)``
/// goes straight to ``RejoinLineWidthRules/lineWidth(_:)`` for them.
///
/// Each condition below is the negation of (part of) the condition under which one of the
/// rules 1–12 of the rule list decides, written with the rule's own tests, so that the rule
/// cannot decide where all of them hold. `RejoinCommonBreakTests` checks it against the rule
/// list itself on generated breaks: wherever ``isCommon(_:)`` holds, every rule before the
/// line-width rules gives no decision. A change to a rule that lets it decide a common break
/// must change this test too.
enum RejoinCommonBreak {
    /// Whether no rule before ``RejoinLineWidthRules/lineWidth(_:)`` in the rule list decides
    /// the break `x` (taken in place, as the rules take it; only read).
    @inline(__always)
    static func isCommon(_ x: inout RejoinBreak) -> Bool {
        let ctx = x.ctx
        let a = x.aLine, b = x.bLine
        // text without column structure (8)
        guard ctx.isColumn else { return false }
        // blank lines: where every line has some, a missing one (7) or more than usual (2);
        // elsewhere, any (1, 3, 10)
        if ctx.blankAfterEveryLine {
            guard x.blank, !(a.pointee.blanksAfter > ctx.usualBlanks && ctx.usualBlanks < 3) else { return false }
        } else {
            guard !x.blank else { return false }
        }
        // a line the layout or a page break marks (2, 6); the next line wider than the
        // column, which a wider column may begin with (9)
        guard b.pointee.indentCols <= ctx.baseIndent, !a.pointee.pageAfter, !b.pointee.pageAfter,
              b.pointee.filledWidth <= ctx.columnWidth + RejoinRules.wideExcess else { return false }
        // what the next line begins with: closing punctuation (1), a list item, bullet or
        // dateline (4), an attribution's dash (12), an opening bracket or quote (11)
        guard b.pointee.start == .plain, !RejoinClass.isOpening(b.pointee.first) else { return false }
        // what this line ends with: an opening bracket, a hyphen (1); a spaced heading (5)
        guard a.pointee.end != .opening, a.pointee.last != RejoinClass.softHyphen,
              !RejoinClass.isHyphen(a.pointee.last), !(x.aStartsParagraph && a.pointee.innerCJKSpace)
        else { return false }
        // one character per line, pieces of a stretched line (3)
        guard !a.pointee.isSingleCharacter, x.aCarriedWidth == 0 else { return false }
        // an attribution, a date line, a byline before one (12)
        guard a.pointee.start != .dash, !a.pointee.isDate, !b.pointee.isDate, !(x.c?.pointee.isDate ?? false)
        else { return false }
        return true
    }
}
