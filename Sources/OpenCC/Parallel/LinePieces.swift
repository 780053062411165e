#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts UTF-8 text into pieces that end just after a line break (LF or CR).
///
/// No libopencc dictionary key contains a line break (a key is the first tab-separated field
/// of a dictionary line), so converting the pieces one by one
/// and joining the results gives exactly the bytes of converting the whole text at once,
/// while libopencc's working memory (about twelve times its input) stays bounded by the
/// piece size.
enum LinePieces {
    /// The end (exclusive) of the piece of `base[start..<end]` that starts at `start`.
    ///
    /// The piece is at most `limit` bytes and ends just after its last line break; if the
    /// first `limit` bytes hold no line break, the piece runs to the first line break after
    /// them (a long line is never cut), or to `end`.
    static func pieceEnd(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, limit: Int
    ) -> Int {
        if end &- start <= limit { return end }
        let windowEnd = start &+ limit
        if let lineEnd = lastLineEnd(base, from: start, to: windowEnd) { return lineEnd }
        return firstLineEnd(base, from: windowEnd, to: end) ?? end
    }

    /// The offset just after the last line break (LF or CR) in `base[start..<end]`, or `nil`.
    static func lastLineEnd(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var i = end
        while i > start {
            i &-= 1
            let byte = base[i]
            if byte == 0x0A || byte == 0x0D { return i &+ 1 }
        }
        return nil
    }

    /// The offset just after the first line break (LF or CR) in `base[start..<end]`, or `nil`.
    static func firstLineEnd(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        let lineFeed = find(0x0A, base, from: start, to: end)
        // A carriage return only matters before the first line feed.
        let carriageReturn = find(0x0D, base, from: start, to: lineFeed ?? end)
        guard let found = carriageReturn ?? lineFeed else { return nil }
        return found &+ 1
    }

    /// The offset of the first `byte` in `base[start..<end]`, or `nil`.
    private static func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let found = memchr(base + start, Int32(byte), end &- start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The offset of the first NUL byte in `base[start..<end]`, or `nil`.
    static func firstNUL(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        find(0, base, from: start, to: end)
    }
}
