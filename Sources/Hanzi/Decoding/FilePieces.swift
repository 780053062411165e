import HanziCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in pieces through the POSIX calls of ``SystemIO`` (not Foundation's
/// `FileHandle`, which would link Foundation and ICU into every program of the package), for
/// the library's calls that take a file's URL.
enum FilePieces {
    /// Hands each piece of at most `pieceSize` bytes of the file at `url` to `body`, in order.
    ///
    /// - Throws: a `POSIXError` when the file cannot be opened or read, or what `body` throws.
    static func read(_ url: URL, pieceSize: Int = SystemIO.readSize,
                     _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let fd: Int32
        do {
            fd = try SystemIO.openForReading(url.path)
        } catch {
            throw POSIXError(POSIXErrorCode(rawValue: error.code) ?? .EIO)
        }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(pieceSize, 1), alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count: Int
            do {
                count = try SystemIO.read(fd, into: buffer)
            } catch {
                throw POSIXError(POSIXErrorCode(rawValue: error.code) ?? .EIO)
            }
            if count == 0 { return }
            try body(UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }
}
