/// Pair-aware, nesting-aware conversion of quotation marks and round brackets.
extension NormalizationEngine {
    /// The kinds of quotation mark, by family (a closer matches an opener of its family).
    enum QuoteFamily: UInt8 {
        case curlyDouble, curlySingle, cornerOuter, cornerInner, straightDouble, straightSingle
    }

    struct QuoteMark {
        var index: Int
        var family: QuoteFamily
        var canOpen: Bool
        var canClose: Bool
    }

    /// Whether `c` makes the surrounding text Chinese: a CJK letter, Chinese punctuation, or
    /// a quote already known to be Chinese.
    @inline(__always)
    func isChineseContext(_ c: UInt32, _ flag: UInt8) -> Bool {
        NormalizationScalar.isLetter(c) || NormalizationScalar.isStrongCJKPunctuation(c)
            || flag & NormalizationFlag.chineseQuote != 0
    }

    @inline(__always)
    static func isWordScalar(_ c: UInt32) -> Bool {
        ScalarClass.isLatinLetter(c) || ScalarClass.isASCIIDigit(c)
    }

    /// Converts quotation marks in `v` (rule 1) and flags the quotes of Chinese pairs.
    func convertQuotes(_ v: inout [UInt32], _ flags: inout [UInt8], scratch: inout NormalizationScratch) {
        let n = v.count
        var marks = NormalizationScratch.take(&scratch.quoteMarks)
        var stack = NormalizationScratch.take(&scratch.ints1)  // indices into marks
        var partner = NormalizationScratch.take(&scratch.ints2)
        var parent = NormalizationScratch.take(&scratch.ints3)
        var level = NormalizationScratch.take(&scratch.levels)  // 0 = not Chinese, 1 = outer, 2 = inner
        defer {
            scratch.quoteMarks = marks
            scratch.ints1 = stack
            scratch.ints2 = partner
            scratch.ints3 = parent
            scratch.levels = level
        }
        marks.removeAll(keepingCapacity: true)
        for i in 0..<n where flags[i] & NormalizationFlag.protected == 0 {
            let c = v[i]
            let prev: UInt32 = i > 0 ? v[i - 1] : 0x0A
            let next: UInt32 = i + 1 < n ? v[i + 1] : 0x0A
            switch c {
            case 0x201C: marks.append(QuoteMark(index: i, family: .curlyDouble, canOpen: true, canClose: false))
            case 0x201D: marks.append(QuoteMark(index: i, family: .curlyDouble, canOpen: false, canClose: true))
            case 0x2018: marks.append(QuoteMark(index: i, family: .curlySingle, canOpen: true, canClose: false))
            case 0x2019:
                // An apostrophe (It’s, 90’s) is never a quote.
                if Self.isWordScalar(prev) && ScalarClass.isLatinLetter(next) { continue }
                marks.append(QuoteMark(index: i, family: .curlySingle, canOpen: false, canClose: true))
            case 0x300C: marks.append(QuoteMark(index: i, family: .cornerOuter, canOpen: true, canClose: false))
            case 0x300D: marks.append(QuoteMark(index: i, family: .cornerOuter, canOpen: false, canClose: true))
            case 0x300E: marks.append(QuoteMark(index: i, family: .cornerInner, canOpen: true, canClose: false))
            case 0x300F: marks.append(QuoteMark(index: i, family: .cornerInner, canOpen: false, canClose: true))
            case 0x22, 0x27:
                if c == 0x27 && Self.isWordScalar(prev) && ScalarClass.isLatinLetter(next) { continue }
                let prevBlank = NormalizationScalar.isSpace(prev) || NormalizationScalar.isBreak(prev)
                let nextBlank = NormalizationScalar.isSpace(next) || NormalizationScalar.isBreak(next)
                let canOpen = !nextBlank && (prevBlank || !Self.isWordScalar(prev) || NormalizationScalar.isLetter(prev))
                let canClose = !prevBlank && (nextBlank || !Self.isWordScalar(next) || NormalizationScalar.isLetter(next))
                if canOpen || canClose {
                    marks.append(QuoteMark(index: i, family: c == 0x22 ? .straightDouble : .straightSingle,
                                           canOpen: canOpen, canClose: canClose))
                }
            default: continue
            }
        }
        if marks.isEmpty { return }

        // Match closers with openers on a stack; parent = the opener enclosing each opener.
        stack.removeAll(keepingCapacity: true)
        partner.removeAll(keepingCapacity: true)
        partner.append(contentsOf: repeatElement(-1, count: marks.count))
        parent.removeAll(keepingCapacity: true)
        parent.append(contentsOf: repeatElement(-1, count: marks.count))
        for m in 0..<marks.count {
            let mark = marks[m]
            var closes = false
            // The nearest open mark of the same family, looking at most 64 levels down
            // (keeps the work linear on pathological input).
            var match = -1
            if mark.canClose {
                var pos = stack.count - 1
                let floor = max(0, stack.count - 64)
                while pos >= floor {
                    if marks[stack[pos]].family == mark.family { match = pos; break }
                    pos -= 1
                }
                closes = mark.canOpen ? match >= 0 : true
            }
            if closes {
                if match >= 0 {
                    let pos = match
                    let o = stack[pos]
                    partner[o] = m
                    partner[m] = o
                    stack.removeSubrange(pos...)
                }
                continue
            }
            if mark.canOpen {
                parent[m] = stack.last ?? -1
                stack.append(m)
            }
        }

        // Decide each matched pair in order of its opener (parents first).
        level.removeAll(keepingCapacity: true)
        level.append(contentsOf: repeatElement(0, count: marks.count))
        for m in 0..<marks.count where partner[m] > m {
            let o = marks[m].index
            let cIdx = marks[partner[m]].index
            let family = marks[m].family
            var chinese = family == .cornerOuter || family == .cornerInner
            if !chinese {
                if o > 0 && isChineseContext(v[o - 1], flags[o - 1]) { chinese = true }
                else if cIdx + 1 < n && isChineseContext(v[cIdx + 1], flags[cIdx + 1]) { chinese = true }
                else {
                    for k in (o + 1)..<cIdx where NormalizationScalar.isLetter(v[k]) { chinese = true; break }
                }
            }
            guard chinese else { continue }
            var enclosing = parent[m]
            while enclosing >= 0 && (partner[enclosing] < 0 || level[enclosing] == 0) { enclosing = parent[enclosing] }
            let lv: UInt8
            switch family {
            case .curlyDouble, .cornerOuter: lv = 1
            case .curlySingle, .cornerInner: lv = 2
            case .straightDouble: lv = enclosing >= 0 ? 3 - level[enclosing] : 1
            case .straightSingle: lv = enclosing >= 0 ? 3 - level[enclosing] : 2
            }
            level[m] = lv
            v[o] = lv == 1 ? style.outerOpen : style.innerOpen
            v[cIdx] = lv == 1 ? style.outerClose : style.innerClose
            flags[o] |= NormalizationFlag.chineseQuote
            flags[cIdx] |= NormalizationFlag.chineseQuote
        }

        // Unmatched quotation marks: corner quotes are Chinese; a curly quote is when it
        // touches a CJK letter.
        for m in 0..<marks.count where partner[m] < 0 {
            let i = marks[m].index
            let c = v[i]
            let family = marks[m].family
            let touches = (i > 0 && NormalizationScalar.isLetter(v[i - 1])) || (i + 1 < n && NormalizationScalar.isLetter(v[i + 1]))
            let lv: UInt8
            switch family {
            case .cornerOuter: lv = 1
            case .cornerInner: lv = 2
            case .curlyDouble where touches: lv = 1
            case .curlySingle where touches: lv = 2
            default: continue
            }
            let opening = c == 0x300C || c == 0x300E || c == 0x201C || c == 0x2018
            v[i] = opening ? (lv == 1 ? style.outerOpen : style.innerOpen) : (lv == 1 ? style.outerClose : style.innerClose)
            flags[i] |= NormalizationFlag.chineseQuote
        }
    }

    /// Converts matched round brackets to full width when the pair is in Chinese context
    /// (rule 2, pair-aware: never `（abc)`).
    func convertBrackets(_ v: inout [UInt32], _ flags: inout [UInt8], scratch: inout NormalizationScratch) {
        let n = v.count
        var stack = NormalizationScratch.take(&scratch.ints1)
        var pairOpen = NormalizationScratch.take(&scratch.ints2)
        var pairClose = NormalizationScratch.take(&scratch.ints3)
        defer {
            scratch.ints1 = stack
            scratch.ints2 = pairOpen
            scratch.ints3 = pairClose
        }
        stack.removeAll(keepingCapacity: true)
        pairOpen.removeAll(keepingCapacity: true)
        pairClose.removeAll(keepingCapacity: true)
        for i in 0..<n where flags[i] & NormalizationFlag.protected == 0 {
            switch v[i] {
            case 0x28, 0xFF08: stack.append(i)
            case 0x29, 0xFF09:
                if let o = stack.popLast() { pairOpen.append(o); pairClose.append(i) }
            default: break
            }
        }
        for p in 0..<pairOpen.count {
            let o = pairOpen[p], c = pairClose[p]
            guard v[o] == 0x28 || v[c] == 0x29 else { continue }
            var chinese = v[o] == 0xFF08 || v[c] == 0xFF09
            if !chinese && o > 0 && isChineseContext(v[o - 1], flags[o - 1]) { chinese = true }
            if !chinese {
                for k in (o + 1)..<c where NormalizationScalar.isLetter(v[k]) { chinese = true; break }
            }
            if chinese {
                v[o] = 0xFF08
                v[c] = 0xFF09
            }
        }
    }
}
