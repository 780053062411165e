import Dispatch
import Foundation

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
/// With ``Boundary/blankLine`` the text is cut only after an empty line, for transformations
/// that are local to blank-line-separated paragraphs (punctuation normalisation).
///
/// A line (or paragraph) longer than ``lineLimit`` is cut at a scalar boundary after the last ASCII space,
/// CJK full stop, question or exclamation mark in it (or, failing that, anywhere between
/// scalars), so that memory stays bounded even for input without line breaks.
public struct LineLocalStream: Sendable {
    /// A line-local transformation of valid UTF-8.
    public typealias Transform = @Sendable (UnsafeBufferPointer<UInt8>) -> [UInt8]

    /// Where the text may be cut.
    public enum Boundary: Sendable, Hashable {
        /// After any line break (LF or CR).
        case line
        /// After a line feed only (records of JSON Lines, where a CR is white space).
        case lineFeed
        /// After an empty line (`"\n\n"` or `"\n\r\n"`): between paragraphs.
        case blankLine
    }

    /// Where the text may be cut.
    public let boundary: Boundary

    /// The transformation.
    public let transform: Transform
    /// How many pieces are transformed at the same time.
    public let maxConcurrency: Int
    /// The size of one piece of work, in bytes.
    public let pieceSize: Int
    /// The longest run without a line break that is kept whole, in bytes.
    public let lineLimit: Int

    private var buffer: [UInt8] = []

    /// A stream applying `transform`.
    public init(boundary: Boundary = .line, maxConcurrency: Int = 1, pieceSize: Int = 1 << 20, lineLimit: Int = 16 << 20,
                transform: @escaping Transform) {
        self.boundary = boundary
        self.transform = transform
        self.maxConcurrency = max(1, maxConcurrency)
        self.pieceSize = max(1, pieceSize)
        self.lineLimit = max(4096, lineLimit)
    }

    /// Takes the next chunk (whole scalars of valid UTF-8) and appends whatever output is ready.
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        buffer.append(contentsOf: chunk)
        guard buffer.count >= pieceSize * maxConcurrency else { return }
        var cut = LineLocalStream.lastBoundary(in: buffer, boundary)
        if cut == 0 {
            guard buffer.count >= lineLimit else { return }
            cut = LineLocalStream.lastLineEnd(in: buffer)
            if cut == 0 { cut = LineLocalStream.softCut(in: buffer) }
        }
        flush(upTo: cut, into: &output)
    }

    /// ``feed(_:into:)`` for an array.
    public mutating func feed(_ chunk: [UInt8], into output: inout [UInt8]) {
        chunk.withUnsafeBufferPointer { feed($0, into: &output) }
    }

    /// Transforms and appends everything up to the last boundary now, without waiting for a
    /// full batch: for interactive or slow input (the output is the same bytes either way).
    public mutating func flushReady(into output: inout [UInt8]) {
        flush(upTo: LineLocalStream.lastBoundary(in: buffer, boundary), into: &output)
    }

    /// Ends the stream and appends the rest of the output.
    public mutating func finish(into output: inout [UInt8]) {
        flush(upTo: buffer.count, into: &output)
    }

    private mutating func flush(upTo cut: Int, into output: inout [UInt8]) {
        guard cut > 0 else { return }
        buffer.withUnsafeBufferPointer { all in
            let text = UnsafeBufferPointer(rebasing: all[0..<cut])
            LineLocalStream.transformInPieces(text, boundary: boundary, pieceSize: pieceSize,
                                              maxConcurrency: maxConcurrency, transform: transform, into: &output)
        }
        buffer.removeSubrange(0..<cut)
    }

    /// Transforms `text` cut at line breaks into pieces of about `pieceSize` bytes, on up to
    /// `maxConcurrency` threads, appending the results in order.
    public static func transformInPieces(
        _ text: UnsafeBufferPointer<UInt8>, boundary: Boundary = .line, pieceSize: Int, maxConcurrency: Int,
        transform: Transform, into output: inout [UInt8]
    ) {
        if maxConcurrency <= 1 || text.count <= pieceSize {
            output.append(contentsOf: transform(text))
            return
        }
        let cuts = pieceBoundaries(text, count: max(2, min(maxConcurrency * 2, text.count / pieceSize + 1)), boundary: boundary)
        let results = transformPiecesConcurrently(text, cuts: cuts, maxConcurrency: maxConcurrency) { _, piece in
            transform(piece)
        }
        for result in results { output.append(contentsOf: result) }
    }

    /// Offsets `0 = c0 < c1 < ... = text.count` cutting `text` after line breaks into about
    /// `count` pieces.
    static func pieceBoundaries(_ text: UnsafeBufferPointer<UInt8>, count: Int, boundary: Boundary = .line) -> [Int] {
        var cuts = [0]
        let step = max(1, text.count / count)
        var target = step
        while target < text.count {
            var i = max(target, cuts.last! + 1)
            while i < text.count, !isBoundary(text, i, boundary) { i += 1 }
            if i >= text.count { break }
            cuts.append(i)
            target = i + step
        }
        cuts.append(text.count)
        return cuts
    }

    /// Whether `i` (0 < i) is just after a boundary.
    @inline(__always)
    static func isBoundary(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ boundary: Boundary) -> Bool {
        switch boundary {
        case .line:
            // After LF, or after a CR (old Mac line ends; a CR LF cut between is still two
            // line-break bytes to every line-local step).
            return text[i - 1] == 0x0A || text[i - 1] == 0x0D
        case .lineFeed:
            return text[i - 1] == 0x0A
        case .blankLine:
            guard text[i - 1] == 0x0A else { return false }
            return (i >= 2 && text[i - 2] == 0x0A) || (i >= 3 && text[i - 2] == 0x0D && text[i - 3] == 0x0A)
        }
    }

    /// The offset just after the last boundary, or 0.
    static func lastBoundary(in bytes: [UInt8], _ boundary: Boundary) -> Int {
        bytes.withUnsafeBufferPointer { text in
            var i = text.count
            while i > 0 {
                if isBoundary(text, i, boundary) { return i }
                i -= 1
            }
            return 0
        }
    }

    /// The offset just after the last line feed in `bytes`, or 0 when there is none.
    public static func lastLineEnd(in bytes: [UInt8]) -> Int {
        var i = bytes.count
        while i > 0 {
            if bytes[i - 1] == 0x0A { return i }
            i -= 1
        }
        return 0
    }

    /// Where to cut a very long line: after its last space or sentence end, else between scalars.
    static func softCut(in bytes: [UInt8]) -> Int {
        var i = bytes.count
        let floor = max(0, bytes.count - (1 << 20))
        while i > floor {
            let b = bytes[i - 1]
            if b == 0x20 { return i }
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
