/// Rules for page breaks (page furniture recognised by its content is decided by the
/// stream, see ``RejoinPageFurniture``).
enum RejoinPageRules {
    /// Around a page break, a line that does not fit the column and does not end a
    /// sentence is a running head, folio or footer.
    static func pageBreak(_ x: inout RejoinBreak) -> RejoinDecision? {
        guard x.ctx.isColumn, x.a.pageAfter || x.b.pageAfter, !x.b.letterSpaced, x.b.end != .final else { return nil }
        let w = x.widths().w
        guard x.b.filledWidth > w + RejoinRules.wideExcess
                || x.b.filledWidth < w - RejoinRules.firstLineIndent - 2 * RejoinRules.fullSlack else { return nil }
        return .init(join: false, reason: .pageFurniture)
    }
}
