/// How the sentences of a window end: where a line is full and ends a sentence, and the
/// layout marks no paragraph by an indent, nothing in the two lines tells a paragraph's
/// last line from a sentence end that happens to fall at the line end (in a narrow column
/// that happens often). The window's own lines tell which is likelier: a paragraph's end
/// that is not full shows as a short line ending a sentence, a sentence end that the text
/// goes on after shows inside a line. Where the first outnumber the second, the document's
/// paragraphs are one or two sentences each (definitions, answers, list-like text), and a
/// full line ending a sentence more likely ends one of them.
enum RejoinSentenceEnds {
    /// The fewest short lines ending a sentence that show the window's paragraphs.
    static let minimumParagraphEnds = 3

    /// Whether more of the text lines of `lines[lo...hi]` are short lines ending a
    /// sentence (narrower than `columnWidth` by more than ``RejoinRules/fullSlack``) than
    /// lines with a sentence end inside them, at least ``minimumParagraphEnds``, and the
    /// paragraphs after them begin flush: more of the lines that begin one (after such a
    /// short line, going on to another line) are as wide as a line that continues the
    /// column than are indented or narrower and followed by a full line (a heading's
    /// first line is followed by a narrow line, and says nothing), and at most half of
    /// those short lines have a blank line after them (where blank lines mark paragraphs,
    /// a line without one goes on).
    static func mostEndParagraphs(_ lines: UnsafeBufferPointer<RejoinLine>, lo: Int, hi: Int,
                                  columnWidth w: Int) -> Bool {
        guard let base = lines.baseAddress, lo <= hi else { return false }
        let continuing = w - RejoinRules.fullSlack + 2
        var ended = 0, goesOn = 0, flush = 0, indented = 0, blankAfter = 0
        for k in lo...hi {
            // through pointers: a line record is large
            let l = UnsafePointer(base + k)
            if l.pointee.letterSpaced || l.pointee.isFurniture { continue }
            if l.pointee.innerSentenceEnd { goesOn += 1 }
            guard l.pointee.end == .final && l.pointee.filledWidth < w - RejoinRules.fullSlack else { continue }
            ended += 1
            if l.pointee.blanksAfter > 0 { blankAfter += 1 }
            guard k + 2 <= hi else { continue }
            let f = UnsafePointer(base + k + 1), g = UnsafePointer(base + k + 2)
            guard f.pointee.end != .final, !f.pointee.letterSpaced, !f.pointee.isFurniture, f.pointee.scalars >= 4
            else { continue }
            if f.pointee.indentCols > 0 {
                indented += 1
            } else if f.pointee.filledWidth >= continuing {
                flush += 1
            } else if g.pointee.filledWidth >= continuing && !g.pointee.letterSpaced {
                indented += 1
            }
        }
        return ended >= minimumParagraphEnds && ended > goesOn && flush > indented && blankAfter * 2 <= ended
    }
}
