/// Measures one line of UTF-8 bytes into a ``RejoinLine`` in a single pass.
///
/// Invalid UTF-8 never stops the scan: each byte that does not start a well-formed
/// sequence counts as one scalar of width 1 that belongs to no class.
enum RejoinLineScanner {
    /// Decodes the scalar at `i` (`i < end`), returning it and its length in bytes.
    /// Invalid bytes decode to `0x110000 + byte`, a value outside Unicode, length 1.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (UInt32, Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 >= 0xC2 && b0 < 0xE0 {
            if i + 1 < end {
                let b1 = UInt32(p[i + 1])
                if b1 & 0xC0 == 0x80 { return ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2) }
            }
        } else if b0 >= 0xE0 && b0 < 0xF0 {
            if i + 2 < end {
                let b1 = UInt32(p[i + 1]), b2 = UInt32(p[i + 2])
                if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
                    let v = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
                    if v >= 0x800 && !(0xD800...0xDFFF).contains(v) { return (v, 3) }
                }
            }
        } else if b0 >= 0xF0 && b0 < 0xF5 {
            if i + 3 < end {
                let b1 = UInt32(p[i + 1]), b2 = UInt32(p[i + 2]), b3 = UInt32(p[i + 3])
                if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 && b3 & 0xC0 == 0x80 {
                    let v = (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F)
                    if v >= 0x10000 && v <= 0x10FFFF { return (v, 4) }
                }
            }
        }
        return (0x110000 + b0, 1)
    }

    /// The end of the run of Han characters U+4E00–U+9FFF (three bytes each, `E4 B8`–`E9 BF`)
    /// that begins at `i`; `i` itself when there is none.
    @inline(__always)
    static func hanRunEnd(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var j = i
        while j + 2 < end {
            let b0 = p[j], b1 = p[j + 1], b2 = p[j + 2]
            guard b0 &- 0xE4 < 6, b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b0 != 0xE4 || b1 >= 0xB8 else { break }
            j += 3
        }
        return j
    }

    /// The scalar of the well-formed three-byte sequence at `p`.
    @inline(__always)
    static func decodeHan(_ p: UnsafePointer<UInt8>) -> UInt32 {
        (UInt32(p[0]) & 0x0F) << 12 | (UInt32(p[1]) & 0x3F) << 6 | (UInt32(p[2]) & 0x3F)
    }

    /// Typeset width of a scalar in quarter ems: 4 for East Asian Wide and Fullwidth
    /// characters, 2 for the others (Latin letters, digits), 0 for combining marks.
    ///
    /// Full-width punctuation that Chinese typesetting may compress to half an em inside a
    /// justified line (`，。、；：！？`, quotes and brackets) counts 3, half-way between the
    /// compressed and the full form, so that a full line measures about the same whether
    /// the typesetter compressed its punctuation or not.
    @inline(__always)
    static func columns(_ v: UInt32) -> Int {
        if v < 0x1100 { return v == 0xB7 ? 4 : (v >= 0x300 && v < 0x370 ? 0 : 2) }
        if v >= 0x4E00 && v <= 0x9FFF { return 4 }
        if v > 0x10FFFF { return 2 }
        if isCompressible(v) { return 3 }
        return ScalarClass.displayWidth(v) * 2
    }

    /// Punctuation set in half an em when compressed: `，。、；：！？“”‘’「」『』（）《》〈〉【】`.
    @inline(__always)
    static func isCompressible(_ v: UInt32) -> Bool {
        switch v {
        case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0x201C, 0x201D, 0x2018,
             0x2019, 0x300C, 0x300D, 0x300E, 0x300F, 0xFF08, 0xFF09, 0x300A, 0x300B, 0x3008,
             0x3009, 0x3010, 0x3011, 0x3014, 0x3015:
            return true
        default:
            return false
        }
    }

    /// Whether `p[s..<e]` is white space only.
    static func isAllSpace(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int) -> Bool {
        var i = s
        while i < e {
            let (v, n) = decode(p, i, e)
            guard ScalarClass.isHorizontalSpace(v) || v == 0x0B else { return false }
            i += n
        }
        return true
    }

    @inline(__always)
    static func indentColumns(_ v: UInt32) -> Int {
        switch v {
        case 0x09: return 4
        case 0x3000: return 2
        default: return 1
        }
    }

    /// Measures the line `p[s..<e]` (its terminator excluded) into `line`; `base` is the
    /// absolute stream offset of `p[0]`, `head` room for the first 32 non-space scalars.
    /// Returns false for a blank (white-space-only) line.
    ///
    /// A piece of a line longer than ``ColumnRejoiner/maxLineBytes`` keeps the white space
    /// at a cut: `trimsLeading` is false for a piece after one with content, `trimsTrailing`
    /// false for a piece that the next one continues (their white space is inside the line).
    /// Such a piece that is all white space is a record without scalars.
    ///
    /// The record is filled in place (it is large): the caller reuses one for every line.
    static func measure(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int, base: Int,
                        head: UnsafeMutablePointer<UInt32>, trimsLeading: Bool = true, trimsTrailing: Bool = true,
                        into line: inout RejoinLine) -> Bool {
        line = RejoinLine()
        var i = s
        var indent = 0
        // leading white space
        while i < e {
            let (v, n) = decode(p, i, e)
            guard ScalarClass.isHorizontalSpace(v) || v == 0x0B else { break }
            indent += indentColumns(v)
            i += n
        }
        if !trimsLeading { i = s; indent = 0 }
        if i >= e || (!trimsLeading && isAllSpace(p, from: s, to: e)) {
            guard !trimsLeading else { return false }
            // white space inside a long line, between two pieces with content
            line.contentStart = base + s
            line.contentEnd = base + (trimsTrailing ? s : e)
            return true
        }
        line.indentCols = indent
        line.contentStart = base + i

        var headCount = 0
        var width = 0
        var spaceWidth = 0          // width of the inner spaces (trailing ones excluded)
        var pendingSpace = 0        // width of the current run of spaces
        var lastContentEnd = i
        var scalars = 0
        var prev: UInt32 = 0        // previous non-space scalar
        var prev2: UInt32 = 0
        var prev3: UInt32 = 0
        var tokenLength = 0
        var tokenFirst: UInt32 = 0
        var tokens = 0
        var firstTokenScalars = 0
        var leadWidth = 0
        var leadOpen = true
        var leadWestern = false     // whether the first piece is a Latin word or number
        var leadScalars = 1
        var singleTokens = 0
        var uncertain = 0           // scalars whose typeset width may differ from `columns`
        var singleAny = 0           // one-scalar tokens of any script
        var narrowSpacing = false   // a single half-width character, one space, another one
        var sentenceEnds = 0
        var lastSentenceEndIndex = -1
        var commas = 0
        var lastCommaIndex = -1
        var cjkSpace = false
        var spaced: Int32 = 0
        var solid: Int32 = 0
        var runLength = 0           // length of the latest run of Latin letters
        var runCapital = false
        var urlState = 0            // 0 none, 1 ':' seen, 2 ':/' seen, 3 URL
        var tokenURL = false
        var asciiLetters = false

        while i < e {
            // Fast path: a run of Han characters inside a word (most of the text), decoded
            // straight from their three bytes. What each character does to the state
            // below is the same as in the per-scalar path; only the first one can count a
            // Latin letter or digit directly before it.
            if pendingSpace == 0 && scalars > 0 && !leadOpen {
                let runEnd = hanRunEnd(p, i, e)
                if runEnd > i {
                    let count = (runEnd - i) / 3
                    if RejoinClass.isAlnum(prev) { solid += 1 }
                    var q = i
                    let fill = min(count, 32 - headCount)
                    var f = 0
                    while f < fill {
                        head[headCount] = decodeHan(p + q)
                        headCount += 1
                        q += 3
                        f += 1
                    }
                    if count >= 3 {
                        prev3 = decodeHan(p + runEnd - 9)
                        prev2 = decodeHan(p + runEnd - 6)
                    } else if count == 2 {
                        prev3 = prev
                        prev2 = decodeHan(p + runEnd - 6)
                    } else {
                        prev3 = prev2
                        prev2 = prev
                    }
                    prev = decodeHan(p + runEnd - 3)
                    scalars += count
                    width += 4 * count
                    tokenLength += count
                    if urlState < 3 { urlState = 0 }
                    i = runEnd
                    lastContentEnd = runEnd
                    continue
                }
            }
            let (v, n) = decode(p, i, e)
            i += n
            // Fast path: a Han character inside a word (most of the text).
            if v &- 0x4E00 < 0x5200 && pendingSpace == 0 && scalars > 0 && !leadOpen {
                if RejoinClass.isAlnum(prev) { solid += 1 }
                width += 4
                if headCount < 32 { head[headCount] = v; headCount += 1 }
                if urlState < 3 { urlState = 0 }
                tokenLength += 1
                prev3 = prev2
                prev2 = prev
                prev = v
                scalars += 1
                lastContentEnd = i
                continue
            }
            // Fast path: compressible CJK punctuation (`，。、；：！？“”（）《》…`) inside a
            // word: what the per-scalar path below does to it, short of the tests that
            // cannot hold (it is no space, letter or digit, its width is 3).
            if n == 3 && pendingSpace == 0 && scalars > 0 && !leadOpen && isCompressible(v) {
                if scalars == leadScalars && RejoinClass.isNonInitial(v) {
                    leadWidth += 3
                    leadScalars += 1
                }
                if urlState < 3 { urlState = 0 }
                if urlState == 3 { tokenURL = true }
                if tokenLength == 0 { tokenFirst = v }
                tokenLength += 1
                width += 3
                uncertain += 1
                if headCount < 32 { head[headCount] = v; headCount += 1 }
                switch v {
                case 0x3002, 0xFF01, 0xFF1F:
                    sentenceEnds += 1
                    lastSentenceEndIndex = scalars
                case 0xFF0C, 0x3001:
                    commas += 1
                    lastCommaIndex = scalars
                default:
                    break
                }
                prev3 = prev2
                prev2 = prev
                prev = v
                scalars += 1
                lastContentEnd = i
                continue
            }
            if ScalarClass.isHorizontalSpace(v) || v == 0x0B {
                pendingSpace += v == 0x3000 ? 4 : 2
                continue
            }
            let w = columns(v)
            if scalars > 0 {
                if pendingSpace > 0 {
                    // token boundary
                    tokens += 1
                    if tokens == 1 { firstTokenScalars = scalars }
                    if tokenLength == 1 {
                        singleAny += 1
                        if ScalarClass.isCJK(tokenFirst) { singleTokens += 1 }
                    }
                    if pendingSpace == 2 && RejoinLetterSpacing.isNarrow(v) && RejoinLetterSpacing.isNarrow(prev)
                        && (tokenLength == 1 || !RejoinClass.isWestern(prev2)) {
                        narrowSpacing = true
                    }
                    tokenLength = 0
                    tokenURL = false
                    urlState = 0
                    width += pendingSpace
                    spaceWidth += pendingSpace
                    if ScalarClass.isCJK(prev) && ScalarClass.isCJK(v) { cjkSpace = true }
                    if (RejoinClass.isAlnum(v) && ScalarClass.isCJKLetter(prev))
                        || (RejoinClass.isAlnum(prev) && ScalarClass.isCJKLetter(v)) { spaced += 1 }
                } else if (RejoinClass.isAlnum(v) && ScalarClass.isCJKLetter(prev))
                            || (RejoinClass.isAlnum(prev) && ScalarClass.isCJKLetter(v)) {
                    solid += 1
                }
            }
            if leadOpen {
                if scalars == 0 {
                    leadWidth = w
                    leadWestern = RejoinClass.isWestern(v)
                    // an opening bracket or quote never ends a line: it goes with what
                    // follows; so may a path after a character
                    leadOpen = leadWestern || RejoinClass.isOpening(v) || v &- 0x4E00 < 0x5200
                } else if pendingSpace > 0 {
                    leadOpen = false
                } else if scalars == 1 && head[0] &- 0x4E00 < 0x5200 {
                    if v == 0x2F {
                        // a slash never begins a line: a path glued to a character
                        // (`在/etc/papersize`) goes with it
                        leadWidth += w
                        leadWestern = true
                    } else {
                        leadOpen = false
                        if RejoinClass.isNonInitial(v) || RejoinClass.isDash(v) {
                            // punctuation that may not begin a line goes with the character
                            leadWidth += w
                            leadScalars += 1
                        }
                    }
                } else if scalars == 1 && RejoinClass.isOpening(head[0]) && !(leadWestern && RejoinClass.isWestern(v)) {
                    // the word or character after an opening bracket or quote
                    leadWidth += w
                    leadWestern = RejoinClass.isWestern(v)
                    leadOpen = leadWestern
                    leadScalars = 2
                } else if RejoinClass.isWestern(v) == leadWestern || RejoinClass.isNonInitial(v) {
                    leadWidth += w
                } else {
                    leadOpen = false
                }
            } else if scalars == leadScalars && pendingSpace == 0
                        && (RejoinClass.isNonInitial(v) || RejoinClass.isDash(v)) {
                // punctuation that may not begin a line, and a dash, go with the first character
                leadWidth += w
                leadScalars += 1
            }
            pendingSpace = 0
            if ScalarClass.isLatinLetter(v) {
                if v < 0x80 { asciiLetters = true }
                if !ScalarClass.isLatinLetter(prev) || tokenLength == 0 {
                    runLength = 0
                    runCapital = v < 0x80 ? (v &- 0x41 < 26) : false
                }
                runLength += 1
            }
            switch v {
            case 0x3A: urlState = 1
            case 0x2F: urlState = urlState == 1 ? 2 : (urlState == 2 ? 3 : urlState)
            case 0x2E:
                if tokenLength == 3 && prev == 0x77 && prev2 == 0x77 && prev3 == 0x77 { tokenURL = true }
            default: if urlState < 3 { urlState = 0 }
            }
            if urlState == 3 { tokenURL = true }
            if tokenLength == 0 { tokenFirst = v }
            tokenLength += 1
            width += w
            if w != 4 { uncertain += 1 }
            if headCount < 32 { head[headCount] = v; headCount += 1 }
            switch v {
            case 0x3002, 0xFF01, 0xFF1F:
                sentenceEnds += 1
                lastSentenceEndIndex = scalars
            case 0xFF0C, 0x3001, 0x2C:
                commas += 1
                lastCommaIndex = scalars
            default:
                break
            }
            prev3 = prev2
            prev2 = prev
            prev = v
            scalars += 1
            lastContentEnd = i
        }
        // last token
        tokens += 1
        if tokens == 1 { firstTokenScalars = scalars }
        if tokenLength == 1 {
            singleAny += 1
            if ScalarClass.isCJK(tokenFirst) { singleTokens += 1 }
        }

        line.uncertainWidth = uncertain
        line.contentEnd = base + (trimsTrailing ? lastContentEnd : e)
        line.leadWidth = leadWidth
        line.scalars = scalars
        line.width = width
        line.first = head[0]
        line.last = prev
        line.beforeLast = prev2
        line.spacedMixed = spaced
        line.solidMixed = solid
        // Letter spacing: at least four tokens, nearly all of them one character, at least
        // two of them CJK (`新 版 本 支 持 U b u n t u`; not a row of numbers `1 2 3 4`).
        if tokens >= 4 && (singleTokens * 10 >= tokens * 8 || (singleAny * 10 >= tokens * 8 && singleTokens >= 2)) {
            line.letterSpaced = true
            line.collapsedWidth = width - spaceWidth
            // its spaces say nothing about how the text spaces CJK from Latin
            line.solidMixed += line.spacedMixed
            line.spacedMixed = 0
        } else {
            line.collapsedWidth = width
            line.innerCJKSpace = cjkSpace
            if narrowSpacing {
                // spaced half-width runs inside solid CJK text (`定一个J S O N 文件`)
                let runs = RejoinLetterSpacing.measureRuns(p, from: line.contentStart - base, to: lastContentEnd)
                if runs.droppedWidth > 0 {
                    line.spacedRuns = true
                    line.collapsedWidth = width - runs.droppedWidth
                    line.spacedMixed -= runs.droppedMixed
                    line.solidMixed += runs.droppedMixed
                }
            }
        }
        line.innerSentenceEnd = sentenceEnds > 1 || (sentenceEnds == 1 && lastSentenceEndIndex < scalars - 2)
        line.innerComma = commas > 1 || (commas == 1 && lastCommaIndex < scalars - 1)
        line.end = endKind(last: prev, beforeLast: prev2)
        line.hyphenKeeps = runCapital || runLength < 2
        line.asciiLetters = asciiLetters
        line.firstTokenScalars = firstTokenScalars
        line.lastTokenScalars = tokenLength
        line.endsInURL = tokenURL
        if prev < 0x80 || head[0] < 0x80 { markBrokenName(p, from: line.contentStart - base, to: lastContentEnd, into: &line) }
        line.startsWithSuffix = head[0] &- 0x61 < 26 && startsWithSuffix(UnsafeBufferPointer(start: head, count: min(headCount, firstTokenScalars)))
        line.start = startKind(UnsafeBufferPointer(start: head, count: headCount), firstToken: firstTokenScalars)
        line.isDate = scalars == headCount && isDate(UnsafeBufferPointer(start: head, count: headCount))
        line.isFurniture = RejoinPageFurniture.isFurnitureLine(p, from: line.contentStart - base, to: lastContentEnd,
                                                   scalars: scalars, last: prev)
        line.clusterKey = (scalars >= 2 || line.letterSpaced) && !line.isFurniture
            ? line.filledWidth &* 2 &+ (line.end != .final ? 1 : 0) : -1
        return true
    }

    /// Measures the ASCII runs at both ends of the line `p[s..<e]` (content only): whether
    /// it ends inside a path or dotted name, and whether it starts with an English word
    /// (see ``RejoinLine/endsInPath``). Reads only the ASCII bytes at the ends.
    static func markBrokenName(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int, into line: inout RejoinLine) {
        // the last run of non-space ASCII bytes
        var i = e
        while p[e - 1] < 0x80 && i > s && p[i - 1] < 0x80 && p[i - 1] > 0x20 && i > e - 256 { i -= 1 }
        var path = false, dotted = false
        var k = i
        while k < e {
            let b = p[k]
            if b == 0x2F || b == 0x5F || b == 0x5C { path = true }
            if b == 0x2E && k > i && k + 1 < e && isAlnumByte(p[k - 1]) && isAlnumByte(p[k + 1]) { dotted = true }
            k += 1
        }
        let last = p[e - 1]
        if last >= 0x80 { path = false; dotted = false }
        // a lone `.` after CJK text or a space (`与.` then `ci/run`, `通过 .` then
        // `file(URL)`): no sentence ends so
        if e - i == 1 && last == 0x2E && i > s { path = true }
        line.endsInPath = path
        line.endsInDottedName = dotted && isAlnumByte(last)
        // the first run: letters, then a space or the end
        var j = s
        while j < e && (p[j] | 0x20) &- 0x61 < 26 { j += 1 }
        line.startsWithWord = j > s && (j == e || p[j] == 0x20 || p[j] == 0x09)
    }

    @inline(__always)
    static func isAlnumByte(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }

    /// Lowercase fragments that English hyphenation splits off the end of a word.
    static let suffixes: Set<String> = [
        "ly", "ally", "ing", "ings", "ed", "er", "ers", "est", "es", "al", "ial", "ive", "ives",
        "ion", "ions", "tion", "tions", "sion", "sions", "ation", "ations", "ment", "ments",
        "ness", "ity", "ities", "able", "ible", "bly", "ous", "ious", "ful", "less", "ism",
        "ist", "ists", "ize", "izes", "ized", "ise", "ised", "ance", "ence", "ances", "ences",
        "ant", "ent", "ure", "ures", "age", "ary", "ory", "ery", "ty", "cy", "ic", "ics",
        "ical", "ically", "ward", "wards", "ship", "hood", "dom", "ling", "let", "lets",
        "tive", "tures", "ture", "ning", "ting", "ming", "ding", "ring", "ling", "sing",
        "mented", "menting", "mentation", "ization", "izations", "ified", "ify",
    ]

    /// Whether the line starts with a lowercase letter run that is an English suffix
    /// fragment and nothing else of the word (`ly`, `ly,`).
    static func startsWithSuffix(_ h: UnsafeBufferPointer<UInt32>) -> Bool {
        var word = ""
        for v in h {
            if v &- 0x61 < 26 {
                word.unicodeScalars.append(Unicode.Scalar(v)!)
                if word.utf8.count > 12 { return false }
            } else if ScalarClass.isLatinLetter(v) {
                return false
            } else {
                break
            }
        }
        return !word.isEmpty && suffixes.contains(word)
    }

    static func endKind(last: UInt32, beforeLast: UInt32) -> RejoinLine.End {
        if RejoinClass.isSentenceFinal(last) || RejoinClass.isClauseFinal(last) {
            // "1." at the end of an English line, or "e.g." are still sentence ends
            return .final
        }
        if RejoinClass.isClosingQuote(last) {
            if RejoinClass.isSentenceFinal(beforeLast) || RejoinClass.isClauseFinal(beforeLast) {
                return .final
            }
            return .closeQuote
        }
        if RejoinClass.isDash(last) { return .dash }
        // a hyphen at the line end: the word or option goes on (`statical-`, `--`)
        if RejoinClass.isHyphen(last) || last == RejoinClass.softHyphen { return .opening }
        if RejoinClass.isOpening(last) { return .opening }
        return .open
    }

    /// Classifies how a line begins from its first (up to 32) non-space scalars.
    /// `firstToken` is the number of scalars before the first inner space.
    static func startKind(_ h: UnsafeBufferPointer<UInt32>, firstToken: Int) -> RejoinLine.Start {
        let n = h.count
        guard n > 0 else { return .plain }
        let f = h[0]
        // Most lines begin with a Han character that numbers nothing: only a dateline is
        // possible (none of the marks, digits and brackets tested below is Han).
        if f &- 0x4E00 < 0x5200 && f != 0x7B2C && !RejoinClass.isChineseNumeral(f) {
            return RejoinDatelines.isDateline(UnsafeBufferPointer(rebasing: h[0..<min(n, firstToken)])) ? .dateline : .plain
        }
        if RejoinClass.isEnclosedNumber(f) { return .list }
        if RejoinClass.isBullet(f) { return .bullet }
        if (f == 0x2D || f == 0x2A || f == 0x2B) && n == 1 { return .bullet }
        if RejoinClass.isNonInitial(f) { return .closing }
        // 一、 十二、
        var k = 0
        while k < n && k < 4 && RejoinClass.isChineseNumeral(h[k]) { k += 1 }
        if k > 0 && k < n && (h[k] == 0x3001 || h[k] == 0xFF0E || h[k] == 0x2E) { return .list }
        // 第一， 第二、
        if f == 0x7B2C {
            var j = 1
            while j < n && j < 5 && RejoinClass.isChineseNumeral(h[j]) { j += 1 }
            if j > 1 && j < n && (h[j] == 0xFF0C || h[j] == 0x3001) { return .list }
        }
        // 1. 1、 12． (not 14.3, not 2024.)
        var d = 0
        while d < n && d < 4 && ScalarClass.isASCIIDigit(h[d]) { d += 1 }
        if d > 0 && d <= 2 && d < n {
            let m = h[d]
            if m == 0x3001 || m == 0xFF0E { return .list }
            if m == 0x2E && (d + 1 >= n || !ScalarClass.isASCIIDigit(h[d + 1])) { return .list }
        }
        // （一） (1) （1）
        if f == 0xFF08 || f == 0x28 {
            var j = 1
            while j < n && j < 4 && (RejoinClass.isChineseNumeral(h[j]) || ScalarClass.isASCIIDigit(h[j])) { j += 1 }
            if j > 1 && j < n && (h[j] == 0xFF09 || h[j] == 0x29) { return .list }
        }
        if RejoinDatelines.isDateline(UnsafeBufferPointer(rebasing: h[0..<min(n, firstToken)])) { return .dateline }
        if RejoinClass.isDash(f) { return .dash }
        if RejoinClass.isOpening(f) && f != 0x201C && f != 0x2018 && f != 0x300C && f != 0x300E {
            return .openBracket
        }
        return .plain
    }

    /// Whether `h` is a calendar date and nothing else: `2021年10月14日`, `2024年5月`.
    static func isDate(_ h: UnsafeBufferPointer<UInt32>) -> Bool {
        var i = 0
        /// Reads 1 to `most` ASCII digits and then `unit`.
        func field(most: Int, unit: UInt32) -> Bool {
            let start = i
            while i < h.count && i - start < most && ScalarClass.isASCIIDigit(h[i]) { i += 1 }
            guard i > start, i < h.count, h[i] == unit else { return false }
            i += 1
            return true
        }
        guard field(most: 4, unit: 0x5E74), field(most: 2, unit: 0x6708) else { return false }   // 年 月
        if i == h.count { return true }
        return field(most: 2, unit: 0x65E5) && i == h.count                                       // 日
    }
}
