/// Rules for the blocks around a text's title: spaced headings and bylines, date lines,
/// quotations' attributions.
enum RejoinTitleBlockRules {
    /// The longest line (in non-space scalars) beginning with a dash after a sentence end
    /// that is taken for an attribution (`——《论语》序说`, `——第十四世達賴喇嘛`) whatever
    /// its width: a name or a title, not a wrapped sentence.
    static let maxAttributionScalars = 12

    /// The longest byline (in non-space scalars): a name, an author and a unit, or a
    /// project (`本报记者 张明 李华`, `LibreOffice說明`).
    static let maxBylineScalars = 16

    /// A paragraph's first line that separates CJK phrases by spaces and has no
    /// punctuation inside or at its end, followed by a wider line or a list item, is a
    /// byline or a spaced heading (`本报记者 张明 李华 2024年7月7日`), whatever its
    /// width (a spaced heading that wraps goes on with a line no wider).
    static func spacedHeading(_ x: inout RejoinBreak) -> RejoinDecision? {
        guard x.aStartsParagraph && x.a.innerCJKSpace && !x.a.letterSpaced && !x.a.innerComma && !x.a.innerSentenceEnd
            && x.a.end == .open && !ScalarClass.isCJKPunctuation(x.a.last) && !RejoinClass.isWestern(x.a.last)
            && !x.b.letterSpaced && (x.b.filledWidth > x.a.filledWidth || x.b.start == .list || x.b.start == .openBracket)
        else { return nil }
        // CJK characters spaced apart one by one that fill the column as a paragraph's
        // (indented) first line, before a full line: a justified line stretched around too
        // few characters (a narrow column; `天 地 不` / `仁，以万物为刍狗；`), not a heading.
        if x.a.spacedCharacters {
            let m = x.widths()
            if m.full && !m.wide && x.b.filledWidth >= m.w - RejoinRules.fullSlack { return nil }
        }
        return .init(join: false, reason: .unwrappedHeading)
    }

    /// A quotation's attribution (`——《论语》`, `——第十四世達賴喇嘛`) after a sentence end
    /// begins a line of its own, and ends it when it is short; a date on a line of its own
    /// and the byline before it are the title block's.
    static func titleBlock(_ x: inout RejoinBreak) -> RejoinDecision? {
        // (`pdftotext -raw` may put the closing quote after the sentence end on a line of its own)
        if x.b.start == .dash && (x.a.end == .final || (x.a.end == .closeQuote && x.a.scalars == 1))
            && !x.b.letterSpaced {
            return .init(join: false, reason: .nextIsAttribution)
        }
        // (an attribution that leaves its title's bracket open goes on in the next line, and
        // ends where it closes: `——《詩經‧國` / `風‧召南‧鵲巢》`)
        if x.a.start == .dash && x.aStartsParagraph && !x.aInHeading && !x.a.letterSpaced && x.a.opensBracket
            && !x.blank && !x.a.pageAfter {
            return .init(join: true, reason: .attributionWrapped, continuesHeading: true)
        }
        if x.a.start == .dash && x.aStartsParagraph && !x.aInHeading && !x.a.letterSpaced && x.a.end != .dash {
            let m = x.widths()
            if !m.wide && (x.a.filledWidth < m.w - RejoinRules.fullSlack || x.a.end == .closeQuote || x.a.end == .final
                           || (x.a.scalars <= maxAttributionScalars && x.a.filledWidth < m.w)) {
                return .init(join: false, reason: .attribution)
            }
        }
        // A date on a line of its own is the date line of a title block (`Debian项目` /
        // `2021年10月14日` / the text): a wrapped sentence seldom breaks exactly around a
        // date, even in a column no wider than it.
        if (x.a.isDate || x.b.isDate) && !x.a.letterSpaced && !x.b.letterSpaced {
            return .init(join: false, reason: .dateLine)
        }
        // The byline of a title block: a short name without punctuation on a line of its
        // own, right before the date line (`道德经` / `老子` / `2021年7月8日`).
        if let c = x.c, c.pointee.isDate, isByline(x.b), !x.a.letterSpaced, x.a.end != .dash {
            return .init(join: false, reason: .byline)
        }
        return nil
    }

    /// A line that reads as a byline (a name: `老子`, `Debian项目`, `本报记者 张明`): a few
    /// characters, no punctuation inside or at its end.
    static func isByline(_ b: RejoinLine) -> Bool {
        b.scalars <= maxBylineScalars && b.end == .open && !b.letterSpaced && !b.innerComma
            && !b.innerSentenceEnd && !ScalarClass.isCJKPunctuation(b.last) && b.start == .plain
            && (b.last >= 0x80 || RejoinClass.isAlnum(b.last))
    }
}
