/// Where UTF-8 text may be cut so that a line-local step (one whose result on `a + b` is its
/// result on `a` followed by its result on `b`) sees whole lines or whole paragraphs.
///
/// The one home of the line-end scans: the pipeline's piece cutting, the JSON Lines batches,
/// the streaming converter and libopencc's pieces all ask this type.
package enum LineBoundary: Sendable, Hashable {
    /// After any line break byte, LF or CR (old Mac line ends; a CR LF cut between its two
    /// bytes is still two line-break bytes to every line-local step).
    case lineBreak
    /// After a line feed only (records of JSON Lines, where a CR is white space).
    case lineFeed
    /// After an empty line (`"\n\n"` or `"\n\r\n"`): between blank-line-separated paragraphs.
    case blankLine

    /// Whether offset `i` (`0 < i <= text.count`) is just after a boundary. Only bytes before
    /// `i` are read.
    @inlinable @inline(__always)
    package func isBoundary(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let previous = text[i &- 1]
        switch self {
        case .lineBreak:
            return (previous == ASCII.lineFeed || previous == ASCII.carriageReturn)
                && !LineBoundary.mayBeInDescriptionSequence(text, at: i)
        case .lineFeed:
            return previous == ASCII.lineFeed
        case .blankLine:
            guard previous == ASCII.lineFeed else { return false }
            let blank = (i >= 2 && text[i &- 2] == ASCII.lineFeed)
                || (i >= 3 && text[i &- 2] == ASCII.carriageReturn && text[i &- 3] == ASCII.lineFeed)
            return blank && !LineBoundary.mayBeInDescriptionSequence(text, at: i)
        }
    }

    /// Whether offset `i` may be inside an ideographic description sequence (⿰氵每), which
    /// OpenCC 1.3.2 and later keep whole, and which may run over line breaks ("⿰\n发" is one
    /// sequence): an operator, U+2FF0-U+2FFF (E2 BF B0-BF), starts in the 256 bytes before
    /// `i` (a sequence is at most 64 scalars). Such an offset is no boundary, so text cut at
    /// boundaries converts as the whole text does. Operators are rare, so this costs nothing
    /// on ordinary text.
    /// How far before an offset ``isBoundary(_:at:)`` looks: whether `i` is a boundary depends
    /// only on the bytes in `i - lookBehind ..< i`.
    package static let lookBehind = 256

    @inlinable
    package static func mayBeInDescriptionSequence(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var j = i > 256 ? i &- 256 : 0
        while j &+ 2 < i {
            if text[j] == 0xE2 && text[j &+ 1] == 0xBF && text[j &+ 2] >= 0xB0 { return true }
            j &+= 1
        }
        return false
    }

    /// The offset just after the last boundary in `text[start..<end]` (a value in
    /// `start + 1 ... end`), or `nil` when there is none.
    @inlinable
    package func last(in text: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil) -> Int? {
        var i = end ?? text.count
        while i > start {
            if isBoundary(text, at: i) { return i }
            i &-= 1
        }
        return nil
    }

    /// ``last(in:from:to:)`` over an array: the offset just after the last boundary, or 0.
    @inlinable
    package func last(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { last(in: $0) ?? 0 }
    }

    /// The offset just after the first boundary at or after `from + 1` in `text[..<end]`, or
    /// `nil` when there is none.
    @inlinable
    package func first(in text: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil) -> Int? {
        let end = end ?? text.count
        switch self {
        case .lineFeed:
            return ByteSearch.first(ASCII.lineFeed, in: text, from: start, to: end).map { $0 &+ 1 }
        case .lineBreak:
            var from = start
            while true {
                let lineFeed = ByteSearch.first(ASCII.lineFeed, in: text, from: from, to: end)
                // A carriage return only matters before the first line feed.
                let carriageReturn = ByteSearch.first(ASCII.carriageReturn, in: text, from: from, to: lineFeed ?? end)
                guard let found = (carriageReturn ?? lineFeed).map({ $0 &+ 1 }) else { return nil }
                if !LineBoundary.mayBeInDescriptionSequence(text, at: found) { return found }
                from = found
            }
        case .blankLine:
            var i = start &+ 1
            while i <= end {
                if isBoundary(text, at: i) { return i }
                i &+= 1
            }
            return nil
        }
    }

    /// The end (exclusive) of the piece of `text[start..<end]` that starts at `start`: at most
    /// `limit` bytes, ending just after its last boundary; when the first `limit` bytes hold no
    /// boundary, the piece runs to the first boundary after them (a line is never cut), or to
    /// `end`.
    @inlinable
    package func pieceEnd(in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, limit: Int) -> Int {
        if end &- start <= limit { return end }
        let windowEnd = start &+ limit
        if let boundary = last(in: text, from: start, to: windowEnd) { return boundary }
        return first(in: text, from: windowEnd, to: end) ?? end
    }
}

/// The ASCII bytes the scans and engines name.
package enum ASCII {
    /// LF, U+000A.
    package static let lineFeed: UInt8 = 0x0A
    /// CR, U+000D.
    package static let carriageReturn: UInt8 = 0x0D
    /// SPACE, U+0020.
    package static let space: UInt8 = 0x20
}
