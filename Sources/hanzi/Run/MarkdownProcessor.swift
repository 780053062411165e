import Hanzi
import HanziCore

/// A Markdown document through a ``MarkdownCleaner``. Markdown's blocks (a fence opened at
/// the top closes at the bottom) need the whole document, so it is read whole: memory grows
/// with the document, not with a corpus of them.
struct MarkdownProcessor: StreamProcessor {
    let cleaner: MarkdownCleaner
    private var validator = UTF8StreamValidator()
    private var document: [UInt8] = []

    init(cleaner: MarkdownCleaner) {
        self.cleaner = cleaner
    }

    mutating func process(_ chunk: [UInt8], into output: inout [UInt8]) throws {
        try validator.validate(chunk, appendingTo: &document)
    }

    mutating func flushReady(into output: inout [UInt8]) throws {}

    mutating func finish(into output: inout [UInt8]) throws {
        try validator.finish()
        output.append(contentsOf: try cleaner.clean(utf8: document))
        document = []
    }

    var warning: String? { nil }
}
