/// Streams a line-local transformation over UTF-8 text in bounded memory, optionally spreading
/// the work over several threads.
///
/// A transformation is *line-local* when transforming a text gives the same bytes as transforming
/// it cut after any line break and joining the results: `f(a + b) == f(a) + f(b)` whenever `a`
/// ends with `"\n"`. Script conversion and paragraph-by-paragraph normalisation are line-local.
/// The stream gathers input until it holds about `pieceSize × maxConcurrency` bytes, cuts after
/// the last line break, transforms the pieces (each cut at a line break) in parallel and appends
/// the results in order. The output is therefore the same bytes whatever the chunking of the
/// input and whatever `maxConcurrency`.
///
/// With ``LineBoundary/blankLine`` the text is cut only after an empty line, for transformations
/// that are local to blank-line-separated paragraphs (punctuation normalisation).
///
/// A line (or paragraph) longer than ``lineLimit`` is cut at a scalar boundary after the last ASCII space,
/// CJK full stop, question or exclamation mark in it (or, failing that, anywhere between
/// scalars), so that memory stays bounded even for input without line breaks.
struct LineLocalStream: Sendable {
    /// A line-local transformation of valid UTF-8: appends its output for a piece.
    typealias Transform = @Sendable (UnsafeBufferPointer<UInt8>, inout [UInt8]) throws -> Void

    /// Where the text may be cut.
    let boundary: LineBoundary
    /// The transformation.
    let transform: Transform
    /// How many pieces are transformed at the same time.
    let maxConcurrency: Int
    /// The size of one piece of work, in bytes.
    let pieceSize: Int
    /// The longest run without a line break that is kept whole, in bytes.
    let lineLimit: Int

    /// The smallest ``lineLimit``.
    static let minimumLineLimit = 4096
    /// How far back from the end of an over-long line ``softCut(in:)`` looks for a space or a
    /// sentence end.
    static let softCutReach = 1 << 20
    /// How many pieces each thread gets, about, when a batch is cut for several threads.
    static let piecesPerThread = 2

    private var buffer: [UInt8] = []

    /// A stream applying `transform`.
    init(boundary: LineBoundary, maxConcurrency: Int, pieceSize: Int, lineLimit: Int = 16 << 20,
         transform: @escaping Transform) {
        self.boundary = boundary
        self.transform = transform
        self.maxConcurrency = max(1, maxConcurrency)
        self.pieceSize = max(1, pieceSize)
        self.lineLimit = max(LineLocalStream.minimumLineLimit, lineLimit)
    }

    /// Takes the next chunk (whole scalars of valid UTF-8) and appends whatever output is ready.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws {
        buffer.append(contentsOf: chunk)
        guard buffer.count >= pieceSize * maxConcurrency else { return }
        var cut = boundary.last(in: buffer)
        if cut == 0 {
            guard buffer.count >= lineLimit else { return }
            cut = LineBoundary.lineFeed.last(in: buffer)
            if cut == 0 { cut = LineLocalStream.softCut(in: buffer) }
        }
        try flush(upTo: cut, into: &output)
    }

    /// Transforms and appends everything up to the last boundary now, without waiting for a
    /// full batch: for interactive or slow input (the output is the same bytes either way).
    mutating func flushReady(into output: inout [UInt8]) throws {
        try flush(upTo: boundary.last(in: buffer), into: &output)
    }

    /// Ends the stream and appends the rest of the output.
    mutating func finish(into output: inout [UInt8]) throws {
        try flush(upTo: buffer.count, into: &output)
    }

    private mutating func flush(upTo cut: Int, into output: inout [UInt8]) throws {
        guard cut > 0 else { return }
        try buffer.withUnsafeBufferPointer { all in
            let text = UnsafeBufferPointer(rebasing: all[0..<cut])
            try LineLocalStream.transformInPieces(text, boundary: boundary, pieceSize: pieceSize,
                                                  maxConcurrency: maxConcurrency, transform: transform, into: &output)
        }
        buffer.removeSubrange(0..<cut)
    }

    /// Transforms `text` cut at `boundary` into pieces of about `pieceSize` bytes, on up to
    /// `maxConcurrency` threads, appending the results in order. The first error thrown, in
    /// piece order, is thrown after the output of the pieces before it.
    static func transformInPieces(
        _ text: UnsafeBufferPointer<UInt8>, boundary: LineBoundary, pieceSize: Int, maxConcurrency: Int,
        transform: Transform, into output: inout [UInt8]
    ) throws {
        if maxConcurrency <= 1 || text.count <= pieceSize {
            try transform(text, &output)
            return
        }
        let cuts = pieceBoundaries(
            text, count: max(2, min(maxConcurrency * piecesPerThread, text.count / pieceSize + 1)), boundary: boundary)
        let results = ConcurrentMap.map(pieces: text, cuts: cuts, maxConcurrency: maxConcurrency) { _, piece in
            Result { () throws -> [UInt8] in
                var pieceOutput: [UInt8] = []
                try transform(piece, &pieceOutput)
                return pieceOutput
            }
        }
        for result in results { output.append(contentsOf: try result.get()) }
    }

    /// Offsets `0 = c0 < c1 < ... = text.count` cutting `text` after boundaries into about
    /// `count` pieces.
    static func pieceBoundaries(_ text: UnsafeBufferPointer<UInt8>, count: Int, boundary: LineBoundary) -> [Int] {
        var cuts = [0]
        let step = max(1, text.count / count)
        var target = step
        while target < text.count {
            // The first boundary at or after the target (and after the last cut).
            guard let cut = boundary.first(in: text, from: max(target, cuts.last! + 1) - 1),
                  cut < text.count else { break }
            cuts.append(cut)
            target = cut + step
        }
        cuts.append(text.count)
        return cuts
    }

    /// Where to cut a very long line: after its last space or sentence end, else between scalars.
    static func softCut(in bytes: [UInt8]) -> Int {
        var i = bytes.count
        let floor = max(0, bytes.count - softCutReach)
        while i > floor {
            let b = bytes[i - 1]
            if b == ASCII.space { return i }
            // 。 E3 80 82, ！ EF BC 81, ？ EF BC 9F
            if i >= 3 {
                let a = bytes[i - 3], m = bytes[i - 2]
                if (a == 0xE3 && m == 0x80 && b == 0x82) || (a == 0xEF && m == 0xBC && (b == 0x81 || b == 0x9F)) {
                    return i
                }
            }
            i -= 1
        }
        // The buffer holds whole scalars, so its end is between scalars.
        return bytes.count
    }
}
