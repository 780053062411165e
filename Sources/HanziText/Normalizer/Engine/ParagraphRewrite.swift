import HanziCore

/// What the fast path knows about the paragraph it is reading: where its bytes stand in the
/// output, and the state of the two rewrites it makes on bytes without the engine.
///
/// The rewrites are the common case of two passes, proved on the spot and abandoned (the
/// paragraph then goes to the engine) whenever the proof fails:
/// - quotation marks of another style's family (`“”‘’` for the Taiwan and Hong Kong styles,
///   `「」『』` for the mainland), when every mark of the paragraph pairs up with the one on
///   top of a stack (so the quote pass's matching is the same), every pair is Chinese by a
///   test the quote pass also makes (it holds a CJK letter, or a CJK letter or Chinese
///   punctuation touches it on the outside), and no inline code could protect a mark;
/// - with `--spacing insert`, a space between a CJK letter and a Latin letter or digit
///   written where there is none, and a run of spaces between them made one space (with
///   `keep`, the run's first space), when no path, URL or inline code could protect the two
///   sides (no `/`, `\` or backtick).
///
/// The output is what the engine writes, because the engine's first round makes exactly
/// these changes to such a paragraph (no other pass has a trigger in it) and its next round
/// changes nothing; `PunctuationNormalizerPropertyTests.fastPathAgreesWithEngine` checks it.
struct ParagraphRewrite {
    /// An opening quotation mark waiting for its closer.
    struct OpenQuote {
        var family: UInt8
        /// ``letters`` when the mark was read.
        var letters: Int
        /// Whether the scalar before the mark makes it Chinese (CJK letter or punctuation).
        var chineseBefore: Bool
    }

    /// Where the paragraph starts in the input.
    var start: Int
    /// Where its output starts.
    var outStart: Int
    /// The input before this index is in the output (copied lazily, in one piece per rewrite).
    var copied: Int
    /// The paragraph goes to the engine: the fast path has given up on it.
    var engine: Bool
    /// The scalar just read (a line feed at the start of a line).
    var last: UInt32 = 0x0A
    /// A lower bound of the CJK letters read so far (only differences are used).
    var letters = 0
    /// A quotation mark of a family the style does not write was read.
    var quotesChange = false
    /// A mark did not pair up as the proof needs, or a pair is not provably Chinese.
    var quotesUnsettled = false
    /// The output differs from the input in a quotation mark, or in spacing.
    var rewroteQuotes = false
    var rewroteSpacing = false
    /// A backtick (inline code), or a `/` or `\` (a path or URL), was read.
    var sawBacktick = false
    var sawSlash = false

    init(start: Int, outStart: Int, engine: Bool) {
        self.start = start
        self.outStart = outStart
        self.copied = start
        self.engine = engine
    }

    /// Whether the paragraph so far can no longer be proved: it must go to the engine.
    @inline(__always)
    var mustGiveUp: Bool {
        (quotesChange && quotesUnsettled) || (sawBacktick && (rewroteQuotes || rewroteSpacing))
            || (sawSlash && rewroteSpacing)
    }

    /// Copies the input up to `i` to the output, then writes `scalar` in place of the
    /// `length` bytes at `i`.
    @inline(__always)
    mutating func replace(_ p: UnsafeBufferPointer<UInt8>, at i: Int, length: Int, with scalar: UInt32,
                          into out: inout [UInt8]) {
        if i > copied { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<i])) }
        UTF8Codec.encode(scalar, into: &out)
        copied = i + length
    }

    /// Copies the rest of the paragraph, up to `end`, to the output.
    @inline(__always)
    mutating func finish(_ p: UnsafeBufferPointer<UInt8>, end: Int, into out: inout [UInt8]) {
        if end > copied { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<end])) }
        copied = end
    }
}

extension ParagraphRewrite {
    /// Whether `c` makes a quotation next to it Chinese (the quote pass's
    /// `isChineseContext`, without the flag of a Chinese quote: a weaker test, which can
    /// only make the fast path give up more often).
    @inline(__always)
    static func isChineseContext(_ c: UInt32) -> Bool {
        NormalizationScalar.isLetter(c) || NormalizationScalar.isStrongCJKPunctuation(c)
    }

    /// Reads the curly or corner quotation mark `v`, three bytes at `i`; `next` is the
    /// scalar after it. Writes the style's mark when `v` is of another family. The caller
    /// then checks ``mustGiveUp``.
    @inline(__always)
    mutating func readQuote(_ v: UInt32, next: UInt32, style: StyleValues, stack: inout [OpenQuote],
                            _ p: UnsafeBufferPointer<UInt8>, at i: Int, into out: inout [UInt8]) {
        let family: NormalizationEngine.QuoteFamily
        let opens: Bool
        switch v {
        case 0x201C: (family, opens) = (.curlyDouble, true)
        case 0x201D: (family, opens) = (.curlyDouble, false)
        case 0x2018: (family, opens) = (.curlySingle, true)
        case 0x2019: (family, opens) = (.curlySingle, false)
        case 0x300C: (family, opens) = (.cornerOuter, true)
        case 0x300D: (family, opens) = (.cornerOuter, false)
        case 0x300E: (family, opens) = (.cornerInner, true)
        default: (family, opens) = (.cornerInner, false)
        }
        let changes = NormalizationEngine.isQuoteTrigger(v, style: style)
        if changes { quotesChange = true }
        if !opens && v == 0x2019 && NormalizationEngine.isWordScalar(last) && ScalarClass.isLatinLetter(next) {
            // An apostrophe (It’s), which the quote pass leaves alone; one the style does
            // not write would cost the engine another round: left to it.
            if changes { quotesUnsettled = true }
            return
        }
        if opens {
            stack.append(OpenQuote(family: family.rawValue, letters: letters, chineseBefore: Self.isChineseContext(last)))
        } else if let top = stack.last, top.family == family.rawValue,
                  family == .cornerOuter || family == .cornerInner || letters > top.letters || top.chineseBefore
                    || Self.isChineseContext(next) {
            stack.removeLast()
        } else {
            quotesUnsettled = true
        }
        if changes {
            let outer = family == .curlyDouble || family == .cornerOuter
            let mark = opens ? (outer ? style.outerOpen : style.innerOpen) : (outer ? style.outerClose : style.innerClose)
            replace(p, at: i, length: 3, with: mark, into: &out)
            rewroteQuotes = true
        }
    }

    /// With `--spacing insert`: whether the spacing pass puts a space between `left` and
    /// `right` (a CJK letter and a Latin letter, digit or unit sign, in either order).
    @inline(__always)
    static func spaceBetween(_ left: UInt32, _ right: UInt32) -> Bool {
        (NormalizationScalar.isLetter(left) && NormalizationScalar.isAlnumLike(right))
            || (NormalizationScalar.isAlnumLike(left) && NormalizationScalar.isLetter(right))
    }

    /// With `--spacing insert`: writes a space before the scalar at `i`.
    @inline(__always)
    mutating func insertSpace(_ p: UnsafeBufferPointer<UInt8>, before i: Int, into out: inout [UInt8]) {
        if i > copied { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<i])) }
        out.append(0x20)
        copied = i
        rewroteSpacing = true
    }

    /// With `--spacing insert` or `keep`: reads the run of spaces at `i`, not at the start of
    /// a line. Between a CJK letter and a Latin letter or digit the spacing pass makes it one
    /// space (insert) or its first space (keep); returns the index after it. Returns nil for
    /// any other run (the engine's).
    @inline(__always)
    mutating func readSpaceRun(_ p: UnsafeBufferPointer<UInt8>, at i: Int, insert: Bool,
                               into out: inout [UInt8]) -> Int? {
        let n = p.count
        var e = i
        var next: UInt32 = 0x0A
        while e < n {
            let (v, length) = UTF8Codec.decode(p, e)
            next = v
            guard NormalizationScalar.isSpace(v) else { break }
            e += length
        }
        guard e < n, Self.spaceBetween(last, next) else { return nil }
        let (first, firstLength) = UTF8Codec.decode(p, i)
        let space: UInt32 = insert ? 0x20 : first
        if !(e == i + firstLength && first == space) {
            replace(p, at: i, length: e - i, with: space, into: &out)
            rewroteSpacing = true
        }
        last = space
        return e
    }
}
