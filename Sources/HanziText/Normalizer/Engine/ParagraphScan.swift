import HanziCore

/// The fast path: splits the input into blank lines and paragraphs, copies a paragraph in
/// which no pass's trigger occurs (``NormalizationTriggers``), and gives the others to the
/// engine (``flushParagraph(_:_:_:_:_:_:)``).
extension PunctuationNormalizer {
    /// A lead byte of a three-byte UTF-8 sequence in U+4000...U+9FFF (E4...E9), where the
    /// common Han characters are: `b &- hanLeadFirst < hanLeadCount`.
    static let hanLeadFirst: UInt8 = 0xE4
    static let hanLeadCount: UInt8 = 6


    /// Splits `p` into blank lines and paragraphs; copies paragraphs without triggers and
    /// runs the others through the engine.
    func normalize(buffer p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        triggers.ascii.withUnsafeBufferPointer { asciiTriggers in
            normalize(buffer: p, asciiTriggers: asciiTriggers, into: &out)
        }
    }

    fileprivate func normalize(buffer p: UnsafeBufferPointer<UInt8>, asciiTriggers: UnsafeBufferPointer<Bool>,
                           into out: inout [UInt8]) {
        let n = p.count
        var scratch = NormalizationScratch()
        var i = 0
        var paragraphStart = 0
        var paragraphHasTrigger = false
        while i < n {
            // One line: [i, lineEnd), terminated by \n at lineEnd (or the end of input).
            let lineStart = i
            var blank = true
            var trigger = false
            var afterHan = false
            while i < n {
                let b = p[i]
                if b == 0x0A { break }
                if b < 0x80 {
                    if b != 0x20 && b != 0x09 && b != 0x0D { blank = false }
                    if asciiTriggers[Int(b)] && !triggers.isInert(p, i, afterHan: afterHan) {
                        trigger = true
                        if !blank { break }
                    }
                    afterHan = false
                    i += 1
                    continue
                }
                // U+4000...U+9FFF (Han): never a trigger.
                if b &- Self.hanLeadFirst < Self.hanLeadCount && i + 2 < n && p[i + 1] & 0xC0 == 0x80 && p[i + 2] & 0xC0 == 0x80 {
                    blank = false
                    afterHan = true
                    i += 3
                    // The rest of the run of Han characters, without the other checks.
                    while i + 2 < n {
                        let c = p[i]
                        guard c &- Self.hanLeadFirst < Self.hanLeadCount, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 else { break }
                        i += 3
                    }
                    continue
                }
                afterHan = false
                let v: UInt32, len: Int
                if b >= 0xE1 && b <= 0xEF && b != 0xED && i + 2 < n && p[i + 1] & 0xC0 == 0x80 && p[i + 2] & 0xC0 == 0x80 {
                    // A valid three-byte sequence (these lead bytes allow no overlong form
                    // and no surrogate).
                    v = UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                    len = 3
                } else {
                    (v, len) = UTF8Codec.decode(p, i)
                }
                if !NormalizationScalar.isSpace(v) { blank = false }
                var run = 1
                if NormalizationEngine.isRunScalar(v) {
                    var k = i + len
                    while k + len <= n && UTF8Codec.decode(p, k).0 == v { run += 1; k += len }
                    i = k
                } else {
                    i += len
                }
                if triggers.isTrigger(v, runLength: run) {
                    trigger = true
                    if !blank { break }
                }
            }
            if trigger && !blank {
                // The line goes to the engine: only its end matters now.
                i = Self.lineEnd(p, from: i)
            }
            let lineEnd = min(i, n)
            if i < n { i += 1 }  // the \n
            if blank {
                flushParagraph(p, paragraphStart, lineStart, paragraphHasTrigger, &out, &scratch)
                // A blank line keeps only its line break (and a \r before it).
                if lineEnd > lineStart && p[lineEnd - 1] == 0x0D { out.append(0x0D) }
                if lineEnd < n { out.append(0x0A) }
                paragraphStart = i
                paragraphHasTrigger = false
            } else if trigger {
                paragraphHasTrigger = true
            }
        }
        flushParagraph(p, paragraphStart, n, paragraphHasTrigger, &out, &scratch)
    }

    /// The index of the first line feed at or after `start`, or `p.count`; eight bytes
    /// at a time.
    @inline(__always)
    static func lineEnd(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = p.count
        var i = start
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                // A zero byte in `w` is a line feed in the input.
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                if (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
        }
        while i < n && p[i] != 0x0A { i += 1 }
        return i
    }
}
