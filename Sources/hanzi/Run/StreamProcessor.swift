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

/// The processor for plain text, Markdown or JSON Lines (whose fields may be Markdown), as the
/// options and the input's format say.
///
/// `cleanerForRecord`, with JSON Lines, chooses a cleaner for each value instead of `cleaner`.
func makeProcessor(
    _ cleaner: TextCleaner, io: InputOutputOptions, jobs: Int, format: InputFormat,
    cleanerForRecord: (@Sendable ([UInt8]) throws -> TextCleaner)? = nil
) -> any StreamProcessor {
    if io.jsonl {
        return JSONLinesProcessor(cleaner: cleaner, cleanerForRecord: cleanerForRecord, fields: io.fields,
                                  invalidLines: io.invalidLines, jobs: jobs, markdown: format == .markdown)
    }
    if format == .markdown { return MarkdownProcessor(cleaner: MarkdownCleaner(cleaner)) }
    return TextStreamProcessor(stream: cleaner.makeStream(maxConcurrency: jobs))
}
