import Hanzi
import HanziCore

/// What a command does to one input: chunks of bytes in, output bytes out.
protocol StreamProcessor {
    /// Takes the next chunk of the input (UTF-8, possibly cut inside a character).
    mutating func process(_ chunk: [UInt8], into output: inout [UInt8]) throws
    /// Appends the output of whatever is complete now (the input is slow, do not wait).
    mutating func flushReady(into output: inout [UInt8]) throws
    /// Ends the input.
    mutating func finish(into output: inout [UInt8]) throws
    /// A warning to show once the input is done (for example skipped JSON lines), if any.
    var warning: String? { get }
}

/// The processor for plain text or JSON Lines, as the options say.
func makeProcessor(_ cleaner: TextCleaner, io: InputOutputOptions, jobs: Int) -> any StreamProcessor {
    if io.jsonl {
        return JSONLinesProcessor(cleaner: cleaner, fields: io.fields, skipInvalid: io.skipInvalid, jobs: jobs)
    }
    return TextStreamProcessor(stream: cleaner.makeStream(maxConcurrency: jobs))
}

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

/// JSON Lines: the named fields of every record through a ``TextCleaner``. The input is
/// validated here, once; the decoded field values go to the cleaner as validated text.
struct JSONLinesProcessor: StreamProcessor {
    private var validator = UTF8StreamValidator()
    private var stream: JSONLinesStream
    private var text: [UInt8] = []

    init(cleaner: TextCleaner, fields: [String], skipInvalid: Bool, jobs: Int) {
        stream = JSONLinesStream(fields: fields, skipsInvalidLines: skipInvalid, maxConcurrency: jobs) { value in
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
        text.removeAll(keepingCapacity: true)
        try validator.validate(chunk, appendingTo: &text)
        try stream.feed(text, into: &output)
    }

    mutating func flushReady(into output: inout [UInt8]) throws {
        try stream.flushReady(into: &output)
    }

    mutating func finish(into output: inout [UInt8]) throws {
        try validator.finish()
        try stream.finish(into: &output)
    }

    var warning: String? {
        guard stream.skippedLines > 0, let first = stream.firstSkipped else { return nil }
        let lines = stream.skippedLines == 1 ? "1 invalid line" : "\(stream.skippedLines) invalid lines"
        return "skipped \(lines) (the first: \(first))"
    }
}
