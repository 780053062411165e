import HanziCore

/// The fast path: one pass over the bytes that splits the input into blank lines and
/// paragraphs and writes each paragraph. A paragraph in which no pass's trigger occurs
/// (``NormalizationTriggers``) is copied; one whose only triggers are the rewrites the
/// fast path proves on bytes (``ParagraphRewrite``) is written with them; any other goes to
/// the engine (``flushParagraph(_:_:_:_:_:)``).
extension PunctuationNormalizer {
    /// A lead byte of a three-byte UTF-8 sequence in U+4000...U+9FFF (E4...E9), where the
    /// common Han characters are: `b &- hanLeadFirst < hanLeadCount`.
    static let hanLeadFirst: UInt8 = 0xE4
    static let hanLeadCount: UInt8 = 6

    /// Splits `p` into blank lines and paragraphs, and writes each.
    func normalize(buffer p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        triggers.asciiActions.withUnsafeBufferPointer { actions in
            var stack: [ParagraphRewrite.OpenQuote] = []
            var scratch = NormalizationScratch()
            normalize(buffer: p, actions: actions, stack: &stack, scratch: &scratch, into: &out)
        }
    }

    /// Whether the three bytes at `i` are a well-formed sequence in U+4000...U+9FFF.
    @inline(__always)
    static func isHanSequence(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        p[i] &- hanLeadFirst < hanLeadCount && i + 2 < n && p[i + 1] & 0xC0 == 0x80 && p[i + 2] & 0xC0 == 0x80
    }

    /// The scalar of the three-byte sequence at `i` (already checked).
    @inline(__always)
    static func scalar3(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32 {
        UInt32(p[i] & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
    }

    fileprivate func normalize(buffer p: UnsafeBufferPointer<UInt8>, actions: UnsafeBufferPointer<NormalizationTriggers.ASCIIAction>,
                               stack: inout [ParagraphRewrite.OpenQuote], scratch: inout NormalizationScratch,
                               into out: inout [UInt8]) {
        let n = p.count
        let insert = triggers.insertSpaces
        // Spaces between CJK and Latin letters or digits that the spacing pass keeps as one.
        let readsSpaceRuns = options.spacing != .remove
        let keepIndent = options.indent == .keep
        var para = ParagraphRewrite(start: 0, outStart: out.count, engine: alwaysUseEngine)
        var i = 0
        while i < n {
            // One line: [lineStart, lineEnd), terminated by \n at lineEnd (or the end of input).
            let lineStart = i
            var blank = true
            var leadingSpace = false
            var leadingBreak = false
            para.last = 0x0A
            line: while i < n {
                let b = p[i]
                if b == 0x0A { break }
                if para.engine {
                    // Only whether the line is blank matters now.
                    let (v, length) = b < 0x80 ? (UInt32(b), 1) : UTF8Codec.decode(p, i)
                    if v == 0x0D || NormalizationScalar.isSpace(v) { i += length; continue }
                    blank = false
                    i = Self.lineEnd(p, from: i)
                    break
                }
                // The white space that starts a line: the line may still be blank.
                if blank {
                    if b == 0x20 || b == 0x09 { leadingSpace = true; i += 1; continue }
                    if b == 0x0D { leadingBreak = true; i += 1; continue }
                    let (v, length) = b < 0x80 ? (UInt32(b), 1) : UTF8Codec.decode(p, i)
                    if NormalizationScalar.isSpace(v) { leadingSpace = true; i += length; continue }
                    if NormalizationScalar.isBreak(v) { leadingBreak = true }
                    blank = false
                    // An indent the spacing pass keeps as it is; before a line break it goes.
                    if leadingSpace && (!keepIndent || leadingBreak) {
                        giveUp(&para, &out)
                        continue
                    }
                    if leadingSpace { para.last = 0x20 }
                }
                if b < 0x80 {
                    switch actions[Int(b)] {
                    case .plain:
                        break
                    case .trigger:
                        if !triggers.isInert(p, i, afterHan: para.last &- 0x4000 < 0x6000) {
                            giveUp(&para, &out)
                            continue line
                        }
                    case .alnum:
                        if NormalizationScalar.isLetter(para.last) {
                            para.insertSpace(p, before: i, into: &out)
                            if para.mustGiveUp { giveUp(&para, &out); continue line }
                        }
                    case .space:
                        if b == 0x20 && triggers.isInert(p, i, afterHan: para.last &- 0x4000 < 0x6000) { break }
                        if readsSpaceRuns, let end = para.readSpaceRun(p, at: i, insert: insert, into: &out), !para.mustGiveUp {
                            i = end
                            continue line
                        }
                        giveUp(&para, &out)
                        continue line
                    case .slash:
                        para.sawSlash = true
                        if para.mustGiveUp { giveUp(&para, &out); continue line }
                    case .backtick:
                        para.sawBacktick = true
                        if para.mustGiveUp { giveUp(&para, &out); continue line }
                    }
                    para.last = UInt32(b)
                    i += 1
                    continue
                }
                // U+4000...U+9FFF (Han): never a trigger; with --spacing insert, a space may
                // go before the first of a run.
                if Self.isHanSequence(p, i, n) {
                    if insert && NormalizationScalar.isAlnumLike(para.last)
                        && NormalizationScalar.isLetter(Self.scalar3(p, i)) {
                        para.insertSpace(p, before: i, into: &out)
                        if para.mustGiveUp { giveUp(&para, &out); continue line }
                    }
                    i += 3
                    // The rest of the run of Han characters, without the other checks.
                    while i + 2 < n {
                        let c = p[i]
                        guard c &- Self.hanLeadFirst < Self.hanLeadCount, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 else { break }
                        i += 3
                    }
                    para.last = Self.scalar3(p, i - 3)
                    if NormalizationScalar.isLetter(para.last) { para.letters += 1 }
                    continue
                }
                let v: UInt32, len: Int
                if b >= 0xE1 && b <= 0xEF && b != 0xED && i + 2 < n && p[i + 1] & 0xC0 == 0x80 && p[i + 2] & 0xC0 == 0x80 {
                    // A valid three-byte sequence (these lead bytes allow no overlong form
                    // and no surrogate).
                    v = Self.scalar3(p, i)
                    len = 3
                } else {
                    (v, len) = UTF8Codec.decode(p, i)
                }
                if NormalizationScalar.isSpace(v) {
                    if readsSpaceRuns, let end = para.readSpaceRun(p, at: i, insert: insert, into: &out), !para.mustGiveUp {
                        i = end
                        continue
                    }
                    giveUp(&para, &out)
                    continue
                }
                if NormalizationEngine.quoteInvolves(v) {
                    let next: UInt32 = i + 3 < n ? UTF8Codec.decode(p, i + 3).scalar : 0x0A
                    para.readQuote(v, next: next, style: triggers.style, stack: &stack, p, at: i, into: &out)
                    if para.mustGiveUp { giveUp(&para, &out); continue }
                    para.last = v
                    i += 3
                    continue
                }
                var run = 1
                var end = i + len
                if NormalizationEngine.isRunScalar(v) {
                    while end + len <= n && UTF8Codec.decode(p, end).0 == v { run += 1; end += len }
                }
                if triggers.isEngineTrigger(v, runLength: run) {
                    giveUp(&para, &out)
                    continue
                }
                if insert && ParagraphRewrite.spaceBetween(para.last, v) {
                    para.insertSpace(p, before: i, into: &out)
                    if para.mustGiveUp { giveUp(&para, &out); continue }
                }
                if NormalizationScalar.isLetter(v) { para.letters += 1 }
                para.last = v
                i = end
            }
            let lineEnd = min(i, n)
            if i < n { i += 1 }  // the \n
            if blank {
                finishParagraph(p, &para, end: lineStart, stack: &stack, scratch: &scratch, into: &out)
                // A blank line keeps only its line break (and a \r before it).
                if lineEnd > lineStart && p[lineEnd - 1] == 0x0D { out.append(0x0D) }
                if lineEnd < n { out.append(0x0A) }
                para = ParagraphRewrite(start: i, outStart: out.count, engine: alwaysUseEngine)
                stack.removeAll(keepingCapacity: true)
            }
        }
        finishParagraph(p, &para, end: n, stack: &stack, scratch: &scratch, into: &out)
    }

    /// Gives the paragraph to the engine: what the fast path wrote of it is taken back.
    @inline(never)
    fileprivate func giveUp(_ para: inout ParagraphRewrite, _ out: inout [UInt8]) {
        para.engine = true
        out.removeSubrange(para.outStart...)
    }

    /// Writes the rest of the paragraph that ends at `end`, or the whole of it through the
    /// engine.
    fileprivate func finishParagraph(_ p: UnsafeBufferPointer<UInt8>, _ para: inout ParagraphRewrite, end: Int,
                                     stack: inout [ParagraphRewrite.OpenQuote], scratch: inout NormalizationScratch,
                                     into out: inout [UInt8]) {
        guard para.start < end else { return }
        if !stack.isEmpty { para.quotesUnsettled = true }
        if !para.engine && !para.mustGiveUp {
            para.finish(p, end: end, into: &out)
            return
        }
        if !para.engine { giveUp(&para, &out) }
        flushParagraph(p, para.start, end, &out, &scratch)
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
