/// Checks a stream of bytes for well-formed UTF-8 (RFC 3629), one chunk at a time, and passes on
/// only whole scalars, so that every stage after it can cut its input anywhere between scalars.
///
/// A sequence cut by the end of a chunk is kept back and completed by the next chunk; a byte
/// order mark at the very start of the stream is dropped (when ``dropsByteOrderMark``).
///
/// ```swift
/// var validator = UTF8StreamValidator()
/// var text: [UInt8] = []
/// try validator.validate(chunk1, appendingTo: &text)
/// try validator.validate(chunk2, appendingTo: &text)
/// try validator.finish()
/// ```
public struct UTF8StreamValidator: Sendable {
    /// Whether a UTF-8 byte order mark (EF BB BF) at the start of the stream is dropped.
    public var dropsByteOrderMark: Bool

    /// How many bytes of the stream have been looked at (including the ones kept back).
    public private(set) var bytesSeen: Int = 0

    /// The bytes of a scalar cut by the end of the previous chunk (at most 3).
    private var pending: [UInt8] = []
    private var atStart = true

    /// A validator at the start of a stream.
    public init(dropsByteOrderMark: Bool = true) {
        self.dropsByteOrderMark = dropsByteOrderMark
    }

    /// Validates the next chunk and appends its whole scalars to `output`.
    ///
    /// - Throws: ``UTF8ValidationError`` carrying the stream offset of the first byte of the
    ///   first ill-formed sequence.
    public mutating func validate(_ chunk: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) throws(UTF8ValidationError) {
        let chunkStart = bytesSeen
        bytesSeen += chunk.count
        var start = 0
        if !pending.isEmpty {
            // Complete the kept-back scalar with the first bytes of this chunk.
            let need = UTF8StreamValidator.sequenceLength(lead: pending[0]) - pending.count
            let take = min(need, chunk.count)
            var joined = pending
            joined.append(contentsOf: chunk[0..<take])
            let pendingOffset = chunkStart - pending.count
            let result = joined.withUnsafeBufferPointer { UTF8StreamValidator.scan($0) }
            if let bad = result.invalidAt {
                throw UTF8ValidationError(offset: pendingOffset + bad)
            }
            if result.complete == joined.count {
                if !(atStart && dropsByteOrderMark && joined == [0xEF, 0xBB, 0xBF]) {
                    output.append(contentsOf: joined)
                }
                atStart = false
                pending.removeAll(keepingCapacity: true)
                start = take
            } else {
                // Still incomplete: the chunk was shorter than the sequence.
                pending = joined
                return
            }
        }
        let rest = UnsafeBufferPointer(rebasing: chunk[start...])
        let result = UTF8StreamValidator.scan(rest)
        if let bad = result.invalidAt {
            throw UTF8ValidationError(offset: chunkStart + start + bad)
        }
        var from = 0
        if atStart, dropsByteOrderMark, result.complete >= 3,
           rest[0] == 0xEF, rest[1] == 0xBB, rest[2] == 0xBF {
            from = 3
        }
        if result.complete > from {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: rest[from..<result.complete]))
        }
        if result.complete < rest.count {
            pending.append(contentsOf: rest[result.complete...])
        }
        if result.complete > 0 { atStart = false }
    }

    /// Validates the next chunk and appends its whole scalars to `output`.
    public mutating func validate(_ chunk: [UInt8], appendingTo output: inout [UInt8]) throws(UTF8ValidationError) {
        try chunk.withUnsafeBufferPointer { (buffer) throws(UTF8ValidationError) in
            try validate(buffer, appendingTo: &output)
        }
    }

    /// Ends the stream.
    ///
    /// - Throws: ``UTF8ValidationError`` when the stream ends inside a scalar.
    public mutating func finish() throws(UTF8ValidationError) {
        if !pending.isEmpty {
            throw UTF8ValidationError(offset: bytesSeen - pending.count)
        }
    }

    /// The length of the sequence a lead byte starts (1 for a byte that cannot lead one).
    static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }

    /// Scans `bytes`: `complete` is the length of the longest prefix made of whole scalars;
    /// `invalidAt` is the offset of the first ill-formed sequence, if any. A sequence cut short
    /// by the end of the buffer is not ill-formed (it is left after `complete`).
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (complete: Int, invalidAt: Int?) {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return (0, nil) }
        var i = 0
        while i < n {
            // ASCII fast path, eight bytes at a time.
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= n { break }
            let b0 = base[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return (i, i)
            }
            // The second byte has the narrowed range; the others 80...BF.
            var k = 1
            while k < length {
                if i + k >= n { return (i, nil) }  // cut by the end of the buffer
                let b = base[i + k]
                let lo: UInt8 = k == 1 ? lower : 0x80
                let hi: UInt8 = k == 1 ? upper : 0xBF
                if b < lo || b > hi { return (i, i) }
                k += 1
            }
            i += length
        }
        return (n, nil)
    }
}

/// Bytes that are not well-formed UTF-8.
public struct UTF8ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The offset, from the start of the input, of the first byte of the first ill-formed sequence.
    public var offset: Int

    /// An error at `offset`.
    public init(offset: Int) { self.offset = offset }

    public var description: String { "invalid UTF-8 at byte \(offset)" }
}
