/// Checks that bytes are well-formed UTF-8 (The Unicode Standard, table 3-7; RFC 3629).
///
/// The one UTF-8 check of the package: the byte-level `ChineseConverter` APIs run it before
/// any byte reaches libopencc (which reads past the end of its buffer on a truncated sequence
/// and passes other malformed bytes through), and ``UTF8StreamValidator`` runs it over input
/// that arrives in chunks.
///
/// Runs of ASCII are skipped sixteen bytes at a time, runs of three-byte sequences (Chinese
/// text) checked four sequences at a time; other multi-byte sequences are checked by
/// comparing the lead byte and the second byte against the ranges of table 3-7. The first
/// malformed sequence is reported where the standard library's decoder reports it.
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
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i < count {
            // Run of three-byte sequences (most Chinese text): lead E1-EC or EE-EF, whose
            // second byte may be any continuation byte. Four of them (twelve bytes) are
            // checked with two eight-byte loads, six bytes of each: the lead and continuation
            // bits under one mask, and the leads' low four bits against E0 and ED (bits 0
            // and 13 of `restrictedLeads`) by a shift each. What is left of such a run goes
            // one sequence at a time, with one four-byte load each. E0 and ED (restricted
            // second byte) and everything else take the general path.
            while true {
                while i &+ 14 <= count {
                    let raw = UnsafeRawPointer(base + i)
                    let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
                    let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 6, as: UInt64.self))
                    if ((first ^ twoSequences) | (second ^ twoSequences)) & twoSequencesMask != 0 { break }
                    let restricted = restrictedLeads &>> (first & 0xF) | restrictedLeads &>> (first &>> 24 & 0xF)
                        | restrictedLeads &>> (second & 0xF) | restrictedLeads &>> (second &>> 24 & 0xF)
                    if restricted & 1 != 0 { break }
                    i &+= 12
                }
                guard i &+ 4 <= count else { break }
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self).littleEndian
                let lead = word & 0xFF
                guard word & 0x00C0_C0F0 == 0x0080_80E0, lead != 0xE0, lead != 0xED else { break }
                i &+= 3
            }
            guard i < count else { break }
            let lead = base[i]
            if lead < 0x80 {
                i &+= 1
                // ASCII run: sixteen bytes per step while no byte has its high bit set.
                while i &+ 16 <= count {
                    let raw = UnsafeRawPointer(base + i)
                    let word = raw.loadUnaligned(as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    if word & highBits != 0 { break }
                    i &+= 16
                }
                while i < count && base[i] < 0x80 { i &+= 1 }
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

    /// Two three-byte sequences in the low six bytes of a word (first byte lowest): the bits
    /// that `twoSequencesMask` keeps are `1110` over each lead and `10` over each continuation.
    private static let twoSequences: UInt64 = 0x0000_8080_E080_80E0
    private static let twoSequencesMask: UInt64 = 0x0000_C0C0_F0C0_C0F0
    /// Bit `n` set for the three-byte leads `En` whose second byte is restricted: E0 and ED.
    private static let restrictedLeads: UInt64 = 1 << 0x0 | 1 << 0xD

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
