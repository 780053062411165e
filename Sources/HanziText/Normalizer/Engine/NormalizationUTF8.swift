/// UTF-8 decoding and encoding for the normaliser, and the fast scan that finds
/// paragraphs that need no change.
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

    /// Appends the UTF-8 form of `v` (or the raw byte it stands for).
    @inline(__always)
    static func encode(_ v: UInt32, into out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        } else if v < NormalizationScalar.rawByteBase {
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(truncatingIfNeeded: v))
        }
    }
}

/// The bytes and scalars that can make the engine change a paragraph. A paragraph with
/// none of them is copied as it is (the fast path).
struct NormalizationTriggers: Sendable {
    /// ASCII bytes that may change or make a space change.
    let ascii: [Bool]
    let style: StyleValues
    let insertSpaces: Bool

    init(style: StyleValues, options: PunctuationNormalizer.Options) {
        var a = [Bool](repeating: false, count: 128)
        for b in Array(" \t!\"'(),-.:;?".utf8) { a[Int(b)] = true }
        if options.spacing == .insert {
            for b in 0x30...0x39 { a[b] = true }
            for b in 0x41...0x5A { a[b] = true; a[b + 0x20] = true }
            a[0x25] = true
        }
        ascii = a
        self.style = style
        self.insertSpaces = options.spacing == .insert
    }

    /// Whether the ASCII trigger byte at `i` is one that never changes anything: a single
    /// space between two Han characters, `.` `,` `:` between two digits (3.14, 1,000,
    /// 10:30), a single `-`.
    @inline(__always)
    func isInert(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, afterHan: Bool) -> Bool {
        let b = p[i]
        let next: UInt8 = i + 1 < p.count ? p[i + 1] : 0
        switch b {
        case 0x20:
            return afterHan && next >= 0xE4 && next <= 0xE9
        case 0x2E, 0x2C, 0x3A:
            return i > 0 && p[i - 1] &- 0x30 < 10 && next &- 0x30 < 10
        case 0x2D:
            return next != 0x2D && (i == 0 || p[i - 1] != 0x2D)
        default:
            return false
        }
    }

    /// Whether the engine would leave the paragraph `v` (its scalars, as the engine holds
    /// them) unchanged, judged by the same triggers as the fast scan: `v` is a fixed point
    /// when it has no trigger and no blank line. Conservative: `false` only costs the
    /// engine another round.
    func isFixedPoint(_ v: [UInt32]) -> Bool {
        v.withUnsafeBufferPointer { p in
            let n = p.count
            var afterHan = false
            var blankLine = true
            var i = 0
            while i < n {
                let c = p[i]
                if c < 0x80 {
                    if c == 0x0A {
                        if blankLine { return false }
                        afterHan = false
                        i += 1
                        continue
                    }
                    if c != 0x20 && c != 0x09 && c != 0x0D { blankLine = false }
                    if ascii[Int(c)] {
                        let prev: UInt32 = i > 0 ? p[i - 1] : 0
                        let next: UInt32 = i + 1 < n ? p[i + 1] : 0
                        let inert: Bool
                        switch c {
                        case 0x20: inert = afterHan && next &- 0x4000 < 0x6000
                        case 0x2E, 0x2C, 0x3A: inert = i > 0 && prev &- 0x30 < 10 && next &- 0x30 < 10
                        case 0x2D: inert = next != 0x2D && (i == 0 || prev != 0x2D)
                        default: inert = false
                        }
                        if !inert { return false }
                    }
                    afterHan = false
                    i += 1
                    continue
                }
                blankLine = false
                // U+4000...U+9FFF and the elided middles of Han runs: never a trigger.
                if c &- 0x4000 < 0x6000 || (c >= NormalizationScalar.hanRunBase) {
                    afterHan = true
                    i += 1
                    continue
                }
                afterHan = false
                var run = 1
                if c == 0x2026 || c == 0x2014 || c == 0x3002 {
                    while i + run < n && p[i + run] == c { run += 1 }
                }
                if isTrigger(c, runLength: run) { return false }
                i += run
            }
            return !blankLine || n == 0 || p[n - 1] == 0x0A
        }
    }

    /// Whether the non-ASCII scalar `v` may change or make a space change. `runLength`
    /// is the number of equal scalars starting here (for `…`, `—` and `。`).
    @inline(__always)
    func isTrigger(_ v: UInt32, runLength: Int) -> Bool {
        if NormalizationScalar.isSpace(v) { return true }
        if v &- 0xFF01 < 94 { return !style.isOwnFullwidth(v) }
        switch v {
        case 0x2026, 0x2014: return runLength == 1
        case 0x3002: return runLength >= 3
        case 0x300C, 0x300D, 0x300E, 0x300F: return style.outerOpen != 0x300C
        case 0x201C, 0x201D, 0x2018, 0x2019: return style.outerOpen != 0x201C
        case 0x2015, 0x2500: return true
        default: break
        }
        if insertSpaces && NormalizationScalar.isAlnumLike(v) { return true }
        // Middle-dot variants live below U+3000, at U+30FB and in U+FF00...U+FFEF.
        if (v >= 0x3000 && v != 0x30FB && v < 0xFF00) || v > 0xFFEF { return false }
        if v != style.interpunct && NormalizationTables.punctuationClass(v) == .dot { return true }
        return false
    }
}
