/// Running counts over the lines of a stream, kept on each line for the lines before it.
struct RejoinPrefix {
    /// Line breaks followed by one, two, and three or more blank lines.
    var blank1: Int32 = 0
    var blank2: Int32 = 0
    var blank3: Int32 = 0
    /// CJK next to Latin letters or digits across a space, and directly.
    var spaced: Int32 = 0
    var solid: Int32 = 0
    /// Indented lines.
    var indented: Int32 = 0
    /// Lines wider than any column (``RejoinRules/maxColumnWidth``): paragraphs already
    /// on one line each.
    var unwrapped: Int32 = 0

    /// The counts after `line` (whose blank lines after it are known), read in place.
    @inline(__always)
    func adding(_ line: UnsafePointer<RejoinLine>) -> RejoinPrefix {
        var p = self
        switch line.pointee.blanksAfter {
        case 0: break
        case 1: p.blank1 &+= 1
        case 2: p.blank2 &+= 1
        default: p.blank3 &+= 1
        }
        p.spaced &+= line.pointee.spacedMixed
        p.solid &+= line.pointee.solidMixed
        if line.pointee.indentCols > 0 { p.indented &+= 1 }
        if line.pointee.filledWidth > RejoinRules.maxColumnWidth { p.unwrapped &+= 1 }
        return p
    }
}
