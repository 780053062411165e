/// Streams JSON Lines, rewriting the named string fields of every record in bounded memory
/// (one batch of lines at a time), optionally on several threads, with output in input order.
///
/// Lines are separated by `"\n"` (a `"\r"` before it is JSON white space and kept). A line of
/// white space only is copied unchanged. A line is invalid when it is not valid UTF-8, not one
/// JSON object, or lacks a string value for one of the fields; every invalid line is handled
/// the same way, as ``invalidLines`` says: an error naming its line number, or passed through
/// unchanged, or left out, and counted. An error the transform throws always stops the stream.
public struct JSONLinesStream: Sendable {
    /// Transforms the UTF-8 of one field value.
    public typealias Transform = @Sendable ([UInt8]) throws -> [UInt8]

    /// What happens to an invalid line.
    public enum InvalidLinePolicy: String, Sendable, CaseIterable {
        /// Written unchanged (so there is one output line per input line) and counted.
        case keep
        /// Left out of the output and counted.
        case skip
        /// Stops the stream with a ``JSONLinesError``.
        case fail
    }

    /// How many invalid line numbers ``invalidLineNumbers`` keeps.
    public static let reportedLineLimit = 1000

    /// The record rewriter (the fields to process).
    public let rewriter: JSONLineRewriter
    /// What happens to an invalid line.
    public let invalidLines: InvalidLinePolicy
    /// Whether invalid lines are skipped and counted rather than stopping the stream.
    public var skipsInvalidLines: Bool { invalidLines == .skip }
    /// How many batches of lines are processed at the same time.
    public let maxConcurrency: Int
    /// About how many bytes of lines one piece of work holds.
    public let pieceSize: Int
    /// How many bytes of input the stream gathers before it processes them:
    /// `pieceSize × maxConcurrency`, but at most ``batchByteLimit`` (or one piece, if larger),
    /// so that a large `maxConcurrency` cannot raise memory.
    public var batchSize: Int {
        let (product, overflow) = pieceSize.multipliedReportingOverflow(by: maxConcurrency)
        return max(pieceSize, min(overflow ? Int.max : product, batchLimit))
    }
    /// ``batchByteLimit``, or a smaller one for tests.
    private let batchLimit: Int
    /// The most input one batch gathers, whatever `maxConcurrency`: the records in flight are
    /// capped by bytes, not by threads. With their output and the line being completed, the
    /// stream holds about three times this, plus the longest line, whatever the input's size.
    public static let batchByteLimit = LineLocalStream.batchByteLimit
    private let transform: Transform

    private var buffer: [UInt8] = []
    /// The buffer has no line feed ending at or before this offset: a long line is searched
    /// once, not again with every chunk (which would be quadratic in its length).
    private var searchedUpTo = 0
    /// The most input bytes the stream has held at once (the library's own accounting of the
    /// bound: at most ``batchSize`` plus one chunk, or the longest line and one chunk).
    private(set) var peakBufferedBytes = 0
    /// Lines completed so far.
    public private(set) var linesSeen = 0
    /// How many invalid lines were kept or skipped.
    public private(set) var invalidLineCount = 0
    /// The numbers (1-based) of the first ``reportedLineLimit`` invalid lines, in order.
    public private(set) var invalidLineNumbers: [Int] = []
    /// The number and error of the first invalid line kept or skipped.
    public private(set) var firstInvalid: JSONLinesError?
    /// How many invalid lines were skipped.
    public var skippedLines: Int { invalidLines == .skip ? invalidLineCount : 0 }
    /// The number (1-based) and error of the first skipped line.
    public var firstSkipped: JSONLinesError? { invalidLines == .skip ? firstInvalid : nil }

    /// A stream rewriting `fields` with `transform`; an invalid line stops it, or, with
    /// `skipsInvalidLines`, is skipped.
    public init(fields: [String], skipsInvalidLines: Bool = false, maxConcurrency: Int = 1,
                pieceSize: Int = TextCleaner.defaultPieceSize, transform: @escaping Transform) {
        self.init(fields: fields, invalidLines: skipsInvalidLines ? .skip : .fail, maxConcurrency: maxConcurrency,
                  pieceSize: pieceSize, transform: transform)
    }

    /// A stream rewriting `fields` with `transform`, handling invalid lines as `invalidLines` says.
    public init(fields: [String], invalidLines: InvalidLinePolicy, maxConcurrency: Int = 1,
                pieceSize: Int = TextCleaner.defaultPieceSize, transform: @escaping Transform) {
        self.init(fields: fields, invalidLines: invalidLines, maxConcurrency: maxConcurrency, pieceSize: pieceSize,
                  batchByteLimit: Self.batchByteLimit, transform: transform)
    }

    /// A stream whose batches hold at most `batchByteLimit` bytes of input.
    init(fields: [String], invalidLines: InvalidLinePolicy, maxConcurrency: Int, pieceSize: Int,
         batchByteLimit: Int, transform: @escaping Transform) {
        self.batchLimit = max(1, batchByteLimit)
        self.rewriter = JSONLineRewriter(fields: fields, requiresStringFields: true)
        self.invalidLines = invalidLines
        self.maxConcurrency = max(1, maxConcurrency)
        self.pieceSize = max(1, pieceSize)
        self.transform = transform
    }

    /// Takes the next chunk (an array, `Data`, a slice: any collection of bytes; UTF-8, checked
    /// line by line) and appends the records that are complete.
    ///
    /// - Throws: ``JSONLinesError`` for an invalid line (with `.fail`), or the transform's error.
    public mutating func feed(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) throws {
        buffer.append(contentsOf: chunk)
        peakBufferedBytes = max(peakBufferedBytes, buffer.count)
        guard buffer.count >= batchSize else { return }
        try flushReady(into: &output)
    }

    /// Processes and appends every complete line now, without waiting for a full batch: for
    /// interactive or slow input.
    ///
    /// - Throws: ``JSONLinesError`` for an invalid line (unless skipped), or the transform's error.
    public mutating func flushReady(into output: inout [UInt8]) throws {
        let cut = buffer.withUnsafeBufferPointer { LineBoundary.lineFeed.last(in: $0, from: searchedUpTo) } ?? 0
        try flush(upTo: cut, into: &output)
        searchedUpTo = buffer.count
    }

    /// Ends the stream: the last line may lack its line break.
    ///
    /// - Throws: ``JSONLinesError`` for an invalid line (unless skipped), or the transform's error.
    public mutating func finish(into output: inout [UInt8]) throws {
        try flush(upTo: buffer.count, into: &output)
    }

    private struct PieceResult: Sendable {
        var output: [UInt8] = []
        var lines = 0
        var invalid = 0
        var invalidNumbers: [Int] = []
        var firstInvalid: JSONLinesError?
        /// What stopped the piece: an invalid line (with `.fail`) or the transform's error.
        var failure: (any Error)?
    }

    private mutating func flush(upTo cut: Int, into output: inout [UInt8]) throws {
        guard cut > 0 else { return }
        let firstLine = linesSeen + 1
        let results: [PieceResult] = buffer.withUnsafeBufferPointer { all in
            let text = UnsafeBufferPointer(rebasing: all[0..<cut])
            let rewriter = self.rewriter, policy = self.invalidLines, transform = self.transform
            if maxConcurrency <= 1 || text.count <= pieceSize {
                return [JSONLinesStream.process(text, firstLine: firstLine, rewriter: rewriter, policy: policy, transform: transform)]
            }
            let cuts = LineLocalStream.pieceBoundaries(
                text, count: max(2, min(maxConcurrency * LineLocalStream.piecesPerThread, text.count / pieceSize + 1)),
                boundary: .lineFeed)
            // Line numbers of each piece's first line.
            var starts = [firstLine]
            for k in 1..<(cuts.count - 1) {
                starts.append(starts[k - 1] + JSONLinesStream.countLines(UnsafeBufferPointer(rebasing: text[cuts[k - 1]..<cuts[k]])))
            }
            let lineStarts = starts
            return ConcurrentMap.map(pieces: text, cuts: cuts, maxConcurrency: maxConcurrency) { k, piece in
                JSONLinesStream.process(piece, firstLine: lineStarts[k], rewriter: rewriter, policy: policy, transform: transform)
            }
        }
        buffer.removeSubrange(0..<cut)
        searchedUpTo = 0
        for result in results {
            output.append(contentsOf: result.output)
            linesSeen += result.lines
            invalidLineCount += result.invalid
            invalidLineNumbers.append(contentsOf: result.invalidNumbers.prefix(Self.reportedLineLimit - invalidLineNumbers.count))
            if firstInvalid == nil { firstInvalid = result.firstInvalid }
            if let failure = result.failure { throw failure }
        }
    }

    /// The number of lines in `text`, a last line without its line feed included.
    static func countLines(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in text where b == ASCII.lineFeed { n += 1 }
        if let last = text.last, last != ASCII.lineFeed { n += 1 }
        return n
    }

    private static func process(
        _ text: UnsafeBufferPointer<UInt8>, firstLine: Int, rewriter: JSONLineRewriter,
        policy: InvalidLinePolicy, transform: Transform
    ) -> PieceResult {
        var result = PieceResult()
        result.output.reserveCapacity(text.count + text.count / 8)
        var start = 0
        var lineNumber = firstLine
        while start < text.count {
            let end = (LineBoundary.lineFeed.first(in: text, from: start) ?? text.count + 1) - 1
            let line = UnsafeBufferPointer(rebasing: text[start..<end])
            // The transform's first error stops the piece; the rewriter sees the value unchanged.
            var transformFailure: (any Error)?
            let mark = result.output.count
            do {
                try checkUTF8(line)
                try rewriter.rewrite(line, into: &result.output) { value in
                    guard transformFailure == nil else { return value }
                    do {
                        return try transform(value)
                    } catch {
                        transformFailure = error
                        return value
                    }
                }
                if let transformFailure {
                    result.output.removeSubrange(mark...)
                    result.failure = transformFailure
                    return result
                }
                if end < text.count { result.output.append(ASCII.lineFeed) }
            } catch {
                let failure = JSONLinesError(line: lineNumber, error: error)
                if policy == .fail {
                    result.failure = failure
                    return result
                }
                if policy == .keep {
                    result.output.append(contentsOf: line)
                    if end < text.count { result.output.append(ASCII.lineFeed) }
                }
                result.invalid += 1
                if result.invalidNumbers.count < reportedLineLimit { result.invalidNumbers.append(lineNumber) }
                if result.firstInvalid == nil { result.firstInvalid = failure }
            }
            result.lines += 1
            lineNumber += 1
            start = end + 1
        }
        return result
    }

    /// Checks that one line is UTF-8: JSON text is UTF-8 (RFC 8259), and a line that is not is
    /// invalid like any other, rather than ending the whole stream.
    private static func checkUTF8(_ line: UnsafeBufferPointer<UInt8>) throws(JSONRecordError) {
        do {
            _ = try UTF8Validator.validate(line)
        } catch {
            throw JSONRecordError(offset: error.byteOffset, kind: .encoding, reason: error.reason.description
                + " (" + error.bytes.map { hexByte($0) }.joined(separator: " ") + ")")
        }
    }

    private static func hexByte(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }
}

/// A JSON Lines record that is not valid, with its line number.
public struct JSONLinesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// What is wrong with the line.
    public var error: JSONRecordError

    public init(line: Int, error: JSONRecordError) {
        self.line = line
        self.error = error
    }

    public var description: String { "line \(line): \(error)" }
}
