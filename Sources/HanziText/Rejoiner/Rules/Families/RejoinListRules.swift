/// Rules for lines that begin a paragraph by their first characters.
enum RejoinListRules {
    /// A list item, bullet or dateline starts a paragraph, unless this line is full and
    /// stops mid-word and the "list item" is a word that reads like one (`统` `一、协调`).
    static func listStarts(_ x: inout RejoinBreak) -> RejoinDecision? {
        switch x.b.start {
        case .list:
            let m = x.widths()
            let midWord = x.ctx.isColumn && m.full && !m.wide && x.a.end == .open && !x.blank && x.a.start != .list
            if midWord && (RejoinClass.isChineseNumeral(x.b.first) || x.b.first == 0x7B2C) { return nil }
            return .init(join: false, reason: .nextStartsList)
        case .dateline:
            return .init(join: false, reason: .nextStartsDateline)
        case .bullet:
            return .init(join: false, reason: .nextStartsBullet)
        default:
            return nil
        }
    }
}
