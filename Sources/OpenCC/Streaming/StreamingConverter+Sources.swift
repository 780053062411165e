#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HanziCore

extension StreamingConverter {
    /// The default number of bytes read at a time from a file or file descriptor: 1 MiB.
    public static let defaultReadSize = SystemIO.readSize

    /// The default number of single bytes gathered into one chunk by
    /// `convert(bytes:chunkSize:to:)`: 64 KiB.
    public static let defaultByteChunkSize = 1 << 16

    /// Converts everything readable from `fileDescriptor` until end of file, handing the
    /// converted bytes to `sink`, and ends the stream.
    ///
    /// The descriptor is read `readSize` bytes at a time and is not closed. For a Foundation
    /// `FileHandle`, pass its `fileDescriptor`.
    ///
    /// - Throws: `InvalidUTF8Error` with the stream offset of the first malformed byte,
    ///   a `POSIXError` when reading fails, or whatever `sink` throws.
    public mutating func convert(
        fileDescriptor: Int32, readSize: Int = StreamingConverter.defaultReadSize, to sink: Sink
    ) throws {
        try POSIXError.forSystemCalls {
            try SystemIO.readPieces(fileDescriptor, pieceSize: readSize) { try feed($0, to: sink) }
        }
        try finish(to: sink)
    }

    /// Converts the file at `url`, handing the converted bytes to `sink`, and ends the stream.
    ///
    /// - Throws: a `POSIXError` when the file cannot be opened or read, `InvalidUTF8Error` with
    ///   the file offset of the first malformed byte, or whatever `sink` throws.
    public mutating func convert(
        contentsOf url: URL, readSize: Int = StreamingConverter.defaultReadSize, to sink: Sink
    ) throws {
        try POSIXError.forSystemCalls {
            try SystemIO.readPieces(atPath: url.path, pieceSize: readSize) { try feed($0, to: sink) }
        }
        try finish(to: sink)
    }

    /// Converts an asynchronous sequence of byte chunks, handing the converted bytes to
    /// `sink`, and ends the stream.
    ///
    /// - Throws: `InvalidUTF8Error` with the stream offset of the first malformed byte, or
    ///   whatever `chunks` or `sink` throw.
    public mutating func convert<Chunks: AsyncSequence>(
        chunks: Chunks, to sink: Sink
    ) async throws where Chunks.Element: Collection<UInt8> {
        for try await chunk in chunks {
            try feed(chunk, to: sink)
        }
        try finish(to: sink)
    }

    /// Converts an asynchronous sequence of single bytes (such as `FileHandle.bytes`), handing
    /// the converted bytes to `sink`, and ends the stream.
    ///
    /// The bytes are gathered into chunks of `chunkSize` bytes before being fed.
    ///
    /// - Throws: `InvalidUTF8Error` with the stream offset of the first malformed byte, or
    ///   whatever `bytes` or `sink` throw.
    public mutating func convert<Bytes: AsyncSequence>(
        bytes: Bytes, chunkSize: Int = StreamingConverter.defaultByteChunkSize, to sink: Sink
    ) async throws where Bytes.Element == UInt8 {
        var chunk: [UInt8] = []
        chunk.reserveCapacity(max(chunkSize, 1))
        for try await byte in bytes {
            chunk.append(byte)
            if chunk.count >= chunkSize {
                try feed(chunk, to: sink)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        try feed(chunk, to: sink)
        try finish(to: sink)
    }
}
