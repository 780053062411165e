/// Normalises punctuation and spacing of Chinese text to one regional convention.
///
/// ```swift
/// let normalizer = PunctuationNormalizer(style: .mainland)
/// normalizer.normalize("（2024年7月4日,阿斯塔纳）近 40 年「上海精神」")
/// // "（2024年7月4日，阿斯塔纳）近40年“上海精神”"
/// ```
///
/// What it does, for the chosen ``Style``:
/// - quotation marks are converted pair by pair and by nesting level (`「『』」` ⇄ `“‘’”`),
///   straight quotes in Chinese context become the style's quotes, and an apostrophe
///   (`It’s`, `don't`) is never a quote;
/// - ASCII `, . ; : ? ! ( )` next to Chinese text become full width (brackets as pairs);
/// - full-width letters, digits and symbols (`ＡＢＣ１２３`) become ASCII, except the
///   style's own punctuation;
/// - in Chinese context `...`, `。。。` and a single `…` become `……`, `--`, a single `—`
///   and runs of `─` become `——`, and middle-dot variants between names become the
///   style's interpunct;
/// - spaces: see ``Options``. Spaces between two CJK characters are separators and stay,
///   as does a single space after `。！？`, after a closing bracket or quote, and after a
///   dateline (`新华社北京7月6日电 2024年…`).
///
/// URLs, e-mail addresses, file paths, numbers (`3.14`, `1,000`, `10:30`), inline code,
/// emoticons and English sentences are left alone. No Han character, letter or digit is
/// ever changed, except a full-width letter or digit becoming ASCII; there is no NFKC and
/// no script conversion.
///
/// **Locality.** Every decision looks only inside one paragraph (a run of non-blank lines;
/// a blank line is empty or holds only spaces). Normalising a text therefore gives the same
/// bytes as normalising each paragraph separately and concatenating the results, so a
/// caller may stream a text paragraph by paragraph. Blank lines lose their spaces.
///
/// **Idempotence.** `normalize(normalize(x)) == normalize(x)` byte for byte, for every input.
public struct PunctuationNormalizer: Sendable {
    /// What to do with spaces between CJK characters and Latin letters or digits.
    public enum Spacing: String, Sendable, CaseIterable {
        /// Remove them (newspaper style): `近 40 年` → `近40年`. A space after a dateline
        /// (`…日电 2024年`) and next to a URL, path or inline code stays.
        case remove
        /// Exactly one space between CJK letters and Latin letters or digits, none next to
        /// full-width punctuation (as pangu and autocorrect format): `近40年` → `近 40 年`.
        case insert
        /// Leave them as they are (runs of spaces are still collapsed).
        case keep
    }

    /// What to do with the white space that starts a line (a paragraph indent such as `　　`).
    public enum Indent: String, Sendable, CaseIterable {
        /// Keep it byte for byte.
        case keep
        /// Remove it.
        case remove
    }

    /// Options of the normaliser.
    public struct Options: Sendable, Equatable {
        /// Spaces between CJK and Latin letters or digits; `.remove` by default.
        public var spacing: Spacing
        /// The white space at the start of a line; `.keep` by default.
        public var indent: Indent

        /// Creates options; the defaults give newspaper style.
        public init(spacing: Spacing = .remove, indent: Indent = .keep) {
            self.spacing = spacing
            self.indent = indent
        }
    }

    /// The punctuation style the text is normalised to.
    public let style: Style
    /// The spacing options.
    public let options: Options

    let engine: NormalizationEngine
    let triggers: NormalizationTriggers
    /// Tests set this to run every paragraph through the engine (no fast path).
    var alwaysUseEngine = false
    /// Tests clear this to give the engine every Han character (no elided runs).
    var elideHanRuns = true

    /// Creates a normaliser for `style` with `options`.
    public init(style: Style = .mainland, options: Options = .init()) {
        self.style = style
        self.options = options
        self.engine = NormalizationEngine(style: style, options: options)
        self.triggers = NormalizationTriggers(style: engine.style, options: options)
    }

    /// Returns `text` normalised.
    public func normalize(_ text: String) -> String {
        var out: [UInt8] = []
        var copy = text
        copy.withUTF8 { normalize(buffer: $0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Returns the UTF-8 bytes `utf8` normalised. Invalid UTF-8 bytes are copied unchanged;
    /// no input makes it fail.
    public func normalize(utf8: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        normalize(utf8: utf8, into: &out)
        return out
    }

    /// Appends the normalised form of the UTF-8 bytes `utf8` to `output`.
    public func normalize(utf8: some Collection<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + utf8.count + utf8.count / 16)
        let done: Void? = utf8.withContiguousStorageIfAvailable { normalize(buffer: $0, into: &output) }
        if done == nil {
            let bytes = Array(utf8)
            bytes.withUnsafeBufferPointer { normalize(buffer: $0, into: &output) }
        }
    }

    /// Splits `p` into blank lines and paragraphs; copies paragraphs without triggers and
    /// runs the others through the engine.
    func normalize(buffer p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        triggers.ascii.withUnsafeBufferPointer { asciiTriggers in
            normalize(buffer: p, asciiTriggers: asciiTriggers, into: &out)
        }
    }

    private func normalize(buffer p: UnsafeBufferPointer<UInt8>, asciiTriggers: UnsafeBufferPointer<Bool>,
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
                if b &- 0xE4 < 6 && i + 2 < n && p[i + 1] & 0xC0 == 0x80 && p[i + 2] & 0xC0 == 0x80 {
                    blank = false
                    afterHan = true
                    i += 3
                    // The rest of the run of Han characters, without the other checks.
                    while i + 2 < n {
                        let c = p[i]
                        guard c &- 0xE4 < 6, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 else { break }
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
                    (v, len) = NormalizationUTF8.decode(p, i)
                }
                if !NormalizationScalar.isSpace(v) { blank = false }
                var run = 1
                if NormalizationEngine.isRunScalar(v) {
                    var k = i + len
                    while k + len <= n && NormalizationUTF8.decode(p, k).0 == v { run += 1; k += len }
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

    private func flushParagraph(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                _ hasTrigger: Bool, _ out: inout [UInt8],
                                _ scratch: inout NormalizationScratch) {
        guard start < end else { return }
        if !hasTrigger && !alwaysUseEngine {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<end]))
            return
        }
        let sub = UnsafeBufferPointer(rebasing: p[start..<end])
        // Decode; the middle of each run of 6 or more common Han characters becomes one
        // placeholder scalar (see `NormalizationScalar.hanRunBase`).
        var elidedStart = NormalizationScratch.take(&scratch.elidedStart)
        var elidedEnd = NormalizationScratch.take(&scratch.elidedEnd)
        var scalars = NormalizationScratch.take(&scratch.scalars)
        defer {
            scratch.elidedStart = elidedStart
            scratch.elidedEnd = elidedEnd
            scratch.scalars = scalars
        }
        elidedStart.removeAll(keepingCapacity: true)
        elidedEnd.removeAll(keepingCapacity: true)
        NormalizationScratch.resize(&scalars, to: sub.count)
        let scalarCount = scalars.withUnsafeMutableBufferPointer { buf in
            var i = 0
            var k = 0
            var runStart = 0  // index in buf of the current Han run
            var runByte = 0  // its byte offset (every scalar in it has 3 bytes)
            var inRun = false
            @inline(__always) func closeRun() {
                let len = k - runStart
                if len >= 6 && elideHanRuns {
                    // keep the first scalar, a placeholder for the middle, the last three
                    buf[runStart + 1] = NormalizationScalar.hanRunBase + UInt32(elidedStart.count)
                    elidedStart.append(runByte + 3)
                    elidedEnd.append(runByte + 3 * (len - 3))
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
                guard b0 &- 0xE4 < 6, j + 2 < n else { return nil }
                let b1 = sub[j + 1], b2 = sub[j + 2]
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return nil }
                let v = UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
                return v >= 0x4E00 ? v : nil
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
                    let (v, len) = NormalizationUTF8.decode(sub, i)
                    buf[k] = v
                    i += len
                }
                k += 1
            }
            if inRun { closeRun() }
            return k
        }
        NormalizationScratch.resize(&scalars, to: scalarCount)
        engine.normalizeParagraph(&scalars, scratch: &scratch, triggers: triggers)
        let result = scalars
        var size = 0
        for v in result {
            if v >= NormalizationScalar.hanRunBase {
                let r = Int(v - NormalizationScalar.hanRunBase)
                size += elidedEnd[r] - elidedStart[r]
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
                    for j in elidedStart[r]..<elidedEnd[r] { o[k] = sub[j]; k += 1 }
                } else {
                    NormalizationUTF8.encode(v, into: o, at: &k)
                }
            }
            return k
        }
        out.removeSubrange(written...)
    }
}
