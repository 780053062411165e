/// The running counts of one line's measurement (``RejoinLineScanner``), updated scalar by
/// scalar from the first non-space scalar on, and turned into a ``RejoinLine`` at the end.
///
/// Each kind of scalar has one update: ``addSpace(_:)`` for white space,
/// ``add(_:endingAt:)`` for any other scalar, and one shortcut for the scalars that make up
/// most Chinese text inside a word (no space before them, not the line's first), Han
/// characters and compressible punctuation: ``addWordSpan(_:_:)``. The shortcut leaves the
/// tally exactly as the same scalars through ``add(_:endingAt:)`` would; it skips only the
/// tests that cannot hold for such a scalar.
struct RejoinLineTally {
    /// Typeset width of the content so far, inner spaces included (quarter ems).
    var width = 0
    /// Width of the inner spaces (trailing ones excluded).
    var spaceWidth = 0
    /// Width of the current run of spaces, not yet counted in ``width``.
    var pendingSpace = 0
    /// The half-width scalars counted in ``width`` by class (see ``RejoinLine/halfWidths``),
    /// and the half-width spaces of the current run.
    var halfWidths = RejoinHalfWidthCounts()
    var pendingHalfSpaces: Int32 = 0
    /// Offset just after the last non-space scalar.
    var lastContentEnd = 0
    /// Non-space scalars so far.
    var scalars = 0
    /// The first non-space scalar, and the last three (0 where the line is shorter).
    var first: UInt32 = 0
    var prev: UInt32 = 0
    var prev2: UInt32 = 0
    var prev3: UInt32 = 0
    /// The current space-separated token: its length in scalars and its first scalar.
    var tokenLength = 0
    var tokenFirst: UInt32 = 0
    /// Tokens ended so far, and the length of the first one.
    var tokens = 0
    var firstTokenScalars = 0
    /// The width of the line's first unbreakable piece (``RejoinLine/leadWidth``): still
    /// growing while `leadOpen`; after it, punctuation that may not begin a line joins it
    /// while it directly follows (`leadScalars` scalars so far).
    var leadWidth = 0
    var leadOpen = true
    var leadScalars = 1
    /// Whether the first piece is a Latin word or number.
    var leadWestern = false
    /// One-scalar tokens that are CJK, and of any script.
    var singleTokens = 0
    var singleAny = 0
    /// Scalars whose typeset width may differ from ``RejoinLineScanner/columns(_:)``.
    var uncertain = 0
    /// Whether a single half-width character, one space and another one occur.
    var narrowSpacing = false
    /// Sentence ends (`。！？`) and commas (`，、,`), with the index of the last of each.
    var sentenceEnds = 0
    var lastSentenceEndIndex = -1
    var commas = 0
    var lastCommaIndex = -1
    /// Whether a space separates two CJK scalars.
    var cjkSpace = false
    /// CJK next to a Latin letter or digit across a space, and directly.
    var spaced: Int32 = 0
    var solid: Int32 = 0
    /// The latest run of Latin letters: its length and whether it begins with a capital.
    var runLength = 0
    var runCapital = false
    var asciiLetters = false
    /// A URL in the current token: 0 nothing, 1 `:` seen, 2 `:/` seen, 3 `://` seen.
    var urlState = 0
    var tokenURL = false
    /// Whether `日` occurs (a dateline `…日电` needs it; see ``RejoinLineScanner/isDateline(_:)``).
    var sawDay = false

    /// `日`, U+65E5.
    static let day: UInt32 = 0x65E5

    /// A white-space scalar (``RejoinClass/isLineSpace(_:)``): it counts once the next
    /// non-space scalar shows it is inside the line.
    @inline(__always)
    mutating func addSpace(_ v: UInt32) {
        if v == RejoinClass.ideographicSpace {
            pendingSpace += RejoinLineScanner.fullWidth
        } else {
            pendingSpace += RejoinLineScanner.halfWidth
            pendingHalfSpaces += 1
        }
    }

    /// Any non-space scalar `v`, whose bytes end at `end`.
    @inline(never)
    mutating func add(_ v: UInt32, endingAt end: Int) {
        let w = RejoinLineScanner.columns(v)
        if scalars > 0 {
            if pendingSpace > 0 {
                endToken(before: v)
            } else if Self.isMixedPair(v, prev) {
                solid += 1
            }
        }
        extendLead(v, width: w)
        pendingSpace = 0
        pendingHalfSpaces = 0
        if w == RejoinLineScanner.halfWidth { halfWidths.count(v) }
        if RejoinClass.isLatinLetter(v) { continueLatinRun(v) }
        if v == Self.day { sawDay = true }
        appendToToken(v, width: w, endingAt: end)
    }

    /// A span of Han characters and compressible punctuation inside a word (no space
    /// before it, not the line's first scalar, the first piece closed), measured by
    /// ``RejoinWordSpan/scan(_:from:to:leadAt:)`` in `p`: the tally ends as if each of its
    /// characters had gone through ``add(_:endingAt:)``.
    @inline(__always)
    mutating func addWordSpan(_ s: RejoinWordSpan, _ p: UnsafePointer<UInt8>) {
        // only the first can follow a Latin letter or digit
        if s.firstIsHan && RejoinClass.isAlnum(prev) { solid += 1 }
        if s.leadExtension > 0 {
            leadWidth += RejoinLineScanner.compressedWidth * s.leadExtension
            leadScalars += s.leadExtension
        }
        if s.sentenceEnds > 0 {
            sentenceEnds += s.sentenceEnds
            lastSentenceEndIndex = scalars + s.lastSentenceEnd
        }
        if s.commas > 0 {
            commas += s.commas
            lastCommaIndex = scalars + s.lastComma
        }
        let n = s.count
        width += RejoinLineScanner.fullWidth * n - s.compressible
        uncertain += s.compressible
        tokenLength += n
        // a Han character or punctuation ends what could still become a URL; a URL seen
        // stays seen
        if urlState < 3 { urlState = 0 }
        if s.sawDay { sawDay = true }
        let q = p + s.end
        if n >= 3 {
            prev3 = RejoinLineScanner.decodeHan(q - 9)
            prev2 = RejoinLineScanner.decodeHan(q - 6)
        } else if n == 2 {
            prev3 = prev
            prev2 = RejoinLineScanner.decodeHan(q - 6)
        } else {
            prev3 = prev2
            prev2 = prev
        }
        prev = RejoinLineScanner.decodeHan(q - 3)
        scalars += n
        lastContentEnd = s.end
    }

    /// The line's first two scalars where both are Han characters U+4E00–U+9FFF (most Chinese
    /// lines begin so) and nothing is counted yet: `v0` ending at `end0`, `v1` at `end1`. The
    /// tally ends exactly as if each had gone through ``add(_:endingAt:)``, whose every test
    /// is decided here for such a pair: width 4, no Latin letter or digit next to them, the
    /// first opens the line's first piece (a Han character) and the second closes it (it may
    /// begin a line). After them the word spans take over (``addWordSpan(_:_:)``).
    @inline(__always)
    mutating func addFirstHanPair(_ v0: UInt32, endingAt end0: Int, _ v1: UInt32, endingAt end1: Int) {
        // the first: `add` with scalars == 0 and the first piece open (see extendLead)
        leadWidth = RejoinLineScanner.fullWidth
        leadWestern = false
        leadOpen = true
        appendHan(v0, endingAt: end0)
        // the second: `add` after a Han character, with no space between (see extendLead: a
        // character after the line's first Han character closes the first piece unless it
        // is a slash, and joins it only if it may not begin a line)
        leadOpen = false
        appendHan(v1, endingAt: end1)
        pendingSpace = 0
        pendingHalfSpaces = 0
    }

    /// What ``add(_:endingAt:)`` and ``appendToToken(_:width:endingAt:)`` do for a Han character
    /// `v` inside a token (width 4: no uncertain width, no punctuation count).
    @inline(__always)
    private mutating func appendHan(_ v: UInt32, endingAt end: Int) {
        if v == Self.day { sawDay = true }
        if urlState < 3 { urlState = 0 }
        if urlState == 3 { tokenURL = true }
        if tokenLength == 0 { tokenFirst = v }
        tokenLength += 1
        width += RejoinLineScanner.fullWidth
        recordScalar(v, endingAt: end)
    }

    /// Every non-space scalar's last step: the line's first scalar, the last three, the count
    /// and where the content ends (shared by ``appendToToken(_:width:endingAt:)`` and the Han
    /// pair's fast path).
    @inline(__always)
    private mutating func recordScalar(_ v: UInt32, endingAt end: Int) {
        if scalars == 0 { first = v }
        prev3 = prev2
        prev2 = prev
        prev = v
        scalars += 1
        lastContentEnd = end
    }

    /// Ends the tokens at the end of the line.
    @inline(__always)
    mutating func finish() {
        tokens += 1
        if tokens == 1 { firstTokenScalars = scalars }
        if tokenLength == 1 {
            singleAny += 1
            if ScalarClass.isCJK(tokenFirst) { singleTokens += 1 }
        }
    }

    // MARK: The parts of an update

    /// CJK next to a Latin letter or digit.
    @inline(__always)
    static func isMixedPair(_ v: UInt32, _ u: UInt32) -> Bool {
        (RejoinClass.isAlnum(v) && ScalarClass.isCJKLetter(u)) || (RejoinClass.isAlnum(u) && ScalarClass.isCJKLetter(v))
    }

    /// The spaces before `v` end a token.
    @inline(__always)
    private mutating func endToken(before v: UInt32) {
        tokens += 1
        if tokens == 1 { firstTokenScalars = scalars }
        if tokenLength == 1 {
            singleAny += 1
            if ScalarClass.isCJK(tokenFirst) { singleTokens += 1 }
        }
        if pendingSpace == RejoinLineScanner.halfWidth && RejoinLetterSpacing.isNarrow(v)
            && RejoinLetterSpacing.isNarrow(prev) && (tokenLength == 1 || !RejoinClass.isWestern(prev2)) {
            narrowSpacing = true
        }
        tokenLength = 0
        tokenURL = false
        urlState = 0
        width += pendingSpace
        spaceWidth += pendingSpace
        halfWidths.spaces &+= pendingHalfSpaces
        if ScalarClass.isCJK(prev) && ScalarClass.isCJK(v) { cjkSpace = true }
        if Self.isMixedPair(v, prev) { spaced += 1 }
    }

    /// The line's first unbreakable piece: a Western word with its punctuation, or the first
    /// character with the punctuation and dash that directly follow it.
    @inline(__always)
    private mutating func extendLead(_ v: UInt32, width w: Int) {
        if leadOpen {
            if scalars == 0 {
                leadWidth = w
                leadWestern = RejoinClass.isWestern(v)
                // an opening bracket or quote never ends a line: it goes with what
                // follows; so may a path after a character
                leadOpen = leadWestern || RejoinClass.isOpening(v) || v &- 0x4E00 < 0x5200
            } else if pendingSpace > 0 {
                leadOpen = false
            } else if scalars == 1 && first &- 0x4E00 < 0x5200 {
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
            } else if scalars == 1 && RejoinClass.isOpening(first) && !(leadWestern && RejoinClass.isWestern(v)) {
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
        } else if scalars == leadScalars && pendingSpace == 0 && (RejoinClass.isNonInitial(v) || RejoinClass.isDash(v)) {
            leadWidth += w
            leadScalars += 1
        }
    }

    /// A Latin letter `v`.
    @inline(__always)
    private mutating func continueLatinRun(_ v: UInt32) {
        if v < 0x80 { asciiLetters = true }
        if !RejoinClass.isLatinLetter(prev) || tokenLength == 0 {
            runLength = 0
            runCapital = v < 0x80 ? (v &- 0x41 < 26) : false
        }
        runLength += 1
    }

    /// What every non-space scalar does: the URL, the token, the width, the punctuation
    /// counts and the last scalars.
    @inline(__always)
    private mutating func appendToToken(_ v: UInt32, width w: Int, endingAt end: Int) {
        switch v {
        case 0x3A: urlState = 1
        case 0x2F: urlState = urlState == 1 ? 2 : (urlState == 2 ? 3 : urlState)
        case 0x2E:
            // `www.`
            if tokenLength == 3 && prev == 0x77 && prev2 == 0x77 && prev3 == 0x77 { tokenURL = true }
        default: if urlState < 3 { urlState = 0 }
        }
        if urlState == 3 { tokenURL = true }
        if tokenLength == 0 { tokenFirst = v }
        tokenLength += 1
        width += w
        if w != RejoinLineScanner.fullWidth { uncertain += 1 }
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
        recordScalar(v, endingAt: end)
    }
}
