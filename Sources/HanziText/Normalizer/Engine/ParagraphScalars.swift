import HanziCore

/// A paragraph on its way through the engine: decoded from UTF-8 to scalars, with the
/// middle of each long run of common Han characters elided, and encoded back.
extension PunctuationNormalizer {
    /// The shortest run of common Han characters whose middle is elided: the engine keeps
    /// its first scalar and its last three (no rule looks further into a run), so a run of
    /// this length or more saves work.
    static let minimumElidedRun = 6

    /// Appends the paragraph `p[start..<end]` normalised by the engine to `out`.
    func flushParagraph(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                        _ out: inout [UInt8], _ scratch: inout NormalizationScratch) {
        guard start < end else { return }
        let sub = UnsafeBufferPointer(rebasing: p[start..<end])
        var d = NormalizationScratch.take(&scratch.decoded)
        defer { scratch.decoded = d }
        decode(sub, into: &d)
        engine.normalizeParagraph(&d.scalars, scratch: &scratch, triggers: triggers)
        encode(d, of: sub, into: &out)
    }

    /// Decodes the paragraph `sub` into `d`; the middle of each run of 6 or more common
    /// Han characters becomes one placeholder scalar (see `NormalizationScalar.hanRunBase`).
    func decode(_ sub: UnsafeBufferPointer<UInt8>, into d: inout NormalizationScratch.Decoded) {
        d.elidedStart.removeAll(keepingCapacity: true)
        d.elidedEnd.removeAll(keepingCapacity: true)
        NormalizationScratch.resize(&d.scalars, to: sub.count)
        let scalarCount = d.scalars.withUnsafeMutableBufferPointer { buf in
            var i = 0
            var k = 0
            var runStart = 0  // index in buf of the current Han run
            var runByte = 0  // its byte offset (every scalar in it has 3 bytes)
            var inRun = false
            @inline(__always) func closeRun() {
                let len = k - runStart
                if len >= Self.minimumElidedRun && elideHanRuns {
                    // keep the first scalar, a placeholder for the middle, the last three
                    buf[runStart + 1] = NormalizationScalar.hanRunBase + UInt32(d.elidedStart.count)
                    d.elidedStart.append(runByte + 3)
                    d.elidedEnd.append(runByte + 3 * (len - 3))
                    buf[runStart + 2] = buf[k - 3]
                    buf[runStart + 3] = buf[k - 2]
                    buf[runStart + 4] = buf[k - 1]
                    k = runStart + 5
                }
                inRun = false
            }
            let n = sub.count
            /// The scalar at `j` if it is a common Han character (U+4E00...U+9FFF).
            @inline(__always) func commonHan(_ j: Int) -> UInt32? {
                let b0 = sub[j]
                guard b0 &- Self.hanLeadFirst < Self.hanLeadCount, j + 2 < n else { return nil }
                let b1 = sub[j + 1], b2 = sub[j + 2]
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return nil }
                let v = UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
                return v >= NormalizationScalar.commonHanFirst ? v : nil
            }
            while i < n {
                let b = sub[i]
                if let v = commonHan(i) {
                    if !inRun { inRun = true; runStart = k; runByte = i }
                    buf[k] = v
                    k += 1
                    i += 3
                    // The rest of the run.
                    while i < n, let v = commonHan(i) {
                        buf[k] = v
                        k += 1
                        i += 3
                    }
                    continue
                }
                if inRun { closeRun() }
                if b < 0x80 {
                    buf[k] = UInt32(b)
                    i += 1
                } else {
                    let (v, len) = UTF8Codec.decode(sub, i)
                    buf[k] = v
                    i += len
                }
                k += 1
            }
            if inRun { closeRun() }
            return k
        }
        NormalizationScratch.resize(&d.scalars, to: scalarCount)
    }

    /// Appends the UTF-8 form of the scalars of `d`, the elided Han runs copied back from
    /// the paragraph `sub` they were decoded from.
    func encode(_ d: NormalizationScratch.Decoded, of sub: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let result = d.scalars
        var size = 0
        for v in result {
            if v >= NormalizationScalar.hanRunBase {
                let r = Int(v - NormalizationScalar.hanRunBase)
                size += d.elidedEnd[r] - d.elidedStart[r]
            } else {
                size += 4
            }
        }
        let base = out.count
        out.append(contentsOf: repeatElement(0, count: size))
        let written = out.withUnsafeMutableBufferPointer { o in
            var k = base
            for v in result {
                if v >= NormalizationScalar.hanRunBase {
                    let r = Int(v - NormalizationScalar.hanRunBase)
                    for j in d.elidedStart[r]..<d.elidedEnd[r] { o[k] = sub[j]; k += 1 }
                } else {
                    UTF8Codec.encode(v, into: o, at: &k)
                }
            }
            return k
        }
        out.removeSubrange(written...)
    }
}
