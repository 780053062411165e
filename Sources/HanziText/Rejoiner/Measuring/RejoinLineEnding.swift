/// How a line ends (``RejoinLine/End``), and the ASCII names broken at its end.
extension RejoinLineScanner {
    static func endKind(last: UInt32, beforeLast: UInt32) -> RejoinLine.End {
        if RejoinClass.isSentenceFinal(last) || RejoinClass.isClauseFinal(last) {
            // "1." at the end of an English line, or "e.g." are still sentence ends
            return .final
        }
        if RejoinClass.isClosingQuote(last) {
            if RejoinClass.isSentenceFinal(beforeLast) || RejoinClass.isClauseFinal(beforeLast) {
                return .final
            }
            return .closeQuote
        }
        if RejoinClass.isDash(last) { return .dash }
        // a hyphen at the line end: the word or option goes on (`statical-`, `--`); a lone
        // `-` is no word
        if (RejoinClass.isHyphen(last) && beforeLast != 0) || last == RejoinClass.softHyphen { return .opening }
        if RejoinClass.isOpening(last) { return .opening }
        return .open
    }


    /// The longest run of ASCII bytes at a line end that is read for a broken name.
    static let maxNameBytes = 256

    /// Measures the ASCII runs at both ends of the line `p[s..<e]` (content only): whether
    /// it ends inside a path or dotted name, and whether it starts with an English word
    /// (see ``RejoinLine/endsInPath``). Reads only the ASCII bytes at the ends.
    static func markBrokenName(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int, into line: inout RejoinLine) {
        // the last run of non-space ASCII bytes
        var i = e
        while p[e - 1] < 0x80 && i > s && p[i - 1] < 0x80 && p[i - 1] > 0x20 && i > e - maxNameBytes { i -= 1 }
        var path = false, dotted = false
        var k = i
        while k < e {
            let b = p[k]
            if b == 0x2F || b == 0x5F || b == 0x5C { path = true }
            if b == 0x2E && k > i && k + 1 < e && isAlnumByte(p[k - 1]) && isAlnumByte(p[k + 1]) { dotted = true }
            k += 1
        }
        let last = p[e - 1]
        if last >= 0x80 { path = false; dotted = false }
        // a lone `.` after CJK text or a space (`与.` then `ci/run`, `通过 .` then
        // `file(URL)`): no sentence ends so
        if e - i == 1 && last == 0x2E && i > s { path = true }
        line.endsInPath = path
        line.endsInDottedName = dotted && isAlnumByte(last)
        // the first run: letters, then a space or the end
        var j = s
        while j < e && (p[j] | 0x20) &- 0x61 < 26 { j += 1 }
        line.startsWithWord = j > s && (j == e || p[j] == 0x20 || p[j] == 0x09)
    }

    @inline(__always)
    static func isAlnumByte(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }
}
