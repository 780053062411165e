import HanziCore

/// Measures one line of UTF-8 bytes into a ``RejoinLine`` in a single pass.
///
/// Invalid UTF-8 never stops the scan: each byte that does not start a well-formed
/// sequence counts as one scalar of width 1 that belongs to no class (``UTF8Codec``).
///
/// Most of a Chinese line is spans of Han characters and compressible punctuation, which are
/// measured from their bytes alone (``RejoinWordSpan``); the scalars of
/// the line's head (``headScalars``) are decoded again only where its beginning is not an
/// ordinary Han character.
enum RejoinLineScanner {
    /// Widths in quarter ems: a full-width (East Asian Wide) character, a half-width one,
    /// and punctuation that typesetters may compress (see ``columns(_:)``).
    static let fullWidth = 4
    static let halfWidth = 2
    static let compressedWidth = 3

    /// How many of a line's first non-space scalars its start is read from
    /// (``startKind(_:firstToken:)``, ``isDate(_:)``).
    static let headScalars = 32

    /// Typeset width of a scalar in quarter ems: 4 for East Asian Wide and Fullwidth
    /// characters, 2 for the others (Latin letters, digits), 0 for combining marks.
    ///
    /// Full-width punctuation that Chinese typesetting may compress to half an em inside a
    /// justified line (`，。、；：！？`, quotes and brackets) counts 3, half-way between the
    /// compressed and the full form, so that a full line measures about the same whether
    /// the typesetter compressed its punctuation or not.
    @inline(__always)
    static func columns(_ v: UInt32) -> Int {
        if v < 0x1100 { return v == 0xB7 ? fullWidth : (v >= 0x300 && v < 0x370 ? 0 : halfWidth) }
        if v >= 0x4E00 && v <= 0x9FFF { return fullWidth }
        if v >= UTF8Codec.invalidByteBase { return halfWidth }
        if isCompressible(v) { return compressedWidth }
        return ScalarClass.displayWidth(v) * halfWidth
    }

    /// Punctuation set in half an em when compressed: `，。、；：！？“”‘’「」『』（）《》〈〉【】〔〕`.
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

    /// Display width of a scalar of leading white space, in columns.
    @inline(__always)
    static func indentColumns(_ v: UInt32) -> Int {
        switch v {
        case 0x09: return 4
        case RejoinClass.ideographicSpace: return 2
        default: return 1
        }
    }

    /// Measures the line `p[s..<e]` (its terminator excluded) into `line`; `base` is the
    /// absolute stream offset of `p[0]`. Returns false for a blank (white-space-only) line.
    ///
    /// A piece of a line longer than ``ColumnRejoiner/maxLineBytes`` keeps the white space
    /// at a cut: `trimsLeading` is false for a piece after one with content, `trimsTrailing`
    /// false for a piece that the next one continues (their white space is inside the line).
    /// Such a piece that is all white space is a record without scalars.
    ///
    /// The record is filled in place (it is large): the caller reuses one for every line. A
    /// blank line leaves it as it was.
    static func measure(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int, base: Int,
                        trimsLeading: Bool = true, trimsTrailing: Bool = true,
                        into line: inout RejoinLine) -> Bool {
        let start: Int
        if trimsLeading {
            var indent = 0
            start = skipIndent(p, from: s, to: e, columns: &indent)
            guard start < e else { return false }
            line = RejoinLine()
            line.indentCols = indent
        } else {
            line = RejoinLine()
            guard !isAllSpace(p, from: s, to: e) else {
                // white space inside a long line, between two pieces with content
                line.contentStart = base + s
                line.contentEnd = base + (trimsTrailing ? s : e)
                return true
            }
            start = s
        }
        line.contentStart = base + start
        var tally = RejoinLineTally()
        scanContent(p, from: start, to: e, into: &tally)
        record(tally, of: p, from: start, to: e, base: base, trimsTrailing: trimsTrailing, into: &line)
        return true
    }

    /// The offset of the first non-space scalar of `p[s..<e]` (`e` when there is none),
    /// adding the display width of the white space before it to `columns`.
    static func skipIndent(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int, columns: inout Int) -> Int {
        var i = s
        while i < e {
            let (v, n) = decode(p, i, e)
            guard RejoinClass.isLineSpace(v) else { break }
            columns += indentColumns(v)
            i += n
        }
        return i
    }

    /// Whether `p[s..<e]` is white space only.
    static func isAllSpace(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int) -> Bool {
        var unused = 0
        return skipIndent(p, from: s, to: e, columns: &unused) >= e
    }

    /// Tallies the content `p[s..<e]`, which begins with a non-space scalar unless it is a
    /// piece of a long line.
    @inline(never)
    static func scanContent(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int, into t: inout RejoinLineTally) {
        t.lastContentEnd = s
        var i = s
        // a line that begins with two Han characters (most Chinese lines), measured from
        // their bytes (see RejoinLineTally.addFirstHanPair: it equals `add` for each)
        if t.scalars == 0 && t.pendingSpace == 0 && t.leadOpen && i + 6 <= e
            && RejoinWordSpan.isHan(RejoinWordSpan.threeBytes(p + i))
            && RejoinWordSpan.isHan(RejoinWordSpan.threeBytes(p + i + 3)) {
            t.addFirstHanPair(decodeHan(p + i), endingAt: i + 3, decodeHan(p + i + 3), endingAt: i + 6)
            i += 6
        }
        while i < e {
            // inside a word, Han characters and compressible punctuation (most of the text),
            // measured from their bytes (see RejoinWordSpan: it equals `add` for each)
            if t.pendingSpace == 0 && t.scalars > 0 && !t.leadOpen && RejoinWordSpan.canBegin(p[i]) {
                let span = RejoinWordSpan.scan(p, from: i, to: e, leadAt: t.leadScalars &- t.scalars)
                if span.count > 0 {
                    t.addWordSpan(span, p)
                    i = span.end
                    continue
                }
            }
            let (v, n) = decode(p, i, e)
            i += n
            if RejoinClass.isLineSpace(v) {
                t.addSpace(v)
            } else {
                t.add(v, endingAt: i)
            }
        }
        t.finish()
    }

    /// ``UTF8Codec/decode(_:_:_:)`` with its common cases in line: the codec is not inlined
    /// across the module boundary, and ASCII and the three-byte sequences of U+1000–U+CFFF
    /// and U+E000–U+FFFF (lead bytes `E1`–`EC`, `EE`, `EF`, where every pair of continuation
    /// bytes is well-formed) are most of what a Chinese line holds. Everything else (two- and
    /// four-byte sequences, `E0` and `ED`, invalid bytes) is left to the codec.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ e: Int) -> (scalar: UInt32, length: Int) {
        let b = p[i]
        if b < 0x80 { return (UInt32(b), 1) }
        if (b &- 0xE1 < 12 || b &- 0xEE < 2) && i &+ 2 < e {
            let b1 = p[i &+ 1], b2 = p[i &+ 2]
            if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
                return ((UInt32(b) & 0x0F) &<< 12 | (UInt32(b1) & 0x3F) &<< 6 | (UInt32(b2) & 0x3F), 3)
            }
        }
        return UTF8Codec.decode(p, i, e)
    }

    /// The scalar of the well-formed three-byte sequence at `p`.
    @inline(__always)
    static func decodeHan(_ p: UnsafePointer<UInt8>) -> UInt32 {
        (UInt32(p[0]) & 0x0F) << 12 | (UInt32(p[1]) & 0x3F) << 6 | (UInt32(p[2]) & 0x3F)
    }

    /// Fills `line` from the tally of its content `p[s..<e]`. The tally is borrowed, not
    /// copied (it is large): the values a condition reads twice are taken from it first.
    static func record(_ t: borrowing RejoinLineTally, of p: UnsafePointer<UInt8>, from s: Int, to e: Int, base: Int,
                       trimsTrailing: Bool, into line: inout RejoinLine) {
        line.uncertainWidth = t.uncertain
        line.halfWidths = t.halfWidths
        line.contentEnd = base + (trimsTrailing ? t.lastContentEnd : e)
        line.leadWidth = t.leadWidth
        line.scalars = t.scalars
        line.width = t.width
        line.first = t.first
        line.last = t.prev
        line.beforeLast = t.prev2
        line.spacedMixed = t.spaced
        line.solidMixed = t.solid
        recordSpacing(t, of: p, from: s, into: &line)
        let scalars = t.scalars, sentenceEnds = t.sentenceEnds, commas = t.commas
        let lastSentenceEndIndex = t.lastSentenceEndIndex, lastCommaIndex = t.lastCommaIndex
        let runLength = t.runLength, first = t.first, last = t.prev
        line.innerSentenceEnd = sentenceEnds > 1 || (sentenceEnds == 1 && lastSentenceEndIndex < scalars - 2)
        line.innerComma = commas > 1 || (commas == 1 && lastCommaIndex < scalars - 1)
        line.end = endKind(last: t.prev, beforeLast: t.prev2)
        line.hyphenKeeps = t.runCapital || runLength < 2
        line.asciiLetters = t.asciiLetters
        line.firstTokenScalars = t.firstTokenScalars
        line.lastTokenScalars = t.tokenLength
        line.endsInURL = t.tokenURL
        if last < 0x80 || first < 0x80 { markBrokenName(p, from: s, to: t.lastContentEnd, into: &line) }
        recordStart(t, of: p, from: s, to: e, into: &line)
        if line.start == .dash { line.opensBracket = leavesBracketOpen(p, from: s, to: t.lastContentEnd) }
        line.isFurniture = RejoinPageFurniture.isFurnitureLine(p, from: s, to: t.lastContentEnd,
                                                               scalars: t.scalars, last: t.prev)
        line.clusterKey = (scalars >= 2 || line.letterSpaced) && !line.isFurniture
            ? line.filledWidth &* 2 &+ (line.end != .final ? 1 : 0) : -1
    }

    /// Whether `p[s..<e]` leaves an opening bracket or quote unclosed (`——《詩經‧國`): more
    /// opening than closing ones, counted in order (ASCII quotes, which open and close
    /// alike, aside).
    static func leavesBracketOpen(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int) -> Bool {
        var depth = 0, i = s
        while i < e {
            let (v, length) = p[i] < 0x80 ? (UInt32(p[i]), 1) : UTF8Codec.decode(p, i, e)
            if v != 0x22 && v != 0x27 {
                if RejoinClass.isOpening(v) { depth += 1 } else if RejoinClass.isClosingQuote(v) && depth > 0 { depth -= 1 }
            }
            i += length
        }
        return depth > 0
    }

    /// Letter spacing (see ``RejoinLetterSpacing``): at least four tokens, nearly all of
    /// them one character, at least two of them CJK (`新 版 本 支 持 U b u n t u`; not a row
    /// of numbers `1 2 3 4`); otherwise spaced half-width runs inside solid CJK text.
    static func recordSpacing(_ t: borrowing RejoinLineTally, of p: UnsafePointer<UInt8>, from s: Int,
                              into line: inout RejoinLine) {
        let tokens = t.tokens, singleTokens = t.singleTokens, singleAny = t.singleAny
        if tokens >= 4 && (singleTokens * 10 >= tokens * 8 || (singleAny * 10 >= tokens * 8 && singleTokens >= 2)) {
            line.letterSpaced = true
            line.collapsedWidth = t.width - t.spaceWidth
            // its spaces say nothing about how the text spaces CJK from Latin
            line.solidMixed += line.spacedMixed
            line.spacedMixed = 0
            return
        }
        line.collapsedWidth = t.width
        line.innerCJKSpace = t.cjkSpace
        line.spacedCharacters = line.innerCJKSpace && tokens >= 3 && singleTokens >= 2 && singleTokens == singleAny
            && tokens - singleAny <= 1
        guard t.narrowSpacing else { return }
        // spaced half-width runs inside solid CJK text (`定一个J S O N 文件`)
        let runs = RejoinLetterSpacing.measureRuns(p, from: s, to: t.lastContentEnd)
        if runs.droppedWidth > 0 {
            line.spacedRuns = true
            line.collapsedWidth = t.width - runs.droppedWidth
            line.spacedMixed -= runs.droppedMixed
            line.solidMixed += runs.droppedMixed
        }
    }

    /// How the line begins. Most lines begin with a Han character that numbers nothing and
    /// hold no `日`, and are no `本报讯`: they are plain without a look at their head.
    static func recordStart(_ t: borrowing RejoinLineTally, of p: UnsafePointer<UInt8>, from s: Int, to e: Int,
                            into line: inout RejoinLine) {
        let f = t.first, sawDay = t.sawDay, firstTokenScalars = t.firstTokenScalars, scalars = t.scalars
        let plainHan = f &- 0x4E00 < 0x5200 && f != 0x7B2C && !RejoinClass.isChineseNumeral(f)
        // a dateline needs a `日` (`…日电`) or begins with `本` (`本报讯`); a date or an English
        // suffix begins with no Han character
        guard !plainHan || sawDay || f == Self.datelineBen else {
            line.start = .plain
            return
        }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: headScalars) { buffer in
            let head = buffer.baseAddress!
            let count = decodeHead(p, from: s, to: e, into: head)
            let h = UnsafeBufferPointer(start: head, count: count)
            line.startsWithSuffix = f &- 0x61 < 26
                && startsWithSuffix(UnsafeBufferPointer(rebasing: h[0..<min(count, firstTokenScalars)]))
            line.start = startKind(h, firstToken: firstTokenScalars)
            line.isDate = scalars == count && isDate(h)
        }
    }

    /// `本`, the first character of the dateline `本报讯` / `本報訊`.
    static let datelineBen: UInt32 = 0x672C

    /// Decodes the first (up to ``headScalars``) non-space scalars of `p[s..<e]` into
    /// `head`; returns their number.
    static func decodeHead(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int,
                           into head: UnsafeMutablePointer<UInt32>) -> Int {
        var i = s, count = 0
        while i < e && count < headScalars {
            let (v, n) = decode(p, i, e)
            i += n
            if RejoinClass.isLineSpace(v) { continue }
            head[count] = v
            count += 1
        }
        return count
    }
}
