/// The spacing rules: spaces around CJK punctuation, between CJK and Latin letters or
/// digits, runs of spaces, line indents and trailing spaces.
extension NormalizationEngine {
    /// ASCII bytes that may make this pass change a paragraph (with `.insert` spacing,
    /// also ASCII letters, digits and `%`: ``spacingInsertASCIITriggers``).
    static let spacingASCIITriggers = " \t"
    static let spacingInsertASCIITriggers = "%0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

    /// Whether the non-ASCII scalar `v` may make this pass change a paragraph: a space,
    /// or with `.insert` spacing a letter or sign that a space may be inserted next to.
    @inline(__always)
    static func isSpacingTrigger(_ v: UInt32, insertSpaces: Bool) -> Bool {
        NormalizationScalar.isSpace(v) || (insertSpaces && NormalizationScalar.isAlnumLike(v))
    }

    /// What a scalar is for the spacing decisions.
    enum SpacingClass {
        case open, close, pause, stop, connector, cjkPunctuationOther, cjkLetter, alnum, other
    }

    @inline(__always)
    func spacingClass(_ c: UInt32, _ f: UInt8) -> SpacingClass {
        if c < 0x80 { return NormalizationScalar.isASCIIAlnum(c) || c == 0x25 ? .alnum : .other }
        if NormalizationScalar.isLetter(c) { return .cjkLetter }
        if NormalizationScalar.isAlnumLike(c) { return .alnum }
        if f & NormalizationFlag.chineseQuote != 0 {
            if c == 0x201C || c == 0x2018 { return .open }
            if c == 0x201D || c == 0x2019 { return .close }
        }
        switch NormalizationTables.punctuationClass(c) {
        case .open: return .open
        case .close: return .close
        case .pause: return .pause
        case .stop: return .stop
        case .ambiguous: return c == 0x2026 || c == 0x2014 ? .connector : .other
        case .dot, .dash, .none: return ScalarClass.isCJKPunctuation(c) ? .cjkPunctuationOther : .other
        }
    }

    /// Whether the text just written ends with a dateline (`…7月6日电`, `本报讯`).
    func endsWithDateline(_ out: RunOutput) -> Bool {
        for ending in NormalizationTables.datelineEndings where out.count >= ending.count {
            var match = true
            var k = out.count - ending.count
            for c in ending {
                if out.v[k] != c { match = false; break }
                k += 1
            }
            if match { return true }
        }
        return false
    }

    /// Whether the line starting at `start` is a headline made of phrases: it has a space
    /// between two CJK letters and no sentence punctuation (`，、；：。！？`). Its spaces
    /// next to digits are phrase separators too (`再访中亚 5天4夜出席30余场重要活动 习近平…`).
    func isPhraseHeadline(_ v: [UInt32], from start: Int) -> Bool {
        let n = v.count
        var separated = false
        var k = start
        while k < n && !NormalizationScalar.isBreak(v[k]) {
            let c = v[k]
            if c >= 0x3000 {
                let cls = NormalizationTables.punctuationClass(c)
                if cls == .pause || cls == .stop { return false }
            }
            if NormalizationScalar.isSpace(c) && k > start && NormalizationScalar.isLetter(v[k - 1]) {
                var e = k + 1
                while e < n && NormalizationScalar.isSpace(v[e]) { e += 1 }
                if e < n && NormalizationScalar.isLetter(v[e]) { separated = true }
                k = e
                continue
            }
            k += 1
        }
        return separated
    }

    /// Copies `v` to `out` with the spacing rules applied.
    func applySpacing(_ v: [UInt32], _ flags: [UInt8], _ out: inout RunOutput) {
        let n = v.count
        let protected = NormalizationFlag.protected
        var lastFlag: UInt8 = 0
        var headline = false
        var i = 0
        while i < n {
            let c = v[i]
            if options.spacing == .remove && (i == 0 || NormalizationScalar.isBreak(v[i - 1])) {
                headline = isPhraseHeadline(v, from: i)
            }
            if !NormalizationScalar.isSpace(c) {
                if options.spacing == .insert, let p = out.last, !NormalizationScalar.isSpace(p),
                   !(flags[i] & protected != 0 && lastFlag & protected != 0) {
                    let pc = spacingClass(p, lastFlag)
                    let cc = spacingClass(c, flags[i])
                    if (pc == .cjkLetter && cc == .alnum) || (pc == .alnum && cc == .cjkLetter) {
                        out.append(0x20)
                    }
                }
                out.append(c)
                lastFlag = flags[i]
                i += 1
                continue
            }
            var e = i + 1
            while e < n && NormalizationScalar.isSpace(v[e]) { e += 1 }
            var runProtected = false
            for k in i..<e where flags[k] & protected != 0 { runProtected = true; break }
            if runProtected {
                for k in i..<e { out.append(v[k]) }
                lastFlag = flags[e - 1]
                i = e
                continue
            }
            let atLineStart = i == 0 || NormalizationScalar.isBreak(v[i - 1])
            let atLineEnd = e == n || NormalizationScalar.isBreak(v[e])
            if atLineEnd {
                i = e
                continue
            }
            if atLineStart {
                if options.indent == .keep { for k in i..<e { out.append(v[k]) } }
                i = e
                continue
            }
            let l = out.last ?? 0x0A
            let lc = spacingClass(l, lastFlag)
            let rc = spacingClass(v[e], flags[e])
            let keep: Bool
            switch (lc, rc) {
            case (_, .pause), (_, .stop), (_, .close), (.open, _), (.pause, _):
                keep = false
            case (.connector, .cjkLetter), (.connector, .open), (.connector, .cjkPunctuationOther),
                 (.cjkLetter, .connector), (.close, .connector), (.stop, .connector), (.cjkPunctuationOther, .connector):
                keep = false
            case (.stop, _), (.close, _):
                keep = true
            case (.cjkLetter, .alnum), (.alnum, .cjkLetter):
                if options.spacing == .insert {
                    out.append(0x20)
                    lastFlag = 0
                    i = e
                    continue
                }
                if options.spacing == .keep || headline || lastFlag & protected != 0 || flags[e] & protected != 0 {
                    keep = true
                } else {
                    keep = lc == .cjkLetter && endsWithDateline(out)
                }
            default:
                keep = true
            }
            if keep {
                out.append(c)
                lastFlag = flags[i]
            }
            i = e
        }
    }
}
