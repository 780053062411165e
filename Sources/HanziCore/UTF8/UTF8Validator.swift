/// Checks that bytes are well-formed UTF-8 (The Unicode Standard, table 3-7; RFC 3629).
///
/// The one UTF-8 check of the package: the byte-level `ChineseConverter` APIs run it before
/// any byte reaches libopencc (which reads past the end of its buffer on a truncated sequence
/// and passes other malformed bytes through), and ``UTF8StreamValidator`` runs it over input
/// that arrives in chunks.
///
/// The bytes are checked sixteen at a time with vector comparisons, whatever their mix of
/// ASCII, Chinese and other scripts; the first three bytes, the last few and a block with an
/// error are checked a sequence at a time, comparing the lead byte and the second byte against
/// the ranges of table 3-7. The first malformed sequence is reported where the standard
/// library's decoder reports it.
///
/// ```swift
/// let bytes: [UInt8] = Array("汉字".utf8) + [0xE5, 0xAD]
/// do {
///     _ = try UTF8Validator.validate(bytes)
/// } catch {
///     print(error)  // invalid UTF-8 at byte offset 6: truncated multi-byte sequence (E5 AD)
/// }
/// ```
public enum UTF8Validator {
    /// Validates `bytes` and returns how many bytes, from the start, form complete characters.
    ///
    /// - Parameters:
    ///   - bytes: The bytes to check.
    ///   - allowingIncompleteTail: When `true`, input that ends inside a character whose bytes
    ///     so far are valid is accepted, and the returned count stops before that character
    ///     (a streaming caller carries the tail over to the next chunk). When `false`, such a
    ///     tail is a ``InvalidUTF8Error/Reason/truncatedSequence``.
    /// - Returns: `bytes.count`, or the offset where the incomplete last character starts.
    /// - Throws: ``InvalidUTF8Error`` for the first malformed sequence, with its offset in `bytes`.
    @discardableResult
    public static func validate(
        _ bytes: some Collection<UInt8>, allowingIncompleteTail: Bool = false
    ) throws(InvalidUTF8Error) -> Int {
        let outcome = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(InvalidUTF8Error) in try validate(buffer, allowingIncompleteTail: allowingIncompleteTail) }
        }
        if let outcome { return try outcome.get() }
        return try Array(bytes).withUnsafeBufferPointer { buffer in
            Result { () throws(InvalidUTF8Error) in try validate(buffer, allowingIncompleteTail: allowingIncompleteTail) }
        }.get()
    }

    /// ``validate(_:allowingIncompleteTail:)`` over a buffer, for the package's own hot paths.
    @discardableResult
    package static func validate(
        _ bytes: UnsafeBufferPointer<UInt8>, allowingIncompleteTail: Bool = false
    ) throws(InvalidUTF8Error) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        let block = BlockCheck()
        var i = 0
        while i < count {
            // Sixteen bytes at a time (see `BlockCheck`) while the three bytes before
            // the block can be read; a block with an error, the last bytes of the input and
            // its first three take the sequence-at-a-time path below, which names the error.
            if i >= 3 {
                while i &+ 16 <= count && block.isWellFormed(base + i) { i &+= 16 }
                i = sequenceStart(base, at: i)
                guard i < count else { break }
            }
            let lead = base[i]
            if lead < 0x80 {
                i &+= 1
                continue
            }
            // A multi-byte sequence: its length and the allowed range of its second byte.
            let continuationCount: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            var aboveRange = InvalidUTF8Error.Reason.overlongEncoding
            switch lead {
            case 0x80...0xBF:
                throw error(.unexpectedContinuationByte, base, i, count, maximumLength: 1)
            case 0xC0, 0xC1:
                throw error(.overlongEncoding, base, i, count, maximumLength: 2)
            case 0xC2...0xDF:
                continuationCount = 1
            case 0xE0:
                continuationCount = 2
                secondLow = 0xA0
            case 0xED:
                continuationCount = 2
                secondHigh = 0x9F
                aboveRange = .surrogate
            case 0xE1...0xEF:
                continuationCount = 2
            case 0xF0:
                continuationCount = 3
                secondLow = 0x90
            case 0xF1...0xF3:
                continuationCount = 3
            case 0xF4:
                continuationCount = 3
                secondHigh = 0x8F
                aboveRange = .beyondUnicode
            case 0xF5...0xF7:
                throw error(.beyondUnicode, base, i, count, maximumLength: 4)
            default:
                throw error(.invalidByte, base, i, count, maximumLength: 1)
            }
            if i &+ 1 >= count {
                if allowingIncompleteTail { return i }
                throw error(.truncatedSequence, base, i, count, maximumLength: 1)
            }
            let second = base[i &+ 1]
            if second & 0xC0 != 0x80 {
                throw error(.truncatedSequence, base, i, count, maximumLength: 1)
            }
            if second < secondLow {
                throw error(.overlongEncoding, base, i, count, maximumLength: continuationCount &+ 1)
            }
            if second > secondHigh {
                throw error(aboveRange, base, i, count, maximumLength: continuationCount &+ 1)
            }
            var k = 2
            while k <= continuationCount {
                if i &+ k >= count {
                    if allowingIncompleteTail { return i }
                    throw error(.truncatedSequence, base, i, count, maximumLength: k)
                }
                if base[i &+ k] & 0xC0 != 0x80 {
                    throw error(.truncatedSequence, base, i, count, maximumLength: k)
                }
                k &+= 1
            }
            i &+= continuationCount &+ 1
        }
        return count
    }

    /// Checks sixteen bytes at once: whether they are well-formed where the bytes before them
    /// are. Each is a continuation byte exactly where a lead byte among the three before it (in
    /// the block or before it) asks for one, no byte is one UTF-8 never uses (`C0`, `C1`,
    /// `F5`–`FF`), and no second byte is outside its lead's range (after `E0`, `ED`, `F0`,
    /// `F4`; table 3-7). A sequence that the block's last bytes begin is checked with the next
    /// block, whose three bytes before it are those.
    ///
    /// Why vectors: Chinese text mixes three-byte characters with ASCII digits, Latin words and
    /// line breaks every few dozen bytes, which a loop over sequences stops at each time; the
    /// same few comparisons over sixteen lanes check any mix at one step per block (SSE2 on
    /// x86-64, NEON on ARM). The constants are vectors made once, outside the loop: compared
    /// with scalars, the comparisons are not turned into vector instructions.
    struct BlockCheck {
        let x80 = SIMD16<UInt8>(repeating: 0x80), xC0 = SIMD16<UInt8>(repeating: 0xC0)
        let xE0 = SIMD16<UInt8>(repeating: 0xE0), xF0 = SIMD16<UInt8>(repeating: 0xF0)
        let xC1 = SIMD16<UInt8>(repeating: 0xC1), xF5 = SIMD16<UInt8>(repeating: 0xF5)
        let xED = SIMD16<UInt8>(repeating: 0xED), xF4 = SIMD16<UInt8>(repeating: 0xF4)
        let x9F = SIMD16<UInt8>(repeating: 0x9F), xA0 = SIMD16<UInt8>(repeating: 0xA0)
        let x8F = SIMD16<UInt8>(repeating: 0x8F), x90 = SIMD16<UInt8>(repeating: 0x90)

        /// Whether the sixteen bytes at `p` are well-formed; the three bytes before `p` are read.
        ///
        /// Two steps: where every byte is a continuation byte exactly where one is expected and
        /// no lead byte among them restricts its second byte or is one UTF-8 never uses (most
        /// blocks), the block is well-formed; otherwise the restricted leads' second bytes are
        /// checked against their ranges.
        @inline(__always)
        func isWellFormed(_ p: UnsafePointer<UInt8>) -> Bool {
            let raw = UnsafeRawPointer(p)
            let v0 = raw.loadUnaligned(as: SIMD16<UInt8>.self)
            let v1 = raw.loadUnaligned(fromByteOffset: -1, as: SIMD16<UInt8>.self)
            let v2 = raw.loadUnaligned(fromByteOffset: -2, as: SIMD16<UInt8>.self)
            let v3 = raw.loadUnaligned(fromByteOffset: -3, as: SIMD16<UInt8>.self)
            let continuation = (v0 & xC0) .== x80
            let expected = (v1 .>= xC0) .| (v2 .>= xE0) .| (v3 .>= xF0)
            let unused = (v0 .>= xF5) .| (v0 .== xC0) .| (v0 .== xC1)
            let restricting = (v1 .>= xF0) .| (v1 .== xE0) .| (v1 .== xED)
            guard Self.any((continuation .^ expected) .| unused .| restricting) else { return true }
            let outOfRange = (v1 .== xE0) .& (v0 .< xA0) .| (v1 .== xED) .& (v0 .> x9F)
                .| (v1 .== xF0) .& (v0 .< x90) .| (v1 .== xF4) .& (v0 .> x8F)
            return !Self.any((continuation .^ expected) .| unused .| outOfRange)
        }

        /// Whether any lane is set, as one test of the mask's bits (the standard library's
        /// `any` is a call per block here).
        @inline(__always)
        static func any(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
            let lanes = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
            return lanes[0] | lanes[1] != 0
        }
    }

    /// `i`, or the lead byte of the sequence that the bytes before `i` (well-formed, checked by
    /// blocks) begin and `i` is inside of.
    @inline(__always)
    private static func sequenceStart(_ base: UnsafePointer<UInt8>, at i: Int) -> Int {
        for back in 1...3 {
            let b = base[i &- back]
            if b < 0x80 { return i }
            if b >= 0xC0 { return sequenceLength(lead: b) > back ? i &- back : i }
        }
        return i
    }

    /// The length of the sequence that `lead` starts: 2, 3 or 4 for a lead byte of a
    /// multi-byte sequence (`C2`–`F4`), 1 for any other byte.
    ///
    /// Only the lead byte is looked at; use ``validate(_:allowingIncompleteTail:)`` to check
    /// the bytes that follow it.
    @inlinable
    public static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }

    /// The error for the malformed sequence at `offset`: its lead byte and the continuation
    /// bytes that follow it, at most `maximumLength` bytes in all.
    private static func error(
        _ reason: InvalidUTF8Error.Reason, _ base: UnsafePointer<UInt8>, _ offset: Int, _ count: Int,
        maximumLength: Int
    ) -> InvalidUTF8Error {
        var end = offset &+ 1
        while end < count && end &- offset < maximumLength && base[end] & 0xC0 == 0x80 { end &+= 1 }
        return InvalidUTF8Error(
            byteOffset: offset, reason: reason,
            bytes: Array(UnsafeBufferPointer(start: base + offset, count: end &- offset)))
    }
}
