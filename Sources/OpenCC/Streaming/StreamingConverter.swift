/// Converts a stream of UTF-8 bytes that arrives in chunks, in bounded memory.
///
/// Feed the chunks in order with `feed(_:to:)` and end the stream with ``finish(to:)``, or
/// let `convert(fileDescriptor:readSize:to:)` and its siblings do both. Chunks may end
/// anywhere, in the middle of a line or of a UTF-8 sequence: the incomplete tail is carried
/// over to the next chunk. Text is converted once whole lines amounting to at least
/// ``flushThreshold`` bytes have arrived, and handed to the sink; the concatenated sink output
/// is byte for byte ``ChineseConverter/convert(utf8:)`` of the whole stream. Memory stays
/// bounded by the chunk size plus the flush threshold, or by the longest line when a line is
/// longer.
///
/// ```swift
/// var stream = StreamingConverter(converter: try .shared(.s2t))
/// try stream.convert(fileDescriptor: STDIN_FILENO, to: StreamingConverter.writer(to: STDOUT_FILENO))
/// print("\(stream.bytesRead) bytes in, \(stream.bytesWritten) bytes out")
/// ```
///
/// Malformed UTF-8 is reported as an `InvalidUTF8Error` whose offset counts from the start
/// of the stream; the sink has then received the conversion of every complete line before
/// the line holding the bad byte, at most. After an error, every further call throws the same
/// error until ``reset()``.
public struct StreamingConverter: Sendable {
    /// Receives converted bytes, in order. Never called with an empty array.
    public typealias Sink = ([UInt8]) throws -> Void

    /// The converter the stream goes through.
    public let converter: ChineseConverter

    /// Checks the input and keeps back an incomplete last UTF-8 sequence until the next chunk.
    private var validator = UTF8StreamValidator(dropsByteOrderMark: false)
    /// The checked input bytes not converted yet (whole characters): an incomplete last line,
    /// or whole lines below ``flushThreshold``.
    private var pending: [UInt8] = []
    /// `pending[0..<lineEnd]` ends just after a line break (0: no line break yet).
    private var lineEnd = 0
    /// `pending[0..<scannedCount]` has been searched for line breaks.
    private var scannedCount = 0
    /// The reusable output buffer handed to the sink.
    private var output: [UInt8] = []
    /// The first error met, thrown again by every later call.
    private var failure: InvalidUTF8Error?
    /// ``finish(to:)`` ended the stream; the next call starts a new one.
    private var ended = false

    /// The number of bytes fed so far in this stream: the stream offset of the next byte.
    /// Kept after ``finish(to:)`` until a new stream starts.
    public private(set) var bytesRead = 0
    /// The number of converted bytes handed to the sink so far in this stream. Kept after
    /// ``finish(to:)`` until a new stream starts.
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

    /// Feeds the next chunk of the stream, and hands whatever can be converted to `sink`.
    ///
    /// - Throws: `InvalidUTF8Error` with the stream offset of the first malformed byte,
    ///   or whatever `sink` throws.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, to sink: Sink) throws {
        if ended { reset() }
        if let failure { throw failure }
        bytesRead &+= chunk.count
        try chunk.withMemoryRebound(to: UInt8.self) { bytes throws(InvalidUTF8Error) in
            try validate(bytes)
        }
        if pending.count > scannedCount {
            let newLineEnd = pending.withUnsafeBufferPointer { buffer in
                LineBoundary.lineBreak.last(in: buffer, from: scannedCount)
            }
            scannedCount = pending.count
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
        if ended { return }
        if let failure { throw failure }
        try flush(count: lineEnd, to: sink)
    }

    /// Feeds the next chunk of the stream, and hands whatever can be converted to `sink`.
    ///
    /// - Throws: `InvalidUTF8Error` with the stream offset of the first malformed byte,
    ///   or whatever `sink` throws.
    public mutating func feed(_ chunk: some Collection<UInt8>, to sink: Sink) throws {
        if let done = try chunk.withContiguousStorageIfAvailable({ buffer in
            try feed(UnsafeRawBufferPointer(buffer), to: sink)
        }) {
            return done
        }
        try Array(chunk).withUnsafeBytes { buffer in try feed(buffer, to: sink) }
    }

    /// Ends the stream: converts what is left and hands it to `sink`. The next `feed(_:to:)`
    /// starts a new stream, with offsets counted from zero.
    ///
    /// - Throws: `InvalidUTF8Error` when the stream ends inside a UTF-8 sequence (at the
    ///   sequence's stream offset), or whatever `sink` throws.
    public mutating func finish(to sink: Sink) throws {
        if ended { return }
        if let failure { throw failure }
        do {
            try validator.finish()
        } catch {
            failure = error
            throw error
        }
        try flush(count: pending.count, to: sink)
        ended = true
    }

    /// Forgets the current stream, its pending bytes and any error, to start a new stream.
    public mutating func reset() {
        validator = UTF8StreamValidator(dropsByteOrderMark: false)
        pending.removeAll(keepingCapacity: true)
        output.removeAll(keepingCapacity: true)
        lineEnd = 0
        scannedCount = 0
        failure = nil
        ended = false
        bytesRead = 0
        bytesWritten = 0
    }

    /// Checks the next chunk and appends its whole characters to `pending`; remembers an error.
    private mutating func validate(_ chunk: UnsafeBufferPointer<UInt8>) throws(InvalidUTF8Error) {
        do {
            try validator.validate(chunk, appendingTo: &pending)
        } catch {
            failure = error
            throw error
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
        scannedCount = pending.count
        lineEnd = 0
        if !output.isEmpty {
            bytesWritten &+= output.count
            try sink(output)
        }
    }
}
