/// Cleans the prose of a Markdown document and keeps its structure byte for byte.
///
/// Front matter, fenced and indented code, math blocks, HTML blocks, thematic breaks, link
/// reference definitions, table delimiter rows and blank lines pass through unchanged. In
/// paragraphs, list items, block quotes, headings and table cells, only the text is given to
/// the transform (normalisation, conversion): the markers before it (`#`, `-`, `1.`, `>`,
/// indentation, task boxes) and inline code, links' destinations, autolinks, inline HTML,
/// emphasis markers, escapes, entities, inline math and bare URLs are kept exactly.
///
/// With ``joinsLines``, the hard-wrapped lines of a paragraph are joined into one line (no
/// space between CJK characters, one space between words of other scripts), except at hard
/// line breaks (two trailing spaces or a backslash), which stay.
///
/// ```swift
/// let normalizer = PunctuationNormalizer(style: .mainland)
/// let markdown = MarkdownCleaner(joinsLines: true) { normalizer.normalize(utf8: $0) }
/// let cleaned = try markdown.clean(utf8: Array(document.utf8))
/// ```
public struct MarkdownCleaner: Sendable {
    /// What is done to a piece of prose: valid UTF-8 in, valid UTF-8 out. When ``joinsLines``
    /// is false the piece can hold the line breaks of one paragraph, and the transform must
    /// keep their number.
    public typealias Transform = @Sendable (_ text: [UInt8]) throws -> [UInt8]

    /// Whether a paragraph's wrapped lines are joined into one line.
    public let joinsLines: Bool
    let transform: Transform
    /// Whether the first character of each line of prose is kept as it was (see
    /// ``clean(utf8:)``).
    private(set) var keepsLineStarts = false

    /// A cleaner applying `transform` to the prose of a document.
    public init(joinsLines: Bool, transform: @escaping Transform) {
        self.joinsLines = joinsLines
        self.transform = transform
    }

    /// Cleans a whole Markdown document.
    ///
    /// The cleaned document has the blocks of the original, line for line (a joined paragraph
    /// has one line per hard break): a transform can make text read as structure (width
    /// folding turns `＃ 题` into a heading, `－ 项` into a list item, `｜` into a cell's pipe;
    /// the normaliser's spacing turns `<div如` into `<div 如`, an HTML block start), and a
    /// second cleaning would then clean other blocks than the first did. So the output is read
    /// again; where its blocks differ from the ones written, the block that made the difference
    /// is cleaned again with the first character of each line kept as it was, and where that
    /// is not enough it is kept whole as it was, and the document is put together again. Then
    /// cleaning the output again changes nothing.
    /// - Throws: `InvalidUTF8Error` when `bytes` are not UTF-8, or whatever the transform throws.
    public func clean(utf8 bytes: some Collection<UInt8>) throws -> [UInt8] {
        let document = Array(bytes)
        _ = try document.withUnsafeBufferPointer { (buffer) throws(InvalidUTF8Error) in try UTF8Validator.validate(buffer) }
        let blocks = MarkdownBlockScanner(document).blocks
        var cleaned: [CleanedBlock] = []
        cleaned.reserveCapacity(blocks.count)
        for block in blocks { cleaned.append(try clean(block, in: document, from: .cleaned, checkingAlone: false)) }
        var checkedAlone = false
        while true {
            var output: [UInt8] = []
            output.reserveCapacity(document.count + document.count / 8)
            var written: [MarkdownBlock] = []
            written.reserveCapacity(blocks.count)
            for block in cleaned {
                written.append(block.block.shifted(by: output.count))
                output.append(contentsOf: block.bytes)
            }
            let read = MarkdownBlockScanner(output).blocks
            guard let first = Self.firstDifference(written, read) else { return output }
            if !checkedAlone {
                // Where one block reads otherwise, others may: each block read on its own
                // finds those that would be structure anywhere, all in one round.
                checkedAlone = true
                for (i, block) in blocks.enumerated() where cleaned[i].changesText
                    && Self.readsOtherwiseAlone(cleaned[i].bytes, as: cleaned[i].block, original: document[block.range], block: block)
                {
                    cleaned[i] = try clean(block, in: document, from: cleaned[i].fallback.next, checkingAlone: true)
                }
                continue
            }
            // The block that reads otherwise, or one after it whose text made it read so (a
            // paragraph line that folding turned into `---` makes the line above a table's
            // header); a block before it was read as written, and so left the scanner as the
            // original did.
            guard let culprit = (first..<blocks.count).first(where: { cleaned[$0].changesText })
                ?? (0..<first).last(where: { cleaned[$0].changesText })
            else { return document }
            cleaned[culprit] = try clean(blocks[culprit], in: document, from: cleaned[culprit].fallback.next, checkingAlone: true)
        }
    }

    /// How much of a block's text is cleaned, from all of it to none.
    private enum Fallback: Int, Comparable {
        /// All the text.
        case cleaned
        /// All but the first character of each line (`－`, `＃`, `１`, `＞` stay as they were).
        case lineStartsKept
        /// None: the block is kept as it was.
        case kept

        var next: Fallback { Fallback(rawValue: rawValue + 1) ?? .kept }

        static func < (a: Fallback, b: Fallback) -> Bool { a.rawValue < b.rawValue }
    }

    /// A block cleaned on its own: its bytes, and the block they are, from offset 0.
    private struct CleanedBlock {
        var bytes: [UInt8]
        var block: MarkdownBlock
        var fallback: Fallback
        /// Whether the bytes differ from the original's (a block kept as it was needs no fallback).
        var changesText: Bool
    }

    /// The index of the first block where `written` and `read` differ, nil when they are the same.
    private static func firstDifference(_ written: [MarkdownBlock], _ read: [MarkdownBlock]) -> Int? {
        for i in 0..<min(written.count, read.count) where written[i] != read[i] { return i }
        return written.count == read.count ? nil : min(written.count, read.count)
    }

    /// Cleans `block` with `fallback` or, `checkingAlone`, where its cleaned text read on its
    /// own is another block, with the next fallback that keeps it the block it was.
    private func clean(
        _ block: MarkdownBlock, in document: [UInt8], from fallback: Fallback, checkingAlone: Bool
    ) throws -> CleanedBlock {
        let original = document[block.range]
        var level = fallback
        while level < .kept {
            var cleaner = self
            cleaner.keepsLineStarts = level == .lineStartsKept
            let (bytes, shape) = try cleaner.clean(block, in: document)
            if !checkingAlone || !Self.readsOtherwiseAlone(bytes, as: shape, original: original, block: block) {
                return CleanedBlock(bytes: bytes, block: shape, fallback: level, changesText: !bytes.elementsEqual(original))
            }
            level = level.next
        }
        return CleanedBlock(bytes: Array(original), block: block.shifted(by: -block.range.lowerBound), fallback: .kept, changesText: false)
    }

    private func clean(_ block: MarkdownBlock, in document: [UInt8]) throws -> (bytes: [UInt8], block: MarkdownBlock) {
        var output: [UInt8] = []
        let shape: MarkdownBlock
        switch block {
        case .verbatim(let range):
            return (Array(document[range]), .verbatim(0..<range.count))
        case .heading(let line):
            shape = .heading(Self.append(
                prefix: document[line.start..<line.textStart], text: try cleanInline(document[line.textStart..<line.textEnd]),
                rest: document[line.textEnd..<line.next], into: &output))
        case .tableRow(let line):
            let row = document[line.textStart..<line.textEnd]
            var cells = try cleanTableCells(row)
            if Self.cellSeparators(in: cells[...]) != Self.cellSeparators(in: row) { cells = Array(row) }
            shape = .tableRow(Self.append(
                prefix: document[line.start..<line.textStart], text: cells, rest: document[line.textEnd..<line.next], into: &output))
        case .paragraph(let lines):
            shape = .paragraph(try cleanParagraph(lines, in: document, into: &output))
        }
        return (output, shape)
    }

    /// Whether a cleaned paragraph or heading, read on its own, is another block, where the
    /// original read on its own is the block it was: text that would be structure wherever it
    /// stands (`＃ 题` folded, a line that became `---`). Found here for each block at once;
    /// what only its place in the document makes structure is found by reading the whole
    /// output (see ``clean(utf8:)``).
    private static func readsOtherwiseAlone(
        _ cleaned: [UInt8], as shape: MarkdownBlock, original: ArraySlice<UInt8>, block: MarkdownBlock
    ) -> Bool {
        switch block {
        case .paragraph, .heading: break
        case .verbatim, .tableRow: return false
        }
        guard !cleaned.elementsEqual(original) else { return false }
        guard MarkdownBlockScanner(Array(original)).blocks == [block.shifted(by: -original.startIndex)] else { return false }
        return MarkdownBlockScanner(cleaned).blocks != [shape]
    }

    /// Appends a line, `prefix`, `text` and `rest` (what follows the text: trailing spaces, a
    /// closing sequence, the line ending), and returns it as the block scanner reads it.
    private static func append(
        prefix: ArraySlice<UInt8>, text: [UInt8], rest: ArraySlice<UInt8>, into output: inout [UInt8]
    ) -> MarkdownTextLine {
        let start = output.count
        output.append(contentsOf: prefix)
        let textStart = output.count
        output.append(contentsOf: text)
        let textEnd = output.count
        output.append(contentsOf: rest)
        return MarkdownTextLine(start: start, textStart: textStart, textEnd: textEnd, next: output.count)
    }

    // MARK: - Paragraphs

    /// A paragraph line's parts: `prefix` (markers, indentation), the `content` that is
    /// cleaned, and the `tail` kept after it (trailing spaces, a backslash hard break, the
    /// line ending).
    private struct LineParts {
        var prefix: Range<Int>
        var content: Range<Int>
        var trail: Range<Int>
        var ending: Range<Int>
        var hardBreak: Bool
    }

    private func parts(of line: MarkdownTextLine, in document: [UInt8]) -> LineParts {
        var contentEnd = line.textEnd
        while contentEnd > line.textStart, document[contentEnd - 1] == 0x20 || document[contentEnd - 1] == 0x09 {
            contentEnd -= 1
        }
        var hardBreak = line.textEnd - contentEnd >= 2
        if contentEnd > line.textStart, document[contentEnd - 1] == 0x5C,
           contentEnd - 1 == line.textStart || document[contentEnd - 2] != 0x5C
        {
            contentEnd -= 1
            hardBreak = true
        }
        return LineParts(
            prefix: line.start..<line.textStart, content: line.textStart..<contentEnd,
            trail: contentEnd..<line.textEnd, ending: line.textEnd..<line.next, hardBreak: hardBreak)
    }

    /// Appends a paragraph line, its prefix, cleaned `text`, trail and ending, and returns it
    /// as the block scanner reads a paragraph line (the text runs to the line ending).
    private static func appendLine(
        _ line: LineParts, text: some Collection<UInt8>, in document: [UInt8], into output: inout [UInt8]
    ) -> MarkdownTextLine {
        let start = output.count
        output.append(contentsOf: document[line.prefix])
        let textStart = output.count
        output.append(contentsOf: text)
        output.append(contentsOf: document[line.trail])
        let textEnd = output.count
        output.append(contentsOf: document[line.ending])
        return MarkdownTextLine(start: start, textStart: textStart, textEnd: textEnd, next: output.count)
    }

    /// Cleans a paragraph into `output`; returns its lines there.
    private func cleanParagraph(
        _ lines: [MarkdownTextLine], in document: [UInt8], into output: inout [UInt8]
    ) throws -> [MarkdownTextLine] {
        let all = lines.map { parts(of: $0, in: document) }
        var written: [MarkdownTextLine] = []
        // Groups of lines that end at a hard break (or the paragraph's end).
        var groups: [ArraySlice<LineParts>] = []
        var start = 0
        for (i, line) in all.enumerated() where line.hardBreak || i == all.count - 1 {
            groups.append(all[start...i])
            start = i + 1
        }
        for (g, group) in groups.enumerated() {
            if joinsLines {
                var joined: [UInt8] = []
                for line in group {
                    let content = document[line.content]
                    if !joined.isEmpty, !content.isEmpty, Self.spaceJoins(joined, content) { joined.append(0x20) }
                    joined.append(contentsOf: content)
                }
                if group.count > 1,
                   !Self.staysParagraphText(joined, prefix: document[group.first!.prefix], continuing: g > 0) {
                    try cleanLinesTogether(group, in: document, into: &output, lines: &written)
                    continue
                }
                // The first line's prefix, the joined text, the last line's trail and ending.
                var line = group.first!
                line.trail = group.last!.trail
                line.ending = group.last!.ending
                written.append(Self.appendLine(line, text: try cleanInline(joined[...]), in: document, into: &output))
            } else {
                try cleanLinesTogether(group, in: document, into: &output, lines: &written)
            }
        }
        return written
    }

    /// Cleans a group's lines in one call (so that quotation marks pair across lines) and
    /// puts each back behind its own prefix; line by line when the transform changed the
    /// number of lines.
    private func cleanLinesTogether(
        _ group: ArraySlice<LineParts>, in document: [UInt8], into output: inout [UInt8], lines: inout [MarkdownTextLine]
    ) throws {
        var text: [UInt8] = []
        for (i, line) in group.enumerated() {
            if i > 0 { text.append(0x0A) }
            text.append(contentsOf: document[line.content])
        }
        let cleaned = try cleanInline(text[...])
        let pieces = cleaned.split(separator: 0x0A, omittingEmptySubsequences: false)
        if pieces.count == group.count {
            for (line, piece) in zip(group, pieces) {
                lines.append(Self.appendLine(line, text: piece, in: document, into: &output))
            }
            return
        }
        for line in group {
            lines.append(Self.appendLine(line, text: try cleanInline(document[line.content]), in: document, into: &output))
        }
    }

    /// Whether `joined`, a paragraph's lines joined into one behind `prefix`, still reads as
    /// the paragraph's text (its first line, or with `continuing`, a line that goes on after a
    /// hard break): joining can make a block start that no line was (`<!` ⏎ `欒` gives `<!欒`,
    /// an HTML block; `[a` ⏎ `]: b` a link reference definition), which a second cleaning would
    /// keep as it is and end the paragraph at. Such lines are cleaned without being joined.
    static func staysParagraphText(_ joined: [UInt8], prefix: ArraySlice<UInt8>, continuing: Bool) -> Bool {
        var document: [UInt8] = continuing ? [0x61, 0x0A] : []
        document.append(contentsOf: prefix)
        let textStart = document.count
        document.append(contentsOf: joined)
        document.append(0x0A)
        let blocks = MarkdownBlockScanner(document).blocks
        guard blocks.count == 1, case .paragraph(let lines) = blocks[0], let line = lines.last,
              lines.count == (continuing ? 2 : 1) else { return false }
        return line.textStart <= textStart
    }

    /// Whether a space goes between two joined lines: not when either side is CJK, as a
    /// Chinese reader expects; otherwise yes, as Markdown renders a soft line break.
    static func spaceJoins(_ before: [UInt8], _ after: ArraySlice<UInt8>) -> Bool {
        guard let last = lastScalar(before), let first = firstScalar(after) else { return false }
        return !ScalarClass.isCJK(last) && !ScalarClass.isCJK(first)
    }

    private static func lastScalar(_ bytes: [UInt8]) -> UInt32? {
        var i = bytes.count - 1
        while i > 0, bytes[i] & 0xC0 == 0x80 { i -= 1 }
        guard i >= 0 else { return nil }
        return firstScalar(bytes[i...])
    }

    private static func firstScalar(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar.value }
        return nil
    }

    // MARK: - Tables

    /// Cleans each cell of a table row; the pipes, the cells' padding and escaped pipes stay.
    private func cleanTableCells(_ row: ArraySlice<UInt8>) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(row.count + row.count / 8)
        var cellStart = row.startIndex
        for separator in Self.cellSeparatorPositions(in: row) + [row.endIndex] {
            var contentStart = cellStart
            var contentEnd = separator
            while contentStart < contentEnd, row[contentStart] == 0x20 || row[contentStart] == 0x09 { contentStart += 1 }
            while contentEnd > contentStart, row[contentEnd - 1] == 0x20 || row[contentEnd - 1] == 0x09 { contentEnd -= 1 }
            output.append(contentsOf: row[cellStart..<contentStart])
            if contentStart < contentEnd { output.append(contentsOf: try cleanInline(row[contentStart..<contentEnd])) }
            output.append(contentsOf: row[contentEnd..<separator])
            if separator < row.endIndex { output.append(0x7C) }
            cellStart = separator + 1
        }
        return output
    }

    /// The pipes of a table row that separate cells: not in code spans, not escaped.
    private static func cellSeparatorPositions(in row: ArraySlice<UInt8>) -> [Int] {
        let protected = MarkdownInlineSpans.protected(in: row)
        var separators: [Int] = []
        var spanIndex = 0
        var i = row.startIndex
        while i < row.endIndex {
            while spanIndex < protected.count, protected[spanIndex].upperBound <= i { spanIndex += 1 }
            if spanIndex < protected.count, protected[spanIndex].contains(i) {
                i = protected[spanIndex].upperBound
                continue
            }
            if row[i] == 0x7C { separators.append(i) }
            i += 1
        }
        return separators
    }

    /// How many cells' pipes a row has: a cleaned row with another number (a cell's `｜` folded
    /// to `|`) would be read as other cells by a second cleaning.
    private static func cellSeparators(in row: ArraySlice<UInt8>) -> Int {
        cellSeparatorPositions(in: row).count
    }
}
