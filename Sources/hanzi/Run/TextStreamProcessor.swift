import Hanzi

/// Plain text through a ``TextCleaner`` stream.
struct TextStreamProcessor: StreamProcessor {
    var stream: TextCleaner.Stream

    mutating func process(_ chunk: [UInt8], into output: inout [UInt8]) throws {
        try stream.feed(chunk, into: &output)
    }

    mutating func flushReady(into output: inout [UInt8]) throws {
        try stream.flushReady(into: &output)
    }

    mutating func finish(into output: inout [UInt8]) throws {
        try stream.finish(into: &output)
    }

    var warning: String? { nil }
}
