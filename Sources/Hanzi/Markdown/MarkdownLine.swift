/// One physical line of a Markdown document, split into the container prefix that carries its
/// structure (block-quote markers, indentation) and the rest.
///
/// Offsets are into the document's bytes. `end` excludes the line ending; `next` is where the
/// following line starts (after `\n` or `\r\n`).
struct MarkdownLine {
    /// The first byte of the line.
    var start: Int
    /// Where the block-quote markers (`>` with one optional space each) end.
    var quoteEnd: Int
    /// The end of the line's text, before its line ending.
    var end: Int
    /// The start of the next line.
    var next: Int

    /// Splits `bytes` into lines and finds each line's block-quote prefix.
    static func split(_ bytes: [UInt8]) -> [MarkdownLine] {
        var lines: [MarkdownLine] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let next = end < bytes.count ? end + 1 : end
            var textEnd = end
            if textEnd > start, bytes[textEnd - 1] == 0x0D { textEnd -= 1 }
            lines.append(MarkdownLine(start: start, quoteEnd: quotePrefixEnd(bytes, start, textEnd), end: textEnd, next: next))
            start = next
        }
        return lines
    }

    /// The end of a run of block-quote markers: up to three spaces, `>`, one optional space,
    /// repeated.
    private static func quotePrefixEnd(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var position = start
        while true {
            var i = position
            var spaces = 0
            while i < end, bytes[i] == 0x20, spaces < 3 { i += 1; spaces += 1 }
            guard i < end, bytes[i] == 0x3E else { return position }
            i += 1
            if i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            position = i
        }
    }

    /// Whether the text after the quote markers is empty or white space only.
    func isBlank(_ bytes: [UInt8]) -> Bool {
        var i = quoteEnd
        while i < end {
            if bytes[i] != 0x20 && bytes[i] != 0x09 { return false }
            i += 1
        }
        return true
    }

    /// How many columns of indentation follow the quote markers (a tab counts to the next
    /// multiple of four), and where the indentation ends.
    func indentation(_ bytes: [UInt8]) -> (columns: Int, end: Int) {
        var columns = 0
        var i = quoteEnd
        while i < end {
            if bytes[i] == 0x20 { columns += 1 } else if bytes[i] == 0x09 { columns += 4 - columns % 4 } else { break }
            i += 1
        }
        return (columns, i)
    }
}
