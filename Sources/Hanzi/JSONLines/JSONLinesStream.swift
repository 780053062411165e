/// Streams JSON Lines, rewriting the named string fields of every record in bounded memory
/// (one batch of lines at a time), optionally on several threads, with output in input order.
///
/// Lines are separated by `"\n"` (a `"\r"` before it is JSON white space and kept). A line of
/// white space only is copied unchanged. A line that is not a JSON object is an error naming its
/// line number, or, with `skipsInvalidLines`, is left out of the output and counted. An error
/// the transform throws always stops the stream.
public struct JSONLinesStream: Sendable {
    /// Transforms the UTF-8 of one field value.
    public typealias Transform = @Sendable ([UInt8]) throws -> [UInt8]

    /// The record rewriter (the fields to process).
    public let rewriter: JSONLineRewriter
    /// Whether invalid lines are skipped and counted rather than stopping the stream.
    public let skipsInvalidLines: Bool
    /// How many batches of lines are processed at the same time.
    public let maxConcurrency: Int
    /// About how many bytes of lines one batch holds.
    public let pieceSize: Int
    private let transform: Transform

    private var buffer: [UInt8] = []
    /// Lines completed so far.
    public private(set) var linesSeen = 0
    /// How many invalid lines were skipped.
    public private(set) var skippedLines = 0
    /// The number (1-based) and error of the first skipped line.
    public private(set) var firstSkipped: JSONLinesError?

    /// A stream rewriting `fields` with `transform`.
    public init(fields: [String], skipsInvalidLines: Bool = false, maxConcurrency: Int = 1,
                pieceSize: Int = TextCleaner.defaultPieceSize, transform: @escaping Transform) {
        self.rewriter = JSONLineRewriter(fields: fields)
        self.skipsInvalidLines = skipsInvalidLines
        self.maxConcurrency = max(1, maxConcurrency)
        self.pieceSize = max(1, pieceSize)
        self.transform = transform
    }

    /// Takes the next chunk of valid UTF-8 (an array, `Data`, a slice: any collection of bytes)
    /// and appends the records that are complete.
    ///
    /// - Throws: ``JSONLinesError`` for an invalid line (unless skipped), or the transform's error.
    public mutating func feed(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) throws {
        buffer.append(contentsOf: chunk)
        guard buffer.count >= pieceSize * maxConcurrency else { return }
        let cut = LineBoundary.lineFeed.last(in: buffer)
        guard cut > 0 else { return }
        try flush(upTo: cut, into: &output)
    }

    /// Processes and appends every complete line now, without waiting for a full batch: for
    /// interactive or slow input.
    ///
    /// - Throws: ``JSONLinesError`` for an invalid line (unless skipped), or the transform's error.
    public mutating func flushReady(into output: inout [UInt8]) throws {
        try flush(upTo: LineBoundary.lineFeed.last(in: buffer), into: &output)
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
        var skipped = 0
        var firstSkipped: JSONLinesError?
        /// What stopped the piece: an invalid line (when not skipped) or the transform's error.
        var failure: (any Error)?
    }

    private mutating func flush(upTo cut: Int, into output: inout [UInt8]) throws {
        guard cut > 0 else { return }
        let firstLine = linesSeen + 1
        let results: [PieceResult] = buffer.withUnsafeBufferPointer { all in
            let text = UnsafeBufferPointer(rebasing: all[0..<cut])
            let rewriter = self.rewriter, skip = self.skipsInvalidLines, transform = self.transform
            if maxConcurrency <= 1 || text.count <= pieceSize {
                return [JSONLinesStream.process(text, firstLine: firstLine, rewriter: rewriter, skip: skip, transform: transform)]
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
                JSONLinesStream.process(piece, firstLine: lineStarts[k], rewriter: rewriter, skip: skip, transform: transform)
            }
        }
        buffer.removeSubrange(0..<cut)
        for result in results {
            output.append(contentsOf: result.output)
            linesSeen += result.lines
            skippedLines += result.skipped
            if firstSkipped == nil { firstSkipped = result.firstSkipped }
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
        _ text: UnsafeBufferPointer<UInt8>, firstLine: Int, rewriter: JSONLineRewriter, skip: Bool,
        transform: Transform
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
                if !skip {
                    result.failure = failure
                    return result
                }
                result.skipped += 1
                if result.firstSkipped == nil { result.firstSkipped = failure }
            }
            result.lines += 1
            lineNumber += 1
            start = end + 1
        }
        return result
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
