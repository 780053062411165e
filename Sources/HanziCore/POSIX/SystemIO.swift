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
}
