/// Streams a line-local transformation over UTF-8 text in bounded memory, optionally spreading
/// the work over several threads.
///
/// A transformation is *line-local* when transforming a text gives the same bytes as transforming
/// it cut after any line break and joining the results: `f(a + b) == f(a) + f(b)` whenever `a`
/// ends with `"\n"`. Script conversion and paragraph-by-paragraph normalisation are line-local.
/// The stream gathers input until it holds about `pieceSize × maxConcurrency` bytes (at most
/// ``batchByteLimit``, however many threads are asked for), cuts after
/// the last line break, transforms the pieces (each cut at a line break) in parallel and appends
/// the results in order. The output is therefore the same bytes whatever the chunking of the
/// input and whatever `maxConcurrency`.
///
/// With ``LineBoundary/blankLine`` the text is cut only after an empty line, for transformations
/// that are local to blank-line-separated paragraphs (punctuation normalisation).
///
/// A line (or paragraph) is never cut: a conversion phrase, a quote pair or a spacing decision
/// may span any point inside it, so no cut inside one is provably safe for every stage. The
/// output is therefore the same bytes for a line of any length, however the input arrives,
/// and memory grows with the longest line (or, with ``LineBoundary/blankLine``, paragraph)
/// of the input: about three times its size, on top of the batch (see ``batchByteLimit``).
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
    /// The most input a batch gathers before it is transformed, whatever `maxConcurrency`: the
    /// bytes in flight are capped by size, not by thread count, so `-j` far above the number
    /// of cores cannot raise memory past about this much input (and its output) per stream,
    /// plus the longest line.
    static let batchByteLimit = 32 << 20
    /// How many pieces each thread gets, about, when a batch is cut for several threads.
    static let piecesPerThread = 2

    private var buffer: [UInt8] = []
    /// The buffer has no boundary ending at or before this offset: a long line is searched
    /// once, not again with every chunk (which would be quadratic in its length).
    private var searchedUpTo = 0

    /// How much input a batch gathers: `pieceSize × maxConcurrency`, capped at ``batchByteLimit``.
    var batchSize: Int {
        let (product, overflow) = pieceSize.multipliedReportingOverflow(by: maxConcurrency)
        return max(pieceSize, min(overflow ? Int.max : product, LineLocalStream.batchByteLimit))
    }

    /// A stream applying `transform`.
    init(boundary: LineBoundary, maxConcurrency: Int, pieceSize: Int, transform: @escaping Transform) {
        self.boundary = boundary
        self.transform = transform
        self.maxConcurrency = max(1, maxConcurrency)
        self.pieceSize = max(1, pieceSize)
    }

    /// Takes the next chunk (whole scalars of valid UTF-8) and appends whatever output is ready.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws {
        if buffer.count + chunk.count >= batchSize, try feedInPlace(chunk, into: &output) { return }
        buffer.append(contentsOf: chunk)
        guard buffer.count >= batchSize else { return }
        try flushToLastBoundary(into: &output)
    }

    /// Transforms a chunk that completes a batch where it is, instead of copying it after the
    /// buffer: the buffer and the chunk's first line (or paragraph) first, then the chunk up to
    /// its last boundary; what follows it waits in the buffer. The cuts are those the buffer
    /// would give (a boundary depends only on the ``LineBoundary/lookBehind`` bytes before it,
    /// so one found that far into the chunk is one of the whole text), and the output the same
    /// bytes. Returns `false`, doing nothing, when the chunk has no such boundary.
    private mutating func feedInPlace(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws -> Bool {
        let safe = buffer.isEmpty ? 0 : LineBoundary.lookBehind
        guard chunk.count > safe, let last = boundary.last(in: chunk, from: safe),
              let first = buffer.isEmpty ? 0 : boundary.first(in: chunk, from: safe) else { return false }
        if first > 0 {
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<first]))
            try flush(upTo: buffer.count, into: &output)
        }
        if last > first {
            try LineLocalStream.transformInPieces(
                UnsafeBufferPointer(rebasing: chunk[first..<last]), boundary: boundary, pieceSize: pieceSize,
                maxConcurrency: maxConcurrency, transform: transform, into: &output)
        }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[last...]))
        searchedUpTo = buffer.count
        return true
    }

    /// Transforms and appends everything up to the last boundary now, without waiting for a
    /// full batch: for interactive or slow input (the output is the same bytes either way).
    mutating func flushReady(into output: inout [UInt8]) throws {
        try flushToLastBoundary(into: &output)
    }

    /// Transforms everything up to the last boundary; after it, the buffer holds none.
    private mutating func flushToLastBoundary(into output: inout [UInt8]) throws {
        let cut = buffer.withUnsafeBufferPointer { boundary.last(in: $0, from: searchedUpTo) } ?? 0
        try flush(upTo: cut, into: &output)
        searchedUpTo = buffer.count
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
        searchedUpTo = 0
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
}
