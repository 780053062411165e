import Hanzi
import HanziCore

/// JSON Lines: the named fields of every record through a ``TextCleaner``. UTF-8 is checked
/// line by line by the stream, so that a line that is not UTF-8 is an invalid line like any
/// other (kept, skipped or an error, as `--invalid` says) instead of ending the input.
struct JSONLinesProcessor: StreamProcessor {
    private var stream: JSONLinesStream
    /// The first bytes of the input while they may still be a byte order mark; nil after.
    private var head: [UInt8]? = []
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    init(cleaner fixed: TextCleaner, cleanerForRecord: (@Sendable ([UInt8]) throws -> TextCleaner)?,
         fields: [String], invalidLines: JSONLinesStream.InvalidLinePolicy, jobs: Int, markdown: Bool) {
        let markdownCleaner = markdown && cleanerForRecord == nil ? MarkdownCleaner(fixed) : nil
        stream = JSONLinesStream(fields: fields, invalidLines: invalidLines, maxConcurrency: jobs) { value in
            let cleaner = try cleanerForRecord?(value) ?? fixed
            if markdown { return try (markdownCleaner ?? MarkdownCleaner(cleaner)).clean(utf8: value) }
            // The rejoiner ends a text with a line break; a value that had none gets none.
            var cleaned = try cleaner.clean(validated: value)
            if cleaned.last == ASCII.lineFeed, value.last != ASCII.lineFeed {
                cleaned.removeLast()
                if cleaned.last == ASCII.carriageReturn { cleaned.removeLast() }
            }
            return cleaned
        }
    }

    mutating func process(_ chunk: [UInt8], into output: inout [UInt8]) throws {
        guard var bytes = head else {
            try stream.feed(chunk, into: &output)
            return
        }
        // A byte order mark at the very start is dropped; it may come in pieces.
        bytes.append(contentsOf: chunk)
        if bytes.count < 3, Self.byteOrderMark.starts(with: bytes) {
            head = bytes
            return
        }
        head = nil
        if bytes.starts(with: Self.byteOrderMark) { bytes.removeFirst(3) }
        try stream.feed(bytes, into: &output)
    }

    mutating func flushReady(into output: inout [UInt8]) throws {
        try stream.flushReady(into: &output)
    }

    mutating func finish(into output: inout [UInt8]) throws {
        if let bytes = head, !bytes.isEmpty {
            head = nil
            try stream.feed(bytes, into: &output)
        }
        try stream.finish(into: &output)
    }

    /// For kept or skipped lines: how many, their line numbers (the first
    /// ``JSONLinesStream/reportedLineLimit``) and what was wrong with the first.
    var warning: String? {
        guard stream.invalidLineCount > 0, let first = stream.firstInvalid else { return nil }
        let count = stream.invalidLineCount
        let what = stream.invalidLines == .keep ? "kept" : "skipped"
        let unchanged = stream.invalidLines == .keep ? " unchanged" : ""
        var numbers = stream.invalidLineNumbers.map(String.init).joined(separator: " ")
        if count > stream.invalidLineNumbers.count { numbers += " ... (the first \(stream.invalidLineNumbers.count))" }
        return "\(what) \(count) invalid line\(count == 1 ? "" : "s")\(unchanged): line\(count == 1 ? "" : "s") \(numbers) (the first: \(first))"
    }
}
