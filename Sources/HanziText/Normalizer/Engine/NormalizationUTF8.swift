/// UTF-8 decoding and encoding for the normaliser's scalar buffers, where an invalid byte
/// travels as `rawByteBase | byte`.
enum NormalizationUTF8 {
    /// Decodes the scalar at `i`: `(value, length)`. An invalid byte decodes as
    /// `rawByteBase | byte` with length 1, so that it is written back unchanged.
    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let n = p.count
        let b0 = p[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let raw = (NormalizationScalar.rawByteBase | UInt32(b0), 1)
        @inline(__always) func cont(_ k: Int) -> UInt32? {
            guard k < n else { return nil }
            let b = p[k]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        if b0 < 0xC2 { return raw }
        if b0 < 0xE0 {
            guard let c1 = cont(i + 1) else { return raw }
            return (UInt32(b0 & 0x1F) << 6 | c1, 2)
        }
        if b0 < 0xF0 {
            guard let c1 = cont(i + 1), let c2 = cont(i + 2) else { return raw }
            let v = UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2
            if v < 0x800 || (v >= 0xD800 && v <= 0xDFFF) { return raw }
            return (v, 3)
        }
        if b0 < 0xF5 {
            guard let c1 = cont(i + 1), let c2 = cont(i + 2), let c3 = cont(i + 3) else { return raw }
            let v = UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            if v < 0x10000 || v > 0x10FFFF { return raw }
            return (v, 4)
        }
        return raw
    }

    /// Writes the UTF-8 form of `v` (or the raw byte it stands for) at `k` and advances it;
    /// `o` has room for four bytes at `k`.
    @inline(__always)
    static func encode(_ v: UInt32, into o: UnsafeMutableBufferPointer<UInt8>, at k: inout Int) {
        if v < 0x80 {
            o[k] = UInt8(v); k += 1
        } else if v < 0x800 {
            o[k] = UInt8(0xC0 | v >> 6); o[k + 1] = UInt8(0x80 | v & 0x3F); k += 2
        } else if v < 0x10000 {
            o[k] = UInt8(0xE0 | v >> 12); o[k + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
            o[k + 2] = UInt8(0x80 | v & 0x3F); k += 3
        } else if v < NormalizationScalar.rawByteBase {
            o[k] = UInt8(0xF0 | v >> 18); o[k + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
            o[k + 2] = UInt8(0x80 | (v >> 6) & 0x3F); o[k + 3] = UInt8(0x80 | v & 0x3F); k += 4
        } else {
            o[k] = UInt8(truncatingIfNeeded: v); k += 1
        }
    }
}
