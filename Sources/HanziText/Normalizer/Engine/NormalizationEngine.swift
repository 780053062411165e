/// The normaliser's rules applied to one paragraph held as Unicode scalars.
///
/// A paragraph is a run of non-blank lines; nothing here looks outside it, which is what
/// makes normalising a text the same as normalising each paragraph on its own.
struct NormalizationEngine: Sendable {
    let style: StyleValues
    let options: PunctuationNormalizer.Options

    init(style: PunctuationNormalizer.Style, options: PunctuationNormalizer.Options) {
        switch style {
        case .mainland: self.style = NormalizationTables.mainland
        case .taiwan: self.style = NormalizationTables.taiwan
        case .hongkong: self.style = NormalizationTables.hongkong
        }
        self.options = options
    }

    /// Normalises `paragraph` in place until it no longer changes (at most a few rounds), so
    /// that the result is a fixed point: normalising it again gives the same scalars.
    /// The rounds work in `scratch`'s buffers. A round that changed something is followed
    /// by another only when `triggers` cannot tell that its result is a fixed point (the
    /// fast path's guarantee: a paragraph without triggers comes out unchanged).
    func normalizeParagraph(_ paragraph: inout [UInt32], scratch: inout NormalizationScratch,
                            triggers: NormalizationTriggers) {
        var next = NormalizationScratch.take(&scratch.next)
        defer { scratch.next = next }
        for _ in 0..<4 {
            transform(paragraph, into: &next, scratch: &scratch)
            if next == paragraph { return }
            swap(&paragraph, &next)
            if triggers.isFixedPoint(paragraph) { return }
        }
    }

    /// What a paragraph holds, so that a round can skip the passes that would find nothing.
    struct Features {
        var quotes = false, brackets = false, asciiPunctuation = false, runs = false, protectable = false
    }

    /// One round of all the rules: writes the result for `input` to `output`.
    func transform(_ input: [UInt32], into output: inout [UInt32], scratch: inout NormalizationScratch) {
        var v = NormalizationScratch.take(&scratch.v)
        var flags = NormalizationScratch.take(&scratch.flags)
        var w = NormalizationScratch.take(&scratch.w)
        var wf = NormalizationScratch.take(&scratch.wf)
        defer {
            scratch.v = v
            scratch.flags = flags
            scratch.w = w
            scratch.wf = wf
        }
        v.removeAll(keepingCapacity: true)
        v.append(contentsOf: input)
        let features = foldWidths(&v)
        let n = v.count
        flags.removeAll(keepingCapacity: true)
        flags.append(contentsOf: repeatElement(0, count: n))
        if features.protectable { NormalizationProtectedSpans.mark(v, &flags) }
        if features.quotes { convertQuotes(&v, &flags, scratch: &scratch) }
        if features.brackets { convertBrackets(&v, &flags, scratch: &scratch) }
        if features.asciiPunctuation { convertASCIIPunctuation(&v, &flags) }
        if features.runs {
            // Runs turn one scalar into at most two.
            NormalizationScratch.resize(&w, to: 2 * n + 2)
            NormalizationScratch.resize(&wf, to: 2 * n + 2)
            let count = w.withUnsafeMutableBufferPointer { wv in
                wf.withUnsafeMutableBufferPointer { wfv in
                    var out = RunOutput(v: wv, f: wfv, count: 0)
                    convertRuns(v, flags, &out)
                    return out.count
                }
            }
            NormalizationScratch.resize(&w, to: count)
            NormalizationScratch.resize(&wf, to: count)
        }
        let spaced = features.runs ? w : v
        let spacedFlags = features.runs ? wf : flags
        // Spacing adds at most one space per scalar.
        NormalizationScratch.resize(&output, to: 2 * spaced.count + 2)
        let count = output.withUnsafeMutableBufferPointer { ov in
            var out = RunOutput(v: ov, f: nil, count: 0)
            applySpacing(spaced, spacedFlags, &out)
            return out.count
        }
        NormalizationScratch.resize(&output, to: count)
    }

    /// An output buffer of scalars (and flags) a pass writes to.
    struct RunOutput {
        let v: UnsafeMutableBufferPointer<UInt32>
        let f: UnsafeMutableBufferPointer<UInt8>?
        var count: Int

        @inline(__always) var last: UInt32? { count > 0 ? v[count - 1] : nil }
        @inline(__always) var lastFlag: UInt8 { count > 0 ? (f?[count - 1] ?? 0) : 0 }
        @inline(__always) mutating func append(_ c: UInt32, _ flag: UInt8 = 0) {
            v.initializeElement(at: count, to: c)
            f?.initializeElement(at: count, to: flag)
            count += 1
        }
    }

    // MARK: Rule 3: full-width letters, digits and symbols

    /// Full-width ASCII forms become ASCII, except the style's own punctuation and a
    /// full-width full stop between two CJK letters (an interpunct, handled by the runs).
    /// Returns what the paragraph holds afterwards.
    func foldWidths(_ v: inout [UInt32]) -> Features {
        var features = Features()
        var pairedRuns = false
        let n = v.count
        for i in 0..<n {
            var c = v[i]
            if c &- 0x4E00 < 0x5200 { continue }  // Han: the common case
            if c &- 0xFF01 < 94 && !style.isOwnFullwidth(c)
                && !(c == 0xFF0E && i > 0 && i + 1 < n && NormalizationScalar.isLetter(v[i - 1])
                     && NormalizationScalar.isLetter(v[i + 1])) {
                c &-= 0xFEE0
                v[i] = c
            }
            if c < 0x80 {
                switch c {
                case 0x22, 0x27: features.quotes = true
                case 0x28, 0x29: features.brackets = true; features.protectable = true
                case 0x2C, 0x21, 0x3F: features.asciiPunctuation = true
                case 0x2E: features.asciiPunctuation = true; features.runs = true; features.protectable = true
                case 0x3A, 0x3B: features.asciiPunctuation = true; features.protectable = true
                case 0x2D: features.runs = true; features.protectable = true
                case 0x41...0x5A, 0x61...0x7A, 0x2F, 0x5C, 0x7E, 0x40, 0x60, 0x3D, 0x3C, 0x3E, 0x5E:
                    features.protectable = true
                default: break
                }
                continue
            }
            switch c {
            case 0x2018, 0x2019, 0x201C, 0x201D, 0x300C...0x300F: features.quotes = true
            case 0xFF08, 0xFF09: features.brackets = true
            case 0x3002:
                // Only a run of three or more changes (a `.` that may become `。` sets
                // `runs` by itself; no earlier pass makes a `。` otherwise).
                if i >= 2 && v[i - 1] == 0x3002 && v[i - 2] == 0x3002 { features.runs = true }
            case 0x2026, 0x2014:
                // Only a single one changes; a protected span can split a longer run.
                if (i == 0 || v[i - 1] != c) && (i + 1 == n || v[i + 1] != c) {
                    features.runs = true
                } else {
                    pairedRuns = true
                }
            case 0x2015, 0x2500: features.runs = true
            default:
                if c >= 0xB7 && NormalizationTables.punctuationClass(c) == .dot { features.runs = true }
            }
        }
        if pairedRuns && features.protectable { features.runs = true }
        return features
    }

    // MARK: Rule 2: ASCII punctuation next to CJK

    /// The nearest scalar before `i` on the same line that is not a space and not
    /// punctuation shared with English (`…`, `—`, an English quote).
    @inline(__always)
    func leftContext(_ v: [UInt32], _ flags: [UInt8], _ i: Int) -> (UInt32, UInt8)? {
        var j = i - 1
        while j >= 0 {
            let c = v[j]
            if NormalizationScalar.isBreak(c) { return nil }
            if NormalizationScalar.isSpace(c) { j -= 1; continue }
            if flags[j] & NormalizationFlag.chineseQuote == 0 && c >= 0x2000
                && NormalizationTables.punctuationClass(c) == .ambiguous { j -= 1; continue }
            return (c, flags[j])
        }
        return nil
    }

    /// Whether the `;` at `i` ends an HTML entity such as `&amp;`.
    func endsEntity(_ v: [UInt32], _ i: Int) -> Bool {
        var j = i - 1
        while j >= 0 && (NormalizationScalar.isASCIIAlnum(v[j]) || v[j] == 0x23) { j -= 1 }
        return j >= 0 && j < i - 1 && v[j] == 0x26
    }

    func convertASCIIPunctuation(_ v: inout [UInt32], _ flags: inout [UInt8]) {
        let n = v.count
        for i in 0..<n {
            let c = v[i]
            guard c < 0x80, flags[i] & NormalizationFlag.protected == 0 else { continue }
            let full = NormalizationTables.asciiToFullwidth[Int(c)]
            guard full != 0, c != 0x28, c != 0x29 else { continue }
            let prev: UInt32 = i > 0 ? v[i - 1] : 0x0A
            let next: UInt32 = i + 1 < n ? v[i + 1] : 0x0A
            let prevFlag: UInt8 = i > 0 ? flags[i - 1] : 0
            let nextFlag: UInt8 = i + 1 < n ? flags[i + 1] : 0
            var convert = false
            if c == 0x2E {  // .
                if prev == 0x2E || next == 0x2E { continue }
                guard i > 0, isChineseContext(prev, prevFlag) else { continue }
                let nextBlank = NormalizationScalar.isSpace(next) || NormalizationScalar.isBreak(next)
                if nextBlank { convert = true }
                else if NormalizationScalar.isLetter(next) { convert = !NormalizationScalar.isLetter(prev) }
                else if nextFlag & NormalizationFlag.chineseQuote != 0 || NormalizationScalar.isStrongCJKPunctuation(next) {
                    convert = true
                }
            } else {
                if let (l, lf) = leftContext(v, flags, i), isChineseContext(l, lf) {
                    convert = true
                } else if i > 0 && !NormalizationScalar.isSpace(prev) && !NormalizationScalar.isBreak(prev)
                            && NormalizationScalar.isLetter(next) {
                    convert = true
                }
                if convert && c == 0x3B && endsEntity(v, i) { convert = false }
                // Never inside a number: 1,000  10:30
                if convert && ScalarClass.isASCIIDigit(prev) && ScalarClass.isASCIIDigit(next) { convert = false }
            }
            if convert { v[i] = full }
        }
    }

    // MARK: Rule 4: ellipses, dashes and interpuncts

    /// Whether a run of punctuation `v[s..<e]` stands in Chinese context: it touches
    /// Chinese text, or it stands between spaces next to Chinese text on one side and no
    /// English word glued to the other (`Wait... 然后` stays English).
    func runIsChinese(_ v: [UInt32], _ flags: [UInt8], _ s: Int, _ e: Int, out w: RunOutput) -> Bool {
        let n = v.count
        let l: UInt32 = w.last ?? 0x0A
        let lf: UInt8 = w.lastFlag
        let r: UInt32 = e < n ? v[e] : 0x0A
        let rf: UInt8 = e < n ? flags[e] : 0
        if isChineseContext(l, lf) || isChineseContext(r, rf) { return true }
        let lBlank = NormalizationScalar.isSpace(l) || NormalizationScalar.isBreak(l)
        let rBlank = NormalizationScalar.isSpace(r) || NormalizationScalar.isBreak(r)
        func nearestLeftIsChinese() -> Bool {
            var j = w.count - 1
            while j >= 0 && NormalizationScalar.isSpace(w.v[j]) { j -= 1 }
            return j >= 0 && isChineseContext(w.v[j], w.f?[j] ?? 0)
        }
        func nearestRightIsChinese() -> Bool {
            var k = e
            while k < n && NormalizationScalar.isSpace(v[k]) { k += 1 }
            return k < n && isChineseContext(v[k], flags[k])
        }
        if lBlank && rBlank { return nearestLeftIsChinese() || nearestRightIsChinese() }
        if lBlank { return r >= 0x80 && !Self.isWordScalar(r) && nearestLeftIsChinese() }
        if rBlank { return l >= 0x80 && !Self.isWordScalar(l) && nearestRightIsChinese() }
        return false
    }

    /// Copies `v` to `w`, replacing ellipsis, dash and middle-dot variants (rule 4).
    func convertRuns(_ v: [UInt32], _ flags: [UInt8], _ w: inout RunOutput) {
        let n = v.count
        var i = 0
        while i < n {
            let c = v[i]
            let f = flags[i]
            if f & NormalizationFlag.protected != 0 {
                w.append(c, f); i += 1; continue
            }
            switch c {
            case 0x2E, 0x3002, 0x2026, 0x2D, 0x2014, 0x2015, 0x2500:
                var e = i + 1
                while e < n && v[e] == c && flags[e] & NormalizationFlag.protected == 0 { e += 1 }
                let len = e - i
                var replacement: [UInt32]? = nil
                switch c {
                case 0x2E:
                    if len >= 3 && runIsChinese(v, flags, i, e, out: w) { replacement = style.ellipsis }
                case 0x3002:
                    if len >= 3 { replacement = style.ellipsis }
                case 0x2026:
                    if len == 1 && runIsChinese(v, flags, i, e, out: w) { replacement = style.ellipsis }
                case 0x2D:
                    let l: UInt32 = w.last ?? 0x0A
                    let r: UInt32 = e < n ? v[e] : 0x0A
                    if len >= 2 && !NormalizationScalar.isASCIIAlnum(l) && !NormalizationScalar.isASCIIAlnum(r)
                        && l != 0x3C && l != 0x21 && r != 0x3E && runIsChinese(v, flags, i, e, out: w) {
                        replacement = style.dash
                    }
                case 0x2014:
                    if len == 1 && runIsChinese(v, flags, i, e, out: w) { replacement = style.dash }
                case 0x2015:
                    if len <= 2 && runIsChinese(v, flags, i, e, out: w) { replacement = style.dash }
                default:  // ─
                    if runIsChinese(v, flags, i, e, out: w) { replacement = style.dash }
                }
                if let r = replacement {
                    for c in r { w.append(c) }
                } else {
                    for k in i..<e { w.append(v[k], flags[k]) }
                }
                i = e
            default:
                if (c < 0x3100 || c >= 0xFF00) && c >= 0xB7 && c != style.interpunct
                    && NormalizationTables.punctuationClass(c) == .dot
                    && i > 0 && i + 1 < n && NormalizationScalar.isLetter(v[i - 1]) && NormalizationScalar.isLetter(v[i + 1]) {
                    w.append(style.interpunct, f)
                } else {
                    w.append(c, f)
                }
                i += 1
            }
        }
    }
}
