/// Rules for text without column structure: its line breaks were not made by a column,
/// so a blank line, a line wider than any column, or a whole window of such lines keeps
/// its break; sentence ends and headings end paragraphs, fragments that stop mid-sentence
/// join.
enum RejoinUnwrappedRules {
    /// The widest line (in quarter ems) that reads as a heading or a numbered heading (32 em).
    static let maxHeadingWidth = 128
    /// The widest headline of phrases separated by spaces (50 em).
    static let maxSpacedHeadingWidth = 200

    static func unwrappedText(_ x: inout RejoinBreak) -> RejoinDecision? {
        guard !x.ctx.isColumn else { return nil }
        if x.a.end == .final { return .init(join: false, reason: .unwrappedSentenceEnd) }
        if (x.blank && !x.ctx.indentsMarkParagraphs) || x.ctx.paragraphed
            || x.a.filledWidth > RejoinRules.maxColumnWidth || x.b.filledWidth > RejoinRules.maxColumnWidth {
            // paragraphs already: the break is the text's own
            return .init(join: false, reason: x.blank ? .blankLine : .alreadyParagraphs)
        }
        // too few lines to tell a heading from a wrapped line: a sentence goes on
        if x.ctx.littleEvidence && x.a.end == .open {
            return .init(join: true, reason: .unwrappedMidSentence)
        }
        // A heading is a paragraph of its own: where lines before `a` joined it, a second
        // reading sees their paragraph as one line, too wide for a heading when they are, so
        // the break is decided as it will be then (rejoining the output changes nothing).
        if x.a.end == .dash || x.a.end == .closeQuote
            || (x.aParagraphWidth + x.a.filledWidth <= maxHeadingWidth || x.aStartsParagraph) && isHeadingLike(x.a, x.b) {
            return .init(join: false, reason: .unwrappedHeading)
        }
        return .init(join: true, reason: .unwrappedMidSentence)
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
        if a.start == .bullet || (a.start == .list && a.filledWidth <= maxHeadingWidth) { return true }
        if a.innerSentenceEnd { return false }
        // headline phrases separated by spaces (`推进互利合作 践行多边主义`)
        if a.innerCJKSpace && a.filledWidth <= maxSpacedHeadingWidth { return true }
        if a.filledWidth > maxHeadingWidth { return false }
        if !a.innerComma { return true }
        switch b.start {
        case .openBracket, .dash, .dateline, .list, .bullet: return true
        default: return false
        }
    }
}
