#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts UTF-8 text into pieces that end just after a line feed.
///
/// No libopencc dictionary key contains a line break, so converting the pieces one by one
/// and joining the results gives exactly the bytes of converting the whole text at once,
/// while libopencc's working memory (about twelve times its input) stays bounded by the
/// piece size.
enum LinePieces {
    /// The end (exclusive) of the piece of `base[start..<end]` that starts at `start`.
    ///
    /// The piece is at most `limit` bytes and ends just after its last line feed; if the first
    /// `limit` bytes hold no line feed, the piece runs to the first line feed after them (a
    /// long line is never cut), or to `end`.
    static func pieceEnd(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, limit: Int
    ) -> Int {
        if end &- start <= limit { return end }
        let windowEnd = start &+ limit
        if let lineEnd = lastLineEnd(base, from: start, to: windowEnd) { return lineEnd }
        return firstLineEnd(base, from: windowEnd, to: end) ?? end
    }

    /// The offset just after the last line feed in `base[start..<end]`, or `nil`.
    static func lastLineEnd(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var i = end
        while i > start {
            i &-= 1
            if base[i] == 0x0A { return i &+ 1 }
        }
        return nil
    }

    /// The offset just after the first line feed in `base[start..<end]`, or `nil`.
    static func firstLineEnd(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let found = memchr(base + start, 0x0A, end &- start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base) &+ 1
    }

    /// The offset of the first NUL byte in `base[start..<end]`, or `nil`.
    static func firstNUL(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let found = memchr(base + start, 0, end &- start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}
