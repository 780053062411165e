/// The one UTF-8 scalar codec of the package: decodes the scalar at an offset and encodes a
/// scalar back to bytes, for the engines that look at text one scalar at a time (the
/// rejoiner's line measuring, the normaliser, the JSON Lines string codec).
///
/// Decoding never fails: a byte that does not start a well-formed sequence (The Unicode
/// Standard, table 3-7) decodes, with length 1, to ``invalidByteBase`` plus the byte, a value
/// outside Unicode; encoding such a value writes the byte back. So a text that is not valid
/// UTF-8 goes through decode and encode unchanged, and a caller that has validated its input
/// never sees such a value.
///
/// Written by hand rather than with the standard library's `Unicode.UTF8` parser because the
/// hot paths need a branch-light decoder over raw buffers that keeps bad bytes instead of
/// replacing them with U+FFFD.
package enum UTF8Codec {
    /// The value a byte that starts no well-formed sequence decodes to, plus the byte itself:
    /// the first value above the Unicode range (U+10FFFF).
    package static let invalidByteBase: UInt32 = 0x11_0000

    /// The largest number of bytes one scalar takes.
    package static let maximumSequenceLength = 4

    /// Decodes the scalar that starts at `i` (`i < end`) in `p`, reading no byte at or after
    /// `end`: its value and its length in bytes.
    @inlinable @inline(__always)
    package static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 >= 0xC2 && b0 < 0xE0 {
            if i &+ 1 < end {
                let b1 = UInt32(p[i &+ 1])
                if b1 & 0xC0 == 0x80 { return ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2) }
            }
        } else if b0 >= 0xE0 && b0 < 0xF0 {
            if i &+ 2 < end {
                let b1 = UInt32(p[i &+ 1]), b2 = UInt32(p[i &+ 2])
                if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
                    let v = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
                    // Not overlong, not a UTF-16 surrogate.
                    if v >= 0x800 && (v < 0xD800 || v > 0xDFFF) { return (v, 3) }
                }
            }
        } else if b0 >= 0xF0 && b0 < 0xF5 {
            if i &+ 3 < end {
                let b1 = UInt32(p[i &+ 1]), b2 = UInt32(p[i &+ 2]), b3 = UInt32(p[i &+ 3])
                if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 && b3 & 0xC0 == 0x80 {
                    let v = (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F)
                    if v >= 0x1_0000 && v <= 0x10_FFFF { return (v, 4) }
                }
            }
        }
        return (invalidByteBase &+ b0, 1)
    }

    /// Decodes the scalar that starts at `i` (`i < bytes.count`) in `bytes`.
    @inlinable @inline(__always)
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: UInt32, length: Int) {
        decode(bytes.baseAddress!, i, bytes.count)
    }

    /// The number of bytes ``encode(_:into:)`` writes for `scalar`: 1 to 4, and 1 for an
    /// invalid byte's value.
    @inlinable @inline(__always)
    package static func encodedLength(_ scalar: UInt32) -> Int {
        if scalar < 0x80 { return 1 }
        if scalar < 0x800 { return 2 }
        if scalar < 0x1_0000 { return 3 }
        if scalar < invalidByteBase { return 4 }
        return 1
    }

    /// Appends the UTF-8 form of `scalar`, or the byte it stands for when it is an invalid
    /// byte's value (``invalidByteBase`` plus the byte).
    @inlinable @inline(__always)
    package static func encode(_ scalar: UInt32, into output: inout [UInt8]) {
        let v = scalar
        if v < 0x80 {
            output.append(UInt8(v))
        } else if v < 0x800 {
            output.append(UInt8(0xC0 | v >> 6))
            output.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x1_0000 {
            output.append(UInt8(0xE0 | v >> 12))
            output.append(UInt8(0x80 | (v >> 6) & 0x3F))
            output.append(UInt8(0x80 | v & 0x3F))
        } else if v < invalidByteBase {
            output.append(UInt8(0xF0 | v >> 18))
            output.append(UInt8(0x80 | (v >> 12) & 0x3F))
            output.append(UInt8(0x80 | (v >> 6) & 0x3F))
            output.append(UInt8(0x80 | v & 0x3F))
        } else {
            output.append(UInt8(truncatingIfNeeded: v))
        }
    }

    /// Writes the UTF-8 form of `scalar` (or the invalid byte it stands for) at `k` in
    /// `output` and moves `k` past it; `output` has room for
    /// ``maximumSequenceLength`` bytes at `k`.
    @inlinable @inline(__always)
    package static func encode(_ scalar: UInt32, into output: UnsafeMutableBufferPointer<UInt8>, at k: inout Int) {
        let v = scalar
        if v < 0x80 {
            output[k] = UInt8(v)
            k &+= 1
        } else if v < 0x800 {
            output[k] = UInt8(0xC0 | v >> 6)
            output[k &+ 1] = UInt8(0x80 | v & 0x3F)
            k &+= 2
        } else if v < 0x1_0000 {
            output[k] = UInt8(0xE0 | v >> 12)
            output[k &+ 1] = UInt8(0x80 | (v >> 6) & 0x3F)
            output[k &+ 2] = UInt8(0x80 | v & 0x3F)
            k &+= 3
        } else if v < invalidByteBase {
            output[k] = UInt8(0xF0 | v >> 18)
            output[k &+ 1] = UInt8(0x80 | (v >> 12) & 0x3F)
            output[k &+ 2] = UInt8(0x80 | (v >> 6) & 0x3F)
            output[k &+ 3] = UInt8(0x80 | v & 0x3F)
            k &+= 4
        } else {
            output[k] = UInt8(truncatingIfNeeded: v)
            k &+= 1
        }
    }
}
