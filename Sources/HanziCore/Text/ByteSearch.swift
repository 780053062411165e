#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a byte in a buffer with the C library's `memchr`, which reads a machine word or a
/// vector at a time.
package enum ByteSearch {
    /// The offset of the first `byte` in `text[start..<end]`, or `nil`.
    @inlinable
    package static func first(_ byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = text.baseAddress,
              let found = memchr(base + start, Int32(byte), end &- start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}
