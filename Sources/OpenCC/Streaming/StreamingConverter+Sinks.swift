#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension StreamingConverter {
    /// A sink that writes every converted byte to `fileDescriptor`, retrying partial and
    /// interrupted writes.
    ///
    /// ```swift
    /// var stream = StreamingConverter(converter: try .shared(.t2s))
    /// try stream.convert(fileDescriptor: STDIN_FILENO, to: StreamingConverter.writer(to: STDOUT_FILENO))
    /// ```
    ///
    /// The sink throws a `POSIXError` when a write fails. The descriptor is not closed.
    public static func writer(to fileDescriptor: Int32) -> @Sendable ([UInt8]) throws -> Void {
        { bytes in try writeAll(bytes, to: fileDescriptor) }
    }

    /// Writes all of `bytes` to `fileDescriptor`, retrying partial and interrupted writes.
    ///
    /// - Throws: a `POSIXError` when a write fails.
    public static func writeAll(_ bytes: [UInt8], to fileDescriptor: Int32) throws {
        try POSIXError.forSystemCalls { try SystemIO.writeAll(bytes, to: fileDescriptor) }
    }
}
