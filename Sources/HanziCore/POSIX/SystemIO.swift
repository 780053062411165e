#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A system call that failed, with its `errno`.
package struct SystemCallError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `errno` value.
    package var code: Int32

    package init(code: Int32) { self.code = code }

    /// The C library's message for ``code`` (`strerror`).
    package var description: String { String(cString: strerror(code)) }
}

/// The POSIX reads and writes of the package, each retrying what the system asks to retry:
/// a call interrupted by a signal (`EINTR`) and, for writes, a partial write.
package enum SystemIO {
    /// The size of one read of a file or stream read through to its end: 1 MiB, large
    /// enough that the system calls cost nothing next to the work on the bytes.
    package static let readSize = 1 << 20

    /// Writes all of `bytes` to `fileDescriptor`.
    ///
    /// - Throws: ``SystemCallError`` when a write fails (`EIO` when it writes nothing
    ///   without saying why); the bytes before that may have been written.
    package static func writeAll(_ bytes: UnsafeRawBufferPointer, to fileDescriptor: Int32) throws(SystemCallError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = write(fileDescriptor, base + offset, bytes.count &- offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(code: errno)
            }
            if written == 0 { throw SystemCallError(code: EIO) }
            offset &+= written
        }
    }

    /// ``writeAll(_:to:)`` for any contiguous bytes.
    package static func writeAll(_ bytes: [UInt8], to fileDescriptor: Int32) throws(SystemCallError) {
        try bytes.withUnsafeBytes { raw in
            Result { () throws(SystemCallError) in try writeAll(raw, to: fileDescriptor) }
        }.get()
    }

    /// Reads up to `buffer.count` bytes from `fileDescriptor` into `buffer`: how many were
    /// read, 0 at the end of the file.
    ///
    /// - Throws: ``SystemCallError`` when the read fails.
    package static func read(
        _ fileDescriptor: Int32, into buffer: UnsafeMutableRawBufferPointer
    ) throws(SystemCallError) -> Int {
        while true {
            #if canImport(Glibc)
            let count = Glibc.read(fileDescriptor, buffer.baseAddress, buffer.count)
            #elseif canImport(Musl)
            let count = Musl.read(fileDescriptor, buffer.baseAddress, buffer.count)
            #else
            let count = Darwin.read(fileDescriptor, buffer.baseAddress, buffer.count)
            #endif
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw SystemCallError(code: errno)
        }
    }

    /// Opens the file at `path` for reading (close-on-exec); the caller closes the descriptor.
    ///
    /// - Throws: ``SystemCallError`` when it cannot be opened.
    package static func openForReading(_ path: String) throws(SystemCallError) -> Int32 {
        while true {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd >= 0 { return fd }
            if errno == EINTR { continue }
            throw SystemCallError(code: errno)
        }
    }

    /// Hands each piece of at most `pieceSize` bytes read from `fileDescriptor` to `body`, in
    /// order, until the end of the file; the descriptor is not closed.
    ///
    /// - Throws: ``SystemCallError`` when a read fails, or what `body` throws.
    package static func readPieces(
        _ fileDescriptor: Int32, pieceSize: Int = readSize, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(pieceSize, 1), alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try read(fileDescriptor, into: buffer)
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// ``readPieces(_:pieceSize:_:)`` over the file at `path`, opened and closed here.
    ///
    /// - Throws: ``SystemCallError`` when the file cannot be opened or read, or what `body` throws.
    package static func readPieces(
        atPath path: String, pieceSize: Int = readSize, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let fd = try openForReading(path)
        defer { close(fd) }
        try readPieces(fd, pieceSize: pieceSize, body)
    }

    /// Everything readable from `fileDescriptor` until the end of the file.
    ///
    /// - Throws: ``SystemCallError`` when a read fails.
    package static func readToEnd(_ fileDescriptor: Int32) throws(SystemCallError) -> [UInt8] {
        var bytes: [UInt8] = []
        var filled = 0
        while true {
            if bytes.count - filled < readSize / 4 {
                bytes.append(contentsOf: repeatElement(0, count: max(readSize / 4, bytes.count)))
            }
            let count = try bytes.withUnsafeMutableBytes { raw in
                Result { () throws(SystemCallError) in
                    try read(fileDescriptor, into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
                }
            }.get()
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// The whole file at `path`.
    ///
    /// - Throws: ``SystemCallError`` when it cannot be opened or read.
    package static func readFile(atPath path: String) throws(SystemCallError) -> [UInt8] {
        let fd = try openForReading(path)
        defer { close(fd) }
        return try readToEnd(fd)
    }
}
