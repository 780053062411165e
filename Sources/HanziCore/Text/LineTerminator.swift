/// The line terminators of Unicode text (UAX #14's mandatory breaks): LF, VT, FF, CR, NEL,
/// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR, found in UTF-8 bytes.
///
/// ``LineBoundary`` cuts at LF and CR only (what every line-local step agrees on); this type
/// is for the steps that see every kind of line break, such as the column rejoiner.
package enum LineTerminator: Sendable, Hashable {
    /// LF, VT, CR (a CR LF pair is one break), NEL, U+2028.
    case line
    /// FF: a line break that is also a page break.
    case page
    /// U+2029: a line break that is also a paragraph break.
    case paragraph

    /// What the bytes at an offset are.
    package enum Match: Sendable, Hashable {
        /// A terminator of `length` bytes.
        case terminator(LineTerminator, length: Int)
        /// The first bytes of a multi-byte terminator, cut off by the end of the bytes.
        case incomplete
        /// No terminator.
        case none
    }

    /// The offset of the first byte in `text[start..<end]` that can begin a terminator (a byte
    /// below 0x0E, or the lead bytes 0xC2 and 0xE2 of NEL and U+2028/U+2029), or `end`.
    /// Reads sixteen bytes a step with vector compares (SSE2 on x86-64, NEON on ARM), then eight.
    /// (Testing the bytes after an E2 as well, so that the quotes and dashes of Chinese text do
    /// not stop it, cost more than it saved on lines of a column's width.)
    @inlinable
    package static func firstCandidate(in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard let base = text.baseAddress else { return end }
        var i = start
        // vectors made once: compared with scalars, the comparisons are not vector instructions
        let x0E = SIMD16<UInt8>(repeating: 0x0E), xC2 = SIMD16<UInt8>(repeating: 0xC2)
        let xE2 = SIMD16<UInt8>(repeating: 0xE2)
        while i &+ 16 <= end {
            let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
            let candidates: SIMDMask<SIMD16<Int8>> = (v .< x0E) .| (v .== xC2) .| (v .== xE2)
            let hits = unsafeBitCast(candidates, to: SIMD2<UInt64>.self)
            if hits[0] != 0 { return i &+ hits[0].trailingZeroBitCount &>> 3 }
            if hits[1] != 0 { return i &+ 8 &+ hits[1].trailingZeroBitCount &>> 3 }
            i &+= 16
        }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i &+ 8 <= end {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // a byte below 0x0E, or equal to 0xC2 or 0xE2 (the lowest flag is exact)
            let low = (x &- ones &* 0x0E) & ~x & highs
            let c2 = x ^ (ones &* 0xC2), e2 = x ^ (ones &* 0xE2)
            let hits = low | ((c2 &- ones) & ~c2 & highs) | ((e2 &- ones) & ~e2 & highs)
            if hits != 0 { return i &+ hits.trailingZeroBitCount &>> 3 }
            i &+= 8
        }
        while i < end {
            let b = base[i]
            if b <= ASCII.carriageReturn || b == 0xC2 || b == 0xE2 { return i }
            i &+= 1
        }
        return end
    }

    /// The terminator that begins at `i` in `text[..<end]` (`i < end`).
    @inlinable
    package static func match(in text: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Match {
        switch text[i] {
        case ASCII.lineFeed, lineTabulation, ASCII.carriageReturn:
            return .terminator(.line, length: 1)
        case formFeed:
            return .terminator(.page, length: 1)
        case 0xC2:
            // NEL, U+0085: C2 85
            guard i &+ 1 < end else { return .incomplete }
            return text[i &+ 1] == 0x85 ? .terminator(.line, length: 2) : .none
        case 0xE2:
            // U+2028, U+2029: E2 80 A8, E2 80 A9
            guard i &+ 2 < end else { return .incomplete }
            guard text[i &+ 1] == 0x80 else { return .none }
            switch text[i &+ 2] {
            case 0xA8: return .terminator(.line, length: 3)
            case 0xA9: return .terminator(.paragraph, length: 3)
            default: return .none
            }
        default:
            return .none
        }
    }

    /// VT, U+000B.
    @usableFromInline static let lineTabulation: UInt8 = 0x0B
    /// FF, U+000C.
    @usableFromInline static let formFeed: UInt8 = 0x0C
}
