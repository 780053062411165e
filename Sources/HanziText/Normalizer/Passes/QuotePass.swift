/// Rule 1: pair-aware, nesting-aware conversion of quotation marks to the style's quotes.
///
/// The pass runs in four steps, each its own function: find the marks that can open or
/// close a quotation (``collectQuoteMarks``), match closers with openers
/// (``matchQuoteMarks``), decide which pairs are Chinese (``decideChinesePairs``), and
/// write the style's quotes by nesting level (``writeChineseQuotes``,
/// ``writeUnmatchedQuotes``).
extension NormalizationEngine {
    /// ASCII bytes that may make this pass change a paragraph.
    static let quoteASCIITriggers = "\"'"

    /// Whether the non-ASCII scalar `v` may make this pass change a paragraph: a quote
    /// family the style does not write.
    @inline(__always)
    static func isQuoteTrigger(_ v: UInt32, style: StyleValues) -> Bool {
        switch v {
        case 0x300C, 0x300D, 0x300E, 0x300F: return style.outerOpen != 0x300C
        case 0x201C, 0x201D, 0x2018, 0x2019: return style.outerOpen != 0x201C
        default: return false
        }
    }

    /// Whether the non-ASCII scalar `c` is one this pass reads: every curly and corner
    /// quote (a Chinese pair is flagged even when it keeps its form).
    @inline(__always)
    static func quoteInvolves(_ c: UInt32) -> Bool {
        switch c {
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x300C...0x300F: return true
        default: return false
        }
    }

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

    /// The nesting level of a Chinese quotation: outer (`“”`, `「」`) or inner (`‘’`, `『』`).
    enum QuoteLevel: UInt8 {
        case none = 0, outer = 1, inner = 2

        /// The level of a quotation inside one of this level.
        var nested: QuoteLevel { self == .outer ? .inner : .outer }
    }

    /// Work arrays of one run of the pass, indexed by mark.
    struct QuotePairs {
        /// Index of the matching mark, or -1.
        var partner: [Int]
        /// The opener enclosing each opener, or -1.
        var parent: [Int]
        /// Whether the mark belongs to a Chinese pair.
        var chinese: [Bool]
        /// The level given to each Chinese opener.
        var level: [QuoteLevel]
    }

    /// How far down the stack a closer looks for its opener; keeps the matching linear on
    /// pathological input (thousands of unmatched quotes).
    static let quoteMatchDepth = 64

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
    /// `letters` holds the count of CJK letters before each index (``countLetters``).
    func convertQuotes(_ v: inout [UInt32], _ flags: inout [UInt8], letters: [Int],
                       scratch: inout NormalizationScratch) {
        var marks = NormalizationScratch.take(&scratch.quoteMarks)
        var pairs = QuotePairs(partner: NormalizationScratch.take(&scratch.ints1),
                               parent: NormalizationScratch.take(&scratch.ints2),
                               chinese: NormalizationScratch.take(&scratch.bools),
                               level: NormalizationScratch.take(&scratch.levels))
        var stack = NormalizationScratch.take(&scratch.ints3)
        defer {
            scratch.quoteMarks = marks
            scratch.ints1 = pairs.partner
            scratch.ints2 = pairs.parent
            scratch.bools = pairs.chinese
            scratch.levels = pairs.level
            scratch.ints3 = stack
        }
        collectQuoteMarks(v, flags, into: &marks)
        if marks.isEmpty { return }
        Self.matchQuoteMarks(marks, &pairs, stack: &stack)
        decideChinesePairs(v, flags, marks, letters: letters, &pairs)
        writeChineseQuotes(&v, &flags, marks, &pairs)
        writeUnmatchedQuotes(&v, &flags, marks, pairs)
    }

    /// The quotation marks of `v` outside protected spans, in text order. An apostrophe
    /// (`It’s`, `don't`) is not a mark; a straight quote can open, close or both,
    /// depending on what is next to it.
    func collectQuoteMarks(_ v: [UInt32], _ flags: [UInt8], into marks: inout [QuoteMark]) {
        let n = v.count
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
    }

    /// Matches each closer with the nearest open mark of its family on a stack, and
    /// records the opener enclosing each opener. A mark that can both open and close
    /// closes when an opener of its family is open.
    static func matchQuoteMarks(_ marks: [QuoteMark], _ pairs: inout QuotePairs, stack: inout [Int]) {
        let count = marks.count
        stack.removeAll(keepingCapacity: true)
        pairs.partner.removeAll(keepingCapacity: true)
        pairs.partner.append(contentsOf: repeatElement(-1, count: count))
        pairs.parent.removeAll(keepingCapacity: true)
        pairs.parent.append(contentsOf: repeatElement(-1, count: count))
        for m in 0..<count {
            let mark = marks[m]
            var match = -1
            if mark.canClose {
                var pos = stack.count - 1
                let floor = max(0, stack.count - quoteMatchDepth)
                while pos >= floor {
                    if marks[stack[pos]].family == mark.family { match = pos; break }
                    pos -= 1
                }
                let closes = mark.canOpen ? match >= 0 : true
                if closes {
                    if match >= 0 {
                        let o = stack[match]
                        pairs.partner[o] = m
                        pairs.partner[m] = o
                        stack.removeSubrange(match...)
                    }
                    continue
                }
            }
            if mark.canOpen {
                pairs.parent[m] = stack.last ?? -1
                stack.append(m)
            }
        }
    }

    /// Decides which matched pairs are Chinese: corner quotes always; another pair when
    /// Chinese text or a Chinese quotation touches it on the outside, or it holds a CJK
    /// letter.
    ///
    /// Being Chinese only ever adds Chinese context, so the decisions grow monotonically:
    /// the pass sweeps forward and backward until a sweep adds nothing. The result is the
    /// least fixed point, which a second run of the pass cannot extend (a run of quotes
    /// such as `''''''中'` is settled in one pass, not one pair per round).
    func decideChinesePairs(_ v: [UInt32], _ flags: [UInt8], _ marks: [QuoteMark], letters: [Int],
                            _ pairs: inout QuotePairs) {
        let count = marks.count
        let n = v.count
        pairs.chinese.removeAll(keepingCapacity: true)
        pairs.chinese.append(contentsOf: repeatElement(false, count: count))

        /// Whether the scalar at `i`, which is next to mark `m` on the outside, is Chinese.
        func chineseAt(_ i: Int, besideMark neighbour: Int) -> Bool {
            if isChineseContext(v[i], flags[i]) { return true }
            return neighbour >= 0 && neighbour < count && marks[neighbour].index == i && pairs.chinese[neighbour]
        }
        func isChinese(_ m: Int) -> Bool {
            let family = marks[m].family
            if family == .cornerOuter || family == .cornerInner { return true }
            let close = pairs.partner[m]
            let o = marks[m].index, c = marks[close].index
            if o > 0 && chineseAt(o - 1, besideMark: m - 1) { return true }
            if c + 1 < n && chineseAt(c + 1, besideMark: close + 1) { return true }
            return letters[c] - letters[o + 1] > 0
        }
        var forward = true
        var changed = true
        while changed {
            changed = false
            var m = forward ? 0 : count - 1
            while m >= 0 && m < count {
                if pairs.partner[m] > m && !pairs.chinese[m] && isChinese(m) {
                    pairs.chinese[m] = true
                    pairs.chinese[pairs.partner[m]] = true
                    changed = true
                }
                m += forward ? 1 : -1
            }
            forward.toggle()
        }
    }

    /// Writes the style's quotes for every Chinese pair, parents first: curly and corner
    /// quotes keep their level, a straight pair takes the level inside its nearest
    /// Chinese enclosing pair (outer when there is none for `"`, inner for `'`).
    func writeChineseQuotes(_ v: inout [UInt32], _ flags: inout [UInt8], _ marks: [QuoteMark],
                            _ pairs: inout QuotePairs) {
        pairs.level.removeAll(keepingCapacity: true)
        pairs.level.append(contentsOf: repeatElement(.none, count: marks.count))
        for m in 0..<marks.count where pairs.partner[m] > m && pairs.chinese[m] {
            var enclosing = pairs.parent[m]
            while enclosing >= 0 && (pairs.partner[enclosing] < 0 || pairs.level[enclosing] == .none) {
                enclosing = pairs.parent[enclosing]
            }
            let lv: QuoteLevel
            switch marks[m].family {
            case .curlyDouble, .cornerOuter: lv = .outer
            case .curlySingle, .cornerInner: lv = .inner
            case .straightDouble: lv = enclosing >= 0 ? pairs.level[enclosing].nested : .outer
            case .straightSingle: lv = enclosing >= 0 ? pairs.level[enclosing].nested : .inner
            }
            pairs.level[m] = lv
            let o = marks[m].index, c = marks[pairs.partner[m]].index
            v[o] = lv == .outer ? style.outerOpen : style.innerOpen
            v[c] = lv == .outer ? style.outerClose : style.innerClose
            flags[o] |= NormalizationFlag.chineseQuote
            flags[c] |= NormalizationFlag.chineseQuote
        }
    }

    /// Unmatched quotation marks: a curly or corner quote that touches a CJK letter or CJK
    /// punctuation is Chinese (a quotation that runs over several paragraphs opens each of
    /// them, and closes in the last one, most often right after its `。`, `！` or `？`). The
    /// same test for both families makes a style change reversible: an unmatched mark that
    /// touches neither keeps its form in every style, and no quotation mark counts as a
    /// neighbour that shows Chinese. Straight ones stay.
    func writeUnmatchedQuotes(_ v: inout [UInt32], _ flags: inout [UInt8], _ marks: [QuoteMark],
                              _ pairs: QuotePairs) {
        let n = v.count
        // (full-width straight quotes, U+FF02 and U+FF07, are quotation marks too)
        @inline(__always) func showsChinese(_ c: UInt32) -> Bool {
            NormalizationScalar.isLetter(c)
                || (ScalarClass.isCJKPunctuation(c) && !Self.quoteInvolves(c) && c != 0xFF02 && c != 0xFF07)
        }
        for m in 0..<marks.count where pairs.partner[m] < 0 {
            let i = marks[m].index
            let c = v[i]
            let touches = (i > 0 && showsChinese(v[i - 1])) || (i + 1 < n && showsChinese(v[i + 1]))
            let lv: QuoteLevel
            switch marks[m].family {
            case .cornerOuter where touches: lv = .outer
            case .cornerInner where touches: lv = .inner
            case .curlyDouble where touches: lv = .outer
            case .curlySingle where touches: lv = .inner
            default: continue
            }
            let opening = c == 0x300C || c == 0x300E || c == 0x201C || c == 0x2018
            v[i] = opening ? (lv == .outer ? style.outerOpen : style.innerOpen) : (lv == .outer ? style.outerClose : style.innerClose)
            flags[i] |= NormalizationFlag.chineseQuote
        }
    }
}
