/// The bytes and scalars that can make the engine change a paragraph. A paragraph with
/// none of them is copied as it is (the fast path).
///
/// Built from what each pass declares in its own file (`…ASCIITriggers` and
/// `is…Trigger`); a new rule adds its triggers there, not here.
struct NormalizationTriggers: Sendable {
    /// ASCII bytes that may change or make a space change.
    let ascii: [Bool]
    /// What the fast scan does with each ASCII byte (``ASCIIAction``).
    let asciiActions: [ASCIIAction]
    let style: StyleValues
    let insertSpaces: Bool

    /// What an ASCII byte means to the fast scan.
    enum ASCIIAction: UInt8, Sendable {
        /// Nothing: copied.
        case plain
        /// A trigger of a pass other than spacing: the engine's, unless it is inert.
        case trigger
        /// A space or tab: inert between two Han characters; with `--spacing insert` or
        /// `keep`, a run between a CJK letter and a Latin letter or digit is the fast path's.
        case space
        /// With `--spacing insert`, a letter, digit or `%`: a space may go between it and a
        /// CJK letter (the fast path writes it).
        case alnum
        /// `/` or `\`: may start a path or URL, inside which no space is inserted.
        case slash
        /// A backtick: may start inline code, inside which nothing changes.
        case backtick
    }

    init(style: StyleValues, options: PunctuationNormalizer.Options) {
        let insert = options.spacing == .insert
        let others = NormalizationEngine.quoteASCIITriggers + NormalizationEngine.bracketASCIITriggers
            + NormalizationEngine.punctuationASCIITriggers + NormalizationEngine.runsASCIITriggers
        var actions = [ASCIIAction](repeating: .plain, count: 128)
        for b in ProtectedSpans.pathASCII.utf8 { actions[Int(b)] = .slash }
        for b in ProtectedSpans.codeASCII.utf8 { actions[Int(b)] = .backtick }
        if insert { for b in NormalizationEngine.spacingInsertASCIITriggers.utf8 { actions[Int(b)] = .alnum } }
        for b in others.utf8 { actions[Int(b)] = .trigger }
        for b in NormalizationEngine.spacingASCIITriggers.utf8 { actions[Int(b)] = .space }
        asciiActions = actions
        ascii = actions.map { $0 == .trigger || $0 == .space || $0 == .alnum }
        self.style = style
        self.insertSpaces = insert
    }

    /// Whether the ASCII trigger byte at `i` is one that never changes anything: a single
    /// space between two Han characters, `.` `,` `:` between two digits (3.14, 1,000,
    /// 10:30), a single `-`.
    @inline(__always)
    func isInert(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, afterHan: Bool) -> Bool {
        let b = p[i]
        let next: UInt8 = i + 1 < p.count ? p[i + 1] : 0
        switch b {
        case 0x20:
            return afterHan && next &- PunctuationNormalizer.hanLeadFirst < PunctuationNormalizer.hanLeadCount
        case 0x2E, 0x2C, 0x3A:
            return i > 0 && p[i - 1] &- 0x30 < 10 && next &- 0x30 < 10
        case 0x2D:
            return next != 0x2D && (i == 0 || p[i - 1] != 0x2D)
        default:
            return false
        }
    }

    /// Whether the engine would leave the paragraph `v` (its scalars, as the engine holds
    /// them) unchanged, judged by the same triggers as the fast scan: `v` is a fixed point
    /// when it has no trigger and no blank line. Conservative: `false` only costs the
    /// engine another round.
    func isFixedPoint(_ v: [UInt32]) -> Bool {
        v.withUnsafeBufferPointer { p in
            let n = p.count
            var afterHan = false
            var blankLine = true
            var i = 0
            while i < n {
                let c = p[i]
                if c < 0x80 {
                    if c == 0x0A {
                        if blankLine { return false }
                        afterHan = false
                        i += 1
                        continue
                    }
                    if c != 0x20 && c != 0x09 && c != 0x0D { blankLine = false }
                    if ascii[Int(c)] {
                        let prev: UInt32 = i > 0 ? p[i - 1] : 0
                        let next: UInt32 = i + 1 < n ? p[i + 1] : 0
                        let inert: Bool
                        switch c {
                        case 0x20: inert = afterHan && next &- 0x4000 < 0x6000
                        case 0x2E, 0x2C, 0x3A: inert = i > 0 && prev &- 0x30 < 10 && next &- 0x30 < 10
                        case 0x2D: inert = next != 0x2D && (i == 0 || prev != 0x2D)
                        default: inert = false
                        }
                        if !inert { return false }
                    }
                    afterHan = false
                    i += 1
                    continue
                }
                blankLine = false
                // U+4000...U+9FFF and the elided middles of Han runs: never a trigger.
                if c &- 0x4000 < 0x6000 || (c >= NormalizationScalar.hanRunBase) {
                    afterHan = true
                    i += 1
                    continue
                }
                afterHan = false
                var run = 1
                if NormalizationEngine.isRunScalar(c) {
                    while i + run < n && p[i + run] == c { run += 1 }
                }
                if isTrigger(c, runLength: run) { return false }
                i += run
            }
            return !blankLine || n == 0 || p[n - 1] == 0x0A
        }
    }

    /// Whether the non-ASCII scalar `v` may change or make a space change. `runLength`
    /// is the number of equal scalars starting here (for `…`, `—` and `。`).
    @inline(__always)
    func isTrigger(_ v: UInt32, runLength: Int) -> Bool {
        NormalizationEngine.isSpacingTrigger(v, insertSpaces: insertSpaces)
            || NormalizationEngine.isQuoteTrigger(v, style: style)
            || isEngineTrigger(v, runLength: runLength)
    }

    /// The triggers of ``isTrigger(_:runLength:)`` the fast path leaves to the engine: all
    /// but spaces, CJK–Latin spacing and quotation marks, which it reads itself
    /// (``ParagraphRewrite``).
    @inline(__always)
    func isEngineTrigger(_ v: UInt32, runLength: Int) -> Bool {
        NormalizationEngine.isWidthTrigger(v, style: style)
            || NormalizationEngine.isRunsTrigger(v, runLength: runLength, style: style)
    }
}
