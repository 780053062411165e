/// Rule 4: in Chinese context `...`, `。。。`, a single `…` and runs of `⋯` become the
/// style's ellipsis, `--`, a single `—`, `―` and runs of `─` or `━` its dash, middle-dot
/// variants between two CJK letters its interpunct; next to a Han character the wave-dash
/// variants `〜〰∼` become `～` and the ratio sign `∶` the colon `：`.
extension NormalizationEngine {
    /// ASCII bytes that may make this pass change a paragraph.
    static let runsASCIITriggers = "-."

    /// Whether the non-ASCII scalar `v`, starting a run of `runLength` equal scalars, may
    /// make this pass change a paragraph.
    @inline(__always)
    static func isRunsTrigger(_ v: UInt32, runLength: Int, style: StyleValues) -> Bool {
        switch v {
        case 0x2026, 0x2014: return runLength == 1
        case 0x3002: return runLength >= 3
        case 0x2015, 0x2500, 0x2501, midlineEllipsis, ratio: return true
        default: break
        }
        if isWaveDashVariant(v) { return true }
        // Middle-dot variants live below U+3000, at U+30FB and in U+FF00...U+FFEF.
        if (v >= 0x3000 && v != 0x30FB && v < 0xFF00) || v > 0xFFEF { return false }
        return v != style.interpunct && NormalizationTables.punctuationClass(v) == .dot
    }

    /// `⋯` U+22EF, the ellipsis of Big5 text (A14B in Big5-2003).
    static let midlineEllipsis: UInt32 = 0x22EF
    /// `∶` U+2236 RATIO, typed for the colon in GB 2312 text.
    static let ratio: UInt32 = 0x2236
    /// `～`, the wave dash (浪纹线) of every style.
    static let fullwidthTilde: UInt32 = 0xFF5E

    /// `〜` U+301C, `〰` U+3030, `∼` U+223C.
    @inline(__always)
    static func isWaveDashVariant(_ v: UInt32) -> Bool { v == 0x301C || v == 0x3030 || v == 0x223C }

    /// Whether the runs pass acts on the non-ASCII scalar at `i`.
    enum Involvement { case no, yes, ifSplit }

    /// Whether the runs pass acts on the non-ASCII scalar `v[i]`: a run of three `。`, a
    /// single `…` or `—` (a longer run only where a protected span splits it), `―`, `─`
    /// and the middle-dot variants.
    @inline(__always)
    static func runsInvolve(_ v: [UInt32], at i: Int) -> Involvement {
        let c = v[i]
        switch c {
        case 0x3002:
            // A `.` that may become `。` involves the pass by itself; no earlier pass makes
            // a `。` otherwise.
            return i >= 2 && v[i - 1] == 0x3002 && v[i - 2] == 0x3002 ? .yes : .no
        case 0x2026, 0x2014:
            let single = (i == 0 || v[i - 1] != c) && (i + 1 == v.count || v[i + 1] != c)
            return single ? .yes : .ifSplit
        case 0x2015, 0x2500, 0x2501, midlineEllipsis, ratio:
            return .yes
        default:
            if isWaveDashVariant(c) { return .yes }
            return c >= 0xB7 && NormalizationTables.punctuationClass(c) == .dot ? .yes : .no
        }
    }

    /// Whether `v` is a scalar whose runs the fast scan measures (`…`, `—`, `。`).
    @inline(__always)
    static func isRunScalar(_ v: UInt32) -> Bool {
        v == 0x2026 || v == 0x2014 || v == 0x3002
    }

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
            case 0x2E, 0x3002, 0x2026, Self.midlineEllipsis, 0x2D, 0x2014, 0x2015, 0x2500, 0x2501:
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
                case Self.midlineEllipsis:
                    // ⋯ is Big5's …: one becomes the ellipsis, a run as many …. Outside
                    // Chinese (1, 2, ⋯, n) it stays.
                    if runIsChinese(v, flags, i, e, out: w) {
                        replacement = len == 1 ? style.ellipsis : Array(repeating: 0x2026, count: len)
                    }
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
                default:  // ─ ━
                    if runIsChinese(v, flags, i, e, out: w) { replacement = style.dash }
                }
                if let r = replacement {
                    for c in r { w.append(c) }
                } else {
                    for k in i..<e { w.append(v[k], flags[k]) }
                }
                i = e
            case Self.ratio:
                // The colon of GB 2312 text, next to a CJK letter; a ratio between digits stays.
                let l: UInt32 = w.last ?? 0x0A
                let r: UInt32 = i + 1 < n ? v[i + 1] : 0x0A
                let between = ScalarClass.isASCIIDigit(l) && ScalarClass.isASCIIDigit(r)
                let chinese = NormalizationScalar.isLetter(l) || NormalizationScalar.isLetter(r)
                w.append(chinese && !between ? 0xFF1A : c, f)
                i += 1
            case 0x301C, 0x3030, 0x223C:
                // A wave dash next to a Han character is the 浪纹线 ～.
                let l: UInt32 = w.last ?? 0x0A
                let r: UInt32 = i + 1 < n ? v[i + 1] : 0x0A
                let han = ScalarClass.isHan(l) || ScalarClass.isHan(r)
                w.append(han ? Self.fullwidthTilde : c, f)
                i += 1
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
