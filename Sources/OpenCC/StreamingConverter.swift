/// Converts a stream of UTF-8 bytes that arrives in chunks, in bounded memory.
///
/// Feed the chunks in order with `feed(_:to:)` and end the stream
/// with ``finish(to:)``. Chunks may end anywhere, in the middle of a line or of a UTF-8
/// sequence: the incomplete tail is carried over to the next chunk. Text is converted once
/// whole lines amounting to at least the converter's ``ChineseConverter/pieceSize`` have
/// arrived (see ``flushThreshold``), and handed to the sink; the concatenated sink output is byte for byte
/// ``ChineseConverter/convert(utf8:)`` of the whole stream. Memory stays bounded by the chunk
/// size plus the piece size, or by the longest line when a line is longer.
///
/// ```swift
/// var stream = StreamingConverter(converter: try .shared(.s2t))
/// try stream.convert(fileDescriptor: STDIN_FILENO) { bytes in
///     bytes.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
/// }
/// ```
///
/// Malformed UTF-8 is reported as an ``InvalidUTF8Error`` whose offset counts from the start
/// of the stream; the sink has then received the conversion of every complete line before
/// the line holding the bad byte, at most. After an error, every further call throws the same
/// error until ``reset()``.
public struct StreamingConverter: Sendable {
    /// Receives converted bytes, in order. Never called with an empty array.
    public typealias Sink = ([UInt8]) throws -> Void

    /// The converter the stream goes through.
    public let converter: ChineseConverter

    /// The input bytes not converted yet: an incomplete last line, and possibly an incomplete
    /// last UTF-8 sequence.
    private var pending: [UInt8] = []
    /// `pending[0..<validCount]` is well-formed UTF-8 made of complete characters.
    private var validCount = 0
    /// `pending[0..<lineEnd]` ends just after a line feed (0: no line feed yet).
    private var lineEnd = 0
    /// `pending[0..<scannedCount]` has been searched for line feeds.
    private var scannedCount = 0
    /// The reusable output buffer handed to the sink.
    private var output: [UInt8] = []
    /// The first error met, thrown again by every later call.
    private var failure: InvalidUTF8Error?

    /// The number of bytes fed so far in this stream: the stream offset of the next byte.
    public private(set) var bytesRead = 0
    /// The number of converted bytes handed to the sink so far in this stream.
    public private(set) var bytesWritten = 0

    /// How many bytes of complete lines gather before they are converted and handed to the
    /// sink. Larger values mean fewer, larger libopencc calls; `1` converts every complete line
    /// as soon as it arrives, for interactive use (a terminal, a line-by-line pipe).
    public var flushThreshold: Int

    /// Creates a stream that converts with `converter`.
    ///
    /// - Parameters:
    ///   - converter: The converter the stream goes through.
    ///   - flushThreshold: How many bytes of complete lines gather before they are converted
    ///     and handed to the sink; by default the converter's ``ChineseConverter/pieceSize``.
    public init(converter: ChineseConverter, flushThreshold: Int? = nil) {
        self.converter = converter
        self.flushThreshold = max(flushThreshold ?? converter.pieceSize, 1)
    }

    /// The stream offset of `pending[0]`.
    private var pendingOffset: Int { bytesRead &- pending.count }

    /// Feeds the next chunk of the stream, and hands whatever can be converted to `sink`.
    ///
    /// - Throws: ``InvalidUTF8Error`` with the stream offset of the first malformed byte,
    ///   or whatever `sink` throws.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, to sink: Sink) throws {
        if let failure { throw failure }
        pending.append(contentsOf: chunk)
        bytesRead &+= chunk.count
        try validatePending(atEnd: false)
        if validCount > scannedCount {
            let newLineEnd = pending.withUnsafeBufferPointer { buffer in
                LinePieces.lastLineEnd(buffer.baseAddress!, from: scannedCount, to: validCount)
            }
            scannedCount = validCount
            if let newLineEnd { lineEnd = newLineEnd }
        }
        if lineEnd >= flushThreshold {
            try flush(count: lineEnd, to: sink)
        }
    }

    /// Converts every complete line received so far and hands it to `sink` now, whatever
    /// ``flushThreshold`` says. An incomplete last line stays pending.
    ///
    /// - Throws: whatever `sink` throws.
    public mutating func flushCompleteLines(to sink: Sink) throws {
        if let failure { throw failure }
        try flush(count: lineEnd, to: sink)
    }

    /// Feeds the next chunk of the stream, and hands whatever can be converted to `sink`.
    ///
    /// - Throws: ``InvalidUTF8Error`` with the stream offset of the first malformed byte,
    ///   or whatever `sink` throws.
    public mutating func feed(_ chunk: some Collection<UInt8>, to sink: Sink) throws {
        if let done = try chunk.withContiguousStorageIfAvailable({ buffer in
            try feed(UnsafeRawBufferPointer(buffer), to: sink)
        }) {
            return done
        }
        try Array(chunk).withUnsafeBytes { buffer in try feed(buffer, to: sink) }
    }

    /// Ends the stream: converts what is left and hands it to `sink`. The stream can then be
    /// used again for a new stream, with offsets counted from zero.
    ///
    /// - Throws: ``InvalidUTF8Error`` when the stream ends inside a UTF-8 sequence (at the
    ///   sequence's stream offset), or whatever `sink` throws.
    public mutating func finish(to sink: Sink) throws {
        if let failure { throw failure }
        try validatePending(atEnd: true)
        try flush(count: pending.count, to: sink)
        reset()
    }

    /// Forgets the current stream, its pending bytes and any error, to start a new stream.
    public mutating func reset() {
        pending.removeAll(keepingCapacity: true)
        output.removeAll(keepingCapacity: true)
        validCount = 0
        lineEnd = 0
        scannedCount = 0
        failure = nil
        bytesRead = 0
        bytesWritten = 0
    }

    /// Extends `validCount` over the newly fed bytes.
    private mutating func validatePending(atEnd: Bool) throws(InvalidUTF8Error) {
        let start = validCount
        do {
            let valid = try pending.withUnsafeBufferPointer { buffer throws(InvalidUTF8Error) in
                try UTF8Validator.validate(
                    UnsafeBufferPointer(rebasing: buffer[start...]), allowingIncompleteTail: !atEnd)
            }
            validCount = start &+ valid
        } catch {
            let located = error.shifted(by: pendingOffset &+ start)
            failure = located
            throw located
        }
    }

    /// Converts `pending[0..<count]` (complete lines, or everything at the end), hands the
    /// result to `sink` and drops those bytes from `pending`.
    private mutating func flush(count: Int, to sink: Sink) throws {
        guard count > 0 else { return }
        output.removeAll(keepingCapacity: true)
        let converter = self.converter
        pending.withUnsafeBufferPointer { buffer in
            converter.appendConversion(ofValid: UnsafeBufferPointer(rebasing: buffer[..<count]), to: &output)
        }
        pending.removeSubrange(..<count)
        validCount &-= count
        scannedCount = validCount
        lineEnd = 0
        if !output.isEmpty {
            bytesWritten &+= output.count
            try sink(output)
        }
    }
}
