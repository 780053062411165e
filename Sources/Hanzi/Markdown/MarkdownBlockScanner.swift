/// A piece of a Markdown document: structure kept byte for byte, or text to clean.
enum MarkdownBlock: Equatable {
    /// Bytes kept exactly: front matter, code, HTML blocks, blank lines, thematic breaks,
    /// setext underlines, link reference definitions, math blocks, table delimiter rows.
    case verbatim(Range<Int>)
    /// The lines of one paragraph (in a list item or a block quote, or on its own). Each line's
    /// prefix (quote markers, list marker, indentation) is `start..<textStart`.
    case paragraph([MarkdownTextLine])
    /// An ATX heading: `# ` before the text, and the closing `#`s and line ending after it.
    case heading(MarkdownTextLine)
    /// A table row whose cells are cleaned one by one; the pipes and padding stay.
    case tableRow(MarkdownTextLine)
}

extension MarkdownBlock {
    /// The bytes of the document the block covers, its line endings included.
    var range: Range<Int> {
        switch self {
        case .verbatim(let range): range
        case .paragraph(let lines): lines[0].start..<lines[lines.count - 1].next
        case .heading(let line), .tableRow(let line): line.start..<line.next
        }
    }

    /// The same block `offset` bytes further on.
    func shifted(by offset: Int) -> MarkdownBlock {
        switch self {
        case .verbatim(let range): .verbatim((range.lowerBound + offset)..<(range.upperBound + offset))
        case .paragraph(let lines): .paragraph(lines.map { $0.shifted(by: offset) })
        case .heading(let line): .heading(line.shifted(by: offset))
        case .tableRow(let line): .tableRow(line.shifted(by: offset))
        }
    }
}

/// A line whose text (`textStart..<textEnd`) is cleaned; the bytes before it
/// (`start..<textStart`) and after it (`textEnd..<next`, including the line ending) are kept.
struct MarkdownTextLine: Equatable {
    var start: Int
    var textStart: Int
    var textEnd: Int
    var next: Int
}

extension MarkdownTextLine {
    /// The same line `offset` bytes further on.
    func shifted(by offset: Int) -> MarkdownTextLine {
        MarkdownTextLine(start: start + offset, textStart: textStart + offset, textEnd: textEnd + offset, next: next + offset)
    }
}

/// Finds the blocks of a Markdown document (CommonMark and GitHub Flavored Markdown), line by
/// line, in one pass.
///
/// The project scans Markdown itself instead of using a parser library: the Swift packages
/// available (Ink, for example) render to HTML and keep no source positions, while cleaning
/// must keep every structural byte as it was and change only the text inside blocks. A
/// line-oriented scanner that knows the block starts of CommonMark gives exactly those
/// positions.
struct MarkdownBlockScanner {
    private let bytes: [UInt8]
    private let lines: [MarkdownLine]
    private(set) var blocks: [MarkdownBlock] = []

    private var paragraph: [MarkdownTextLine] = []
    /// The content column of the innermost open list item, if any: a line indented at least
    /// this far continues the item rather than starting code.
    private var listContentColumn: Int?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.lines = MarkdownLine.split(bytes)
        scan()
    }

    private mutating func scan() {
        var index = frontMatterEnd()
        if index > 0 { blocks.append(.verbatim(0..<lines[index - 1].next)) }
        var previousBlank = true
        while index < lines.count {
            let line = lines[index]
            if line.isBlank(bytes) {
                flushParagraph()
                verbatim(line)
                previousBlank = true
                index += 1
                continue
            }
            let (columns, indentEnd) = line.indentation(bytes)
            if let listColumn = listContentColumn, previousBlank, columns < listColumn, listMarker(line) == nil {
                listContentColumn = nil
            }
            let codeColumn = (listContentColumn ?? 0) + 4
            if paragraph.isEmpty, columns >= codeColumn {
                // Indented code runs to the next non-blank line indented less.
                index = verbatimRun(from: index) { [bytes] l in l.isBlank(bytes) || l.indentation(bytes).columns >= codeColumn }
                previousBlank = false
                continue
            }
            // Block starts are looked for after at most three columns of indentation beyond
            // the list's content column.
            let blockStart = columns - (listContentColumn ?? 0) < 4 ? indentEnd : line.quoteEnd
            if let fence = fenceOpening(at: stripListMarker(line, from: blockStart), end: line.end) {
                flushParagraph()
                index = fencedBlockEnd(from: index, fence: fence)
                previousBlank = false
                continue
            }
            if isMathFence(line, from: blockStart) {
                flushParagraph()
                index = mathBlockEnd(from: index)
                previousBlank = false
                continue
            }
            if let htmlEnd = htmlBlockEnd(from: index, at: blockStart) {
                flushParagraph()
                index = htmlEnd
                previousBlank = false
                continue
            }
            if !paragraph.isEmpty, isSetextUnderline(line, from: blockStart) {
                flushParagraph()
                verbatim(line)
                index += 1
                previousBlank = false
                continue
            }
            if isThematicBreak(line, from: blockStart) {
                flushParagraph()
                verbatim(line)
                index += 1
                previousBlank = false
                continue
            }
            if let heading = atxHeading(line, from: blockStart) {
                flushParagraph()
                blocks.append(.heading(heading))
                index += 1
                previousBlank = false
                continue
            }
            if index + 1 < lines.count, contains(0x7C, line), isTableDelimiterRow(lines[index + 1]) {
                flushParagraph()
                index = tableEnd(from: index)
                previousBlank = false
                continue
            }
            if paragraph.isEmpty, isLinkReferenceDefinition(line, from: blockStart) {
                verbatim(line)
                index += 1
                previousBlank = false
                continue
            }
            if let marker = listMarker(line), paragraph.isEmpty || marker.mayInterruptParagraph
                || listContentColumn.map({ columns < $0 }) == true
            {
                flushParagraph()
                listContentColumn = marker.contentColumn
                if marker.textStart == line.end {
                    // An item that starts empty: its text, if any, is on the lines below,
                    // indented to its content column; its marker line stays as it is (joined
                    // to the next line, the marker would become text: `*` `国` → `*国`).
                    verbatim(line)
                } else {
                    paragraph.append(MarkdownTextLine(start: line.start, textStart: marker.textStart, textEnd: line.end, next: line.next))
                }
                index += 1
                previousBlank = false
                continue
            }
            paragraph.append(MarkdownTextLine(start: line.start, textStart: indentEnd, textEnd: line.end, next: line.next))
            index += 1
            previousBlank = false
        }
        flushParagraph()
    }

    // MARK: - Emitting

    private mutating func flushParagraph() {
        if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)) }
        paragraph.removeAll()
    }

    private mutating func verbatim(_ line: MarkdownLine) {
        blocks.append(.verbatim(line.start..<line.next))
    }

    /// Keeps lines from `index` verbatim while `continues` holds (at least the first one);
    /// returns the index after them. Trailing blank lines are left for the main loop.
    private mutating func verbatimRun(from index: Int, while continues: (MarkdownLine) -> Bool) -> Int {
        var last = index
        var i = index + 1
        while i < lines.count, continues(lines[i]) {
            if !lines[i].isBlank(bytes) { last = i }
            i += 1
        }
        blocks.append(.verbatim(lines[index].start..<lines[last].next))
        return last + 1
    }

    // MARK: - Front matter

    /// The index after YAML (`---` … `---` or `...`) or TOML (`+++` … `+++`) front matter at
    /// the very start, or 0 when there is none.
    /// (A scanner reads every block the cleaner checks on its own, so this allocates nothing
    /// for a document without front matter.)
    private func frontMatterEnd() -> Int {
        guard let first = lines.first else { return 0 }
        let opening = bytes[first.start..<first.end]
        guard opening.elementsEqual(Self.yamlFence) || opening.elementsEqual(Self.tomlFence) else { return 0 }
        var i = 1
        while i < lines.count {
            let text = bytes[lines[i].start..<lines[i].end]
            if text.elementsEqual(opening) || (opening.first == 0x2D && text.elementsEqual(Self.yamlEnd)) { return i + 1 }
            i += 1
        }
        return 0
    }

    private static let yamlFence: [UInt8] = Array("---".utf8)
    private static let tomlFence: [UInt8] = Array("+++".utf8)
    private static let yamlEnd: [UInt8] = Array("...".utf8)

    // MARK: - Code and math

    private struct Fence { var byte: UInt8; var count: Int }

    /// A code fence (three or more backticks or tildes; a backtick fence's info string has no
    /// backtick) starting at `position`.
    private func fenceOpening(at position: Int, end: Int) -> Fence? {
        guard position < end, bytes[position] == 0x60 || bytes[position] == 0x7E else { return nil }
        let byte = bytes[position]
        var i = position
        while i < end, bytes[i] == byte { i += 1 }
        guard i - position >= 3 else { return nil }
        if byte == 0x60, bytes[i..<end].contains(0x60) { return nil }
        return Fence(byte: byte, count: i - position)
    }

    /// Keeps a fenced code block verbatim up to its closing fence (or the end of the
    /// document) and returns the index after it.
    private mutating func fencedBlockEnd(from index: Int, fence: Fence) -> Int {
        var i = index + 1
        while i < lines.count {
            let line = lines[i]
            let (_, indentEnd) = line.indentation(bytes)
            var j = indentEnd
            while j < line.end, bytes[j] == fence.byte { j += 1 }
            if j - indentEnd >= fence.count, bytes[j..<line.end].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { break }
            i += 1
        }
        let last = min(i, lines.count - 1)
        blocks.append(.verbatim(lines[index].start..<lines[last].next))
        return last + 1
    }

    /// A `$$` line, which opens or closes a display-math block.
    private func isMathFence(_ line: MarkdownLine, from position: Int) -> Bool {
        var end = line.end
        while end > position, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return end - position >= 2 && bytes[position] == 0x24 && bytes[position + 1] == 0x24
            && (end - position == 2 || bytes[position..<end].suffix(2).elementsEqual([0x24, 0x24]))
    }

    private mutating func mathBlockEnd(from index: Int) -> Int {
        let first = lines[index]
        let (_, start) = first.indentation(bytes)
        var end = first.end
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if end - start > 2 {
            // `$$ … $$` on one line.
            blocks.append(.verbatim(first.start..<first.next))
            return index + 1
        }
        var i = index + 1
        while i < lines.count, !isMathFence(lines[i], from: lines[i].indentation(bytes).end) { i += 1 }
        let last = min(i, lines.count - 1)
        blocks.append(.verbatim(lines[index].start..<lines[last].next))
        return last + 1
    }

    // MARK: - HTML blocks

    private static let blockTags: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul", "img", "picture", "video", "audio", "source", "br",
    ]
    private static let rawTags: Set<String> = ["script", "pre", "style", "textarea"]

    /// How an HTML block that starts at a line ends: at a line holding an end marker
    /// (CommonMark's kinds 1-5), at a blank line (kind 6, a block-level tag), or, for any
    /// other complete tag alone on its line (kind 7, which cannot interrupt a paragraph), at a
    /// blank line too.
    private enum HTMLBlockStart {
        case untilMarker(String)
        case untilBlankLine
        case completeTag
    }

    /// The HTML block that starts at `position` of `line`, if one does.
    private func htmlBlockStart(_ line: MarkdownLine, at position: Int) -> HTMLBlockStart? {
        guard position < line.end, bytes[position] == 0x3C else { return nil }
        let rest = bytes[position..<line.end]
        let text = String(decoding: rest, as: UTF8.self).lowercased()
        if text.hasPrefix("<!--") { return .untilMarker("-->") }
        if text.hasPrefix("<?") { return .untilMarker("?>") }
        if text.hasPrefix("<![cdata[") { return .untilMarker("]]>") }
        if text.hasPrefix("<!"), text.count > 2, text.dropFirst(2).first?.isLetter == true { return .untilMarker(">") }
        let name = String(text.dropFirst(text.hasPrefix("</") ? 2 : 1).prefix { $0.isLetter || $0.isNumber || $0 == "-" })
        guard !name.isEmpty else { return nil }
        if Self.rawTags.contains(name), !text.hasPrefix("</") { return .untilMarker("</\(name)>") }
        if Self.blockTags.contains(name) { return .untilBlankLine }
        return text.trimmingTrailingSpaces.hasSuffix(">") ? .completeTag : nil
    }

    /// When an HTML block starts at `position` (CommonMark's kinds 1-7), keeps it verbatim
    /// and returns the index after it.
    private mutating func htmlBlockEnd(from index: Int, at position: Int) -> Int? {
        let endMarker: String?
        switch htmlBlockStart(lines[index], at: position) {
        case nil: return nil
        case .untilMarker(let marker): endMarker = marker
        case .untilBlankLine: endMarker = nil
        case .completeTag:
            // it cannot interrupt a paragraph
            guard paragraph.isEmpty else { return nil }
            endMarker = nil
        }
        var i = index
        if let marker = endMarker {
            while i < lines.count,
                  !String(decoding: bytes[lines[i].start..<lines[i].end], as: UTF8.self).lowercased().contains(marker)
            {
                i += 1
            }
            i = min(i, lines.count - 1)
        } else {
            while i + 1 < lines.count, !lines[i + 1].isBlank(bytes) { i += 1 }
        }
        // The paragraph the block interrupts comes first.
        flushParagraph()
        blocks.append(.verbatim(lines[index].start..<lines[i].next))
        return i + 1
    }

    // MARK: - Leaf blocks on one line

    /// `===` or `---` under a paragraph.
    private func isSetextUnderline(_ line: MarkdownLine, from position: Int) -> Bool {
        guard position < line.end, bytes[position] == 0x3D || bytes[position] == 0x2D else { return false }
        let byte = bytes[position]
        var i = position
        while i < line.end, bytes[i] == byte { i += 1 }
        return bytes[i..<line.end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Three or more `-`, `*` or `_` with only spaces between them.
    private func isThematicBreak(_ line: MarkdownLine, from position: Int) -> Bool {
        guard position < line.end, bytes[position] == 0x2D || bytes[position] == 0x2A || bytes[position] == 0x5F
        else { return false }
        let byte = bytes[position]
        var count = 0
        for b in bytes[position..<line.end] {
            if b == byte { count += 1 } else if b != 0x20 && b != 0x09 { return false }
        }
        return count >= 3
    }

    /// `#` to `######` followed by a space or the line end; the closing `#`s stay with the
    /// line ending.
    private func atxHeading(_ line: MarkdownLine, from position: Int) -> MarkdownTextLine? {
        var i = position
        while i < line.end, bytes[i] == 0x23 { i += 1 }
        let level = i - position
        guard (1...6).contains(level), i == line.end || bytes[i] == 0x20 || bytes[i] == 0x09 else { return nil }
        while i < line.end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        var textEnd = line.end
        while textEnd > i, bytes[textEnd - 1] == 0x20 || bytes[textEnd - 1] == 0x09 { textEnd -= 1 }
        var closing = textEnd
        while closing > i, bytes[closing - 1] == 0x23 { closing -= 1 }
        if closing < textEnd, closing == i || bytes[closing - 1] == 0x20 || bytes[closing - 1] == 0x09 {
            textEnd = closing
            while textEnd > i, bytes[textEnd - 1] == 0x20 || bytes[textEnd - 1] == 0x09 { textEnd -= 1 }
        }
        return MarkdownTextLine(start: line.start, textStart: i, textEnd: max(i, textEnd), next: line.next)
    }

    /// `[label]: destination`, which defines a link and stays as it is.
    private func isLinkReferenceDefinition(_ line: MarkdownLine, from position: Int) -> Bool {
        guard position < line.end, bytes[position] == 0x5B else { return false }
        var i = position + 1
        while i < line.end, bytes[i] != 0x5D { i += 1 }
        return i + 1 < line.end && i > position + 1 && bytes[i + 1] == 0x3A
    }

    // MARK: - Lists

    private struct ListMarker {
        var textStart: Int
        var contentColumn: Int
        /// Whether the item may start in the middle of a paragraph (CommonMark: a list that
        /// interrupts a paragraph starts with text, and an ordered one at 1); otherwise the
        /// line is the paragraph's text (`中文\n*\n` is one paragraph, `中文 *`). A sibling
        /// of the paragraph's own list item always may.
        var mayInterruptParagraph: Bool
    }

    /// A bullet (`-`, `+`, `*`) or ordered (`1.`, `1)`) list marker after the quote markers
    /// and up to three columns of indentation beyond the enclosing list's content, followed
    /// by a space or the line end. A task-list box (`[ ]`, `[x]`) belongs to the marker.
    private func listMarker(_ line: MarkdownLine) -> ListMarker? {
        let (columns, indentEnd) = line.indentation(bytes)
        guard columns - (listContentColumn ?? 0) < 4 || columns < 4 else { return nil }
        var i = indentEnd
        guard i < line.end else { return nil }
        var startsAtOne = true
        if bytes[i] == 0x2D || bytes[i] == 0x2B || bytes[i] == 0x2A {
            if isThematicBreak(line, from: i) { return nil }
            i += 1
        } else {
            let digits = i
            while i < line.end, i - digits < 9, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            guard i > digits, i < line.end, bytes[i] == 0x2E || bytes[i] == 0x29 else { return nil }
            startsAtOne = bytes[digits..<i].drop { $0 == 0x30 }.elementsEqual([0x31])
            i += 1
        }
        guard i == line.end || bytes[i] == 0x20 || bytes[i] == 0x09 else { return nil }
        let markerEnd = i
        while i < line.end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        let startsEmpty = i == line.end
        if i + 3 <= line.end, bytes[i] == 0x5B, bytes[i + 2] == 0x5D,
           bytes[i + 1] == 0x20 || bytes[i + 1] == 0x78 || bytes[i + 1] == 0x58,
           i + 3 == line.end || bytes[i + 3] == 0x20
        {
            i += 3
            while i < line.end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        }
        let contentColumn = columns + (markerEnd - indentEnd) + 1
        return ListMarker(textStart: i, contentColumn: contentColumn, mayInterruptParagraph: startsAtOne && !startsEmpty)
    }

    /// The position after a list marker at `position`, if there is one (a fence may follow a
    /// marker on the same line).
    private func stripListMarker(_ line: MarkdownLine, from position: Int) -> Int {
        guard let marker = listMarker(line), marker.textStart > position else { return position }
        return marker.textStart
    }

    // MARK: - Tables

    private func contains(_ byte: UInt8, _ line: MarkdownLine) -> Bool {
        bytes[line.quoteEnd..<line.end].contains(byte)
    }

    /// `| --- | :-: |` and its variants without outer pipes.
    private func isTableDelimiterRow(_ line: MarkdownLine) -> Bool {
        var sawDash = false
        var sawPipe = false
        for b in bytes[line.quoteEnd..<line.end] {
            switch b {
            case 0x2D: sawDash = true
            case 0x7C: sawPipe = true
            case 0x3A, 0x20, 0x09: break
            default: return false
            }
        }
        return sawDash && (sawPipe || bytes[line.quoteEnd..<line.end].contains(0x3A))
    }

    /// Emits a table: the header row, its delimiter row and the rows after them. As in GitHub
    /// Flavored Markdown, every following line is a row, with a pipe or without, until a blank
    /// line, a line of another block-quote depth, or a line that starts another block. So no
    /// paragraph follows a table directly, and joining a paragraph's lines can never turn them
    /// into rows that a second cleaning would read otherwise (`x` ⏎ `y | z` after a table, joined
    /// to `x y | z`, would have become a row).
    private mutating func tableEnd(from index: Int) -> Int {
        blocks.append(.tableRow(textLine(lines[index])))
        blocks.append(.verbatim(lines[index + 1].start..<lines[index + 1].next))
        let depth = quoteDepth(lines[index])
        var i = index + 2
        while i < lines.count, !lines[i].isBlank(bytes), quoteDepth(lines[i]) == depth, !startsBlock(lines[i]) {
            blocks.append(.tableRow(textLine(lines[i])))
            i += 1
        }
        return i
    }

    /// The number of block-quote markers before a line's text.
    private func quoteDepth(_ line: MarkdownLine) -> Int {
        bytes[line.start..<line.quoteEnd].reduce(0) { $0 + ($1 == 0x3E ? 1 : 0) }
    }

    /// Whether a line starts a block that ends a table: a fence, a math block, an HTML block
    /// that can interrupt a paragraph, a thematic break, a heading or a list item that can
    /// interrupt a paragraph (an indented line is code only where no paragraph or table goes on).
    private func startsBlock(_ line: MarkdownLine) -> Bool {
        let (columns, indentEnd) = line.indentation(bytes)
        guard columns - (listContentColumn ?? 0) < 4 else { return false }
        if fenceOpening(at: stripListMarker(line, from: indentEnd), end: line.end) != nil { return true }
        if isMathFence(line, from: indentEnd) || isThematicBreak(line, from: indentEnd) { return true }
        if atxHeading(line, from: indentEnd) != nil { return true }
        switch htmlBlockStart(line, at: indentEnd) {
        case .untilMarker?, .untilBlankLine?: return true
        case .completeTag?, nil: break
        }
        return listMarker(line)?.mayInterruptParagraph == true
    }

    private func textLine(_ line: MarkdownLine) -> MarkdownTextLine {
        MarkdownTextLine(start: line.start, textStart: line.quoteEnd, textEnd: line.end, next: line.next)
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: Substring {
        var s = self[...]
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
