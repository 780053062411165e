/// The facts about the neighbourhood of one line break that the rejoiner measures in its
/// window of lines: the local column width, whether the lines form a column at all, the
/// blank-line style and the indentation and spacing conventions.
struct RejoinContext {
    /// The local full-line width, in quarter ems.
    var columnWidth: Int = 0
    /// Whether the window's lines form a justified column (many lines near one width).
    var isColumn: Bool = false
    /// Whether (nearly) every line is followed by a blank line, so blank lines carry no
    /// information except where they are missing or more numerous than usual.
    var blankAfterEveryLine: Bool = false
    /// The usual number of blank lines after a line when ``blankAfterEveryLine``.
    var usualBlanks: Int32 = 0
    /// The smallest indentation of the line before the break and the four lines after
    /// it (a layout margin, not an indent).
    var baseIndent: Int = 0
    /// Whether several lines of the window are indented: paragraphs are then marked by
    /// indents, and a blank line before a line that is not indented is a column break.
    var indentsMarkParagraphs: Bool = false
    /// Whether the document writes a space between CJK and Latin letters or digits.
    var spacesMixedScript: Bool = false
    /// Whether Latin letters and digits are rare in the window (less than one CJK–Latin
    /// neighbourhood per four lines), so that the column width measured from its full
    /// lines is close to the typeset one.
    var fewLatin: Bool = false
    /// Whether the window holds at least ``RejoinRules/paragraphedLines`` lines wider than
    /// any column: the text is already one paragraph per line, so no line of it is a
    /// column line and every line break is kept.
    var paragraphed: Bool = false
    /// Whether the window holds too few text lines to show a column or a heading
    /// (fewer than ``RejoinRules/minimumEvidenceLines``): a break inside a sentence
    /// then joins and no paragraph break is inserted.
    var littleEvidence: Bool = false
    /// How wide the document's half-width scalars are (``RejoinWidthCalibration``): the
    /// line before the break and the next are measured with them.
    var halfWidths = RejoinHalfWidths()
}

/// A group of lines of about the same width: the column they show.
struct RejoinCluster {
    /// The median width of the group, in quarter ems.
    var width: Int
    /// The number of lines in the group.
    var lines: Int
}

/// The decision at one line break.
struct RejoinDecision {
    var join: Bool
    var reason: RejoinReason
    /// Whether the next line continues a heading (a short or over-wide line it was
    /// joined to), so that its own end is a heading's end, not a column line's.
    var continuesHeading: Bool = false
    /// Whether the next line continues the same visual line (an extractor split it), so
    /// that it is measured with this line's width added.
    var carriesWidth: Bool = false

    init(join: Bool, reason: RejoinReason, continuesHeading: Bool = false, carriesWidth: Bool = false) {
        self.join = join
        self.reason = reason
        self.continuesHeading = continuesHeading
        self.carriesWidth = carriesWidth
    }
}

/// The rules that decide each line break from the lines around it.
///
/// Widths are measured in quarter ems (a CJK character is 4, an ASCII character 2, see
/// ``RejoinLineScanner/columns(_:)``). The thresholds are in ems of typesetting, not tuned to a document:
/// a full line is within 1.5 em of the column width (compressed punctuation and
/// half-width digits make full lines vary by about that much), an indented first line is
/// 2 em narrower.
enum RejoinRules {
    /// Slack below the column width that still counts as a full line (1.5 em).
    static let fullSlack = 6
    /// The indentation of a paragraph's first line in Chinese typesetting (2 em).
    static let firstLineIndent = 8
    /// How much wider than the column a line must be to be another block (3 em).
    static let wideExcess = 12

    /// Computes the window facts for the break after `lines[a]`, from `lines[lo...hi]`
    /// (the evidence of indented first lines is measured only when a decision asks for
    /// it, see ``decide(_:_:after:aStartsParagraph:aInHeading:context:indentEvidence:)``).
    /// `base` is the absolute index of `lines[0]` in the stream, and `nearWindow` and
    /// `wholeWindow` the sorted windows of the nearest lines and of the whole window at the
    /// stream's previous line break.
    static func context(_ lines: UnsafeBufferPointer<RejoinLine>, around a: Int, lo: Int, hi: Int,
                        base: Int, nearWindow: inout RejoinSortedWindow,
                        wholeWindow: inout RejoinSortedWindow) -> RejoinContext {
        var ctx = RejoinContext()
        // counts over lines[lo...hi] and the line breaks between them
        let first = lines[lo].prefix, last = lines[hi].prefix
        let h0 = Int(last.blank1 &- first.blank1), h1 = Int(last.blank2 &- first.blank2)
        let h2 = Int(last.blank3 &- first.blank3)
        let gaps = hi - lo, blankGaps = h0 + h1 + h2
        let lastLine = lines[hi]
        let spaced = last.spaced &- first.spaced &+ lastLine.spacedMixed
        let solid = last.solid &- first.solid &+ lastLine.solidMixed
        let indented = Int(last.indented &- first.indented) + (lastLine.indentCols > 0 ? 1 : 0)
        let unwrapped = Int(last.unwrapped &- first.unwrapped) + (lastLine.filledWidth > maxColumnWidth ? 1 : 0)
        ctx.paragraphed = unwrapped >= paragraphedLines
        ctx.littleEvidence = gaps + 1 < minimumEvidenceLines
        let blankHistogram = (h0, h1, h2)
        // the margin: the smallest indentation of this line and the four after it
        var baseIndent = Int.max
        for k in a...min(hi, a + 4) where lines[k].indentCols < baseIndent { baseIndent = lines[k].indentCols }
        ctx.baseIndent = baseIndent == Int.max ? 0 : baseIndent
        if ctx.baseIndent == 0 && indented >= 2 { ctx.indentsMarkParagraphs = true }
        ctx.spacesMixedScript = spaced > solid
        ctx.fewLatin = Int(spaced + solid) * 4 < gaps + 1
        // Blank lines after every line say nothing only where there are enough lines to
        // show it: two or three paragraphs separated by blank lines (text already
        // rejoined) look the same and keep their breaks.
        if !ctx.littleEvidence && gaps >= 2 && blankGaps * 10 >= gaps * 7 {
            ctx.blankAfterEveryLine = true
            let h = blankHistogram
            ctx.usualBlanks = h.0 >= h.1 && h.0 >= h.2 ? 1 : (h.1 >= h.2 ? 2 : 3)
        }
        // The column width: the widest cluster of at least three lines within 1.5 em of
        // each other, first among the nearest lines, then in the whole window.
        let near = ColumnRejoiner.nearLines
        // the nearest lines: `near` before the break and two after it, or more after it
        // where the text has fewer lines before
        let nearLo = max(lo, a - near)
        let nearHi = min(hi, max(a + 2, nearLo + near + 2))
        // the whole window's cluster only where it is needed (the window moves at every break)
        let wholeKept = wholeWindow.move(lines, base: base, lo: lo, hi: hi)
        func wholeCluster() -> RejoinCluster? {
            wholeKept ? wholeWindow.widestCluster() : clusterWidth(lines, lo: lo, hi: hi)
        }
        func linesAboutInWindow(_ width: Int, openOnly: Bool) -> Int {
            wholeKept ? wholeWindow.linesAbout(width, openOnly: openOnly)
                : linesAbout(width, lines, lo: lo, hi: hi, openOnly: openOnly)
        }
        let nearest = clusterWidth(lines, lo: nearLo, hi: nearHi, base: base, window: &nearWindow)
        if let nearCluster = nearest {
            var w = nearCluster.width
            // The nearest lines show a column only just (a title block: title, author,
            // date), and the window shows a much wider one with far more lines: that one.
            if nearCluster.lines < minimumNearClusterLines, let whole = wholeCluster(), whole.width > w + wideExcess,
               whole.lines >= 2 * nearCluster.lines {
                w = whole.width
            }
            // A narrower column may begin here: the next line is too narrow for this
            // column's first or full lines, and the lines after it form a narrower column
            // that it and this line fit.
            if a + 1 <= hi {
                let b = lines[a + 1], aw = lines[a].filledWidth
                if b.filledWidth < w - firstLineIndent - 2 * fullSlack,
                   let f = clusterWidth(lines, lo: a + 1, hi: min(hi, a + 1 + near))?.width,
                   f < w - wideExcess, b.filledWidth <= f + fullSlack,
                   b.filledWidth >= f - firstLineIndent - fullSlack, aw <= f + fullSlack {
                    w = f
                }
            }
            ctx.columnWidth = w
            ctx.isColumn = true
        } else if let whole = wholeCluster() {
            ctx.columnWidth = whole.width
            ctx.isColumn = true
        } else {
            ctx.columnWidth = lines[a].filledWidth
            ctx.isColumn = false
        }
        // Three lines of about one width are too little to show a column among many other
        // lines: paragraphs, text already rejoined (the rejoiner's own output), of which
        // three happen to be of about one width. Where blank lines follow every line, the
        // column is the only evidence of structure, and only lines it wrapped show it: at
        // least four of about its width that stop mid-sentence (a text already rejoined
        // has its paragraphs' ends there, and a few headings). Without a column little
        // changes: the text's own breaks stay, a break inside a sentence joins, so that
        // rejoining the output again changes nothing.
        if ctx.isColumn && ctx.blankAfterEveryLine {
            // (where a blank line follows every line of the window but its last, each block is
            // one line, and the blocks about the width that stop mid-sentence are the lines
            // about it that do: a run of the window's sorted keys)
            let blocks = wholeKept && blankGaps == gaps
                ? wholeWindow.linesAbout(ctx.columnWidth, openOnly: true, atMost: minimumNearClusterLines)
                : blocksAbout(ctx.columnWidth, lines, lo: lo, hi: hi, atMost: minimumNearClusterLines)
            if blocks < minimumNearClusterLines {
                ctx.columnWidth = lines[a].filledWidth
                ctx.isColumn = false
            }
        } else if ctx.isColumn && (nearest?.lines ?? 0) < minimumNearClusterLines
                    && (wholeCluster()?.lines ?? 0) < minimumNearClusterLines,
                  case let support = linesAboutInWindow(ctx.columnWidth, openOnly: false),
                  support < minimumNearClusterLines, support * 2 < hi - lo + 1 {
            ctx.columnWidth = lines[a].filledWidth
            ctx.isColumn = false
        }
        if ctx.isColumn && ctx.blankAfterEveryLine {
            // Blank lines between all lines, and a "column" that most lines of the window
            // are more than three times as wide as (no page sets a column beside one three
            // times wider): a few short paragraphs (headings, a title block) of similar
            // width among longer ones, in text that is already paragraphs, not a column.
            let limit = max(3 * ctx.columnWidth, ctx.columnWidth + wideExcess)
            // (more than half of the lines: counted until the answer is known, more than
            // half of them wider, or the rest, at least half of them, not)
            let half = (hi - lo + 1) / 2
            var wider = 0, notWider = hi - lo + 1 - half, k = lo
            while k <= hi {
                if lines[k].filledWidth > limit {
                    wider &+= 1
                    if wider > half { break }
                } else {
                    notWider &-= 1
                    if notWider == 0 { break }
                }
                k &+= 1
            }
            if wider > half {
                ctx.columnWidth = lines[a].filledWidth
                ctx.isColumn = false
            }
        }
        if ctx.paragraphed {
            // among paragraphs wider than any column, a few short ones of similar width
            // (headings) are no column
            ctx.columnWidth = lines[a].filledWidth
            ctx.isColumn = false
        }
        return ctx
    }

    /// How many more of the paragraphs' first lines in the window are narrower than the
    /// column (an indent the extractor dropped) than are as wide as it: the lines that
    /// follow a clear paragraph end (a short line, or a separating blank line after a line
    /// that is not full) and go on to another line are measured against the column width.
    /// An indented first line that goes on fills the column less the indent, within one
    /// character: one narrower still is a heading or a lead-in, no evidence of an indent (a
    /// column of flush paragraphs with headings would otherwise measure its first lines as
    /// indented, and join each heading to the paragraph after it).
    static func firstLineIndentEvidence(_ lines: UnsafeBufferPointer<RejoinLine>, lo: Int, hi: Int,
                                        context ctx: RejoinContext) -> Int {
        let w = ctx.columnWidth
        var narrow = 0, wide = 0
        guard lo + 1 < hi else { return 0 }
        guard let base = lines.baseAddress else { return 0 }
        for k in (lo + 1)..<hi {
            // through pointers: a line record is too large to copy twice per line
            let before = UnsafePointer(base + k - 1), l = UnsafePointer(base + k)
            let ended = before.pointee.filledWidth < w - firstLineIndent - fullSlack
                || (before.pointee.blanksAfter > 0 && !ctx.blankAfterEveryLine && before.pointee.end == .final
                    && before.pointee.filledWidth < w - fullSlack)
            guard ended, l.pointee.end != .final, l.pointee.blanksAfter == 0 || ctx.blankAfterEveryLine,
                  l.pointee.indentCols <= ctx.baseIndent, !l.pointee.letterSpaced, l.pointee.scalars >= 4
            else { continue }
            let lw = l.pointee.filledWidth
            if lw <= w - 4 && lw > w - firstLineIndent - RejoinLineScanner.fullWidth { narrow += 1 } else if lw >= w { wide += 1 }
        }
        return narrow - wide
    }

    /// How many lines of `lines[lo...hi]` that can show a column (``RejoinLine/clusterKey``)
    /// are about `width` wide (within ``spread(_:)``), and stop mid-sentence if `openOnly`.
    static func linesAbout(_ width: Int, _ lines: UnsafeBufferPointer<RejoinLine>, lo: Int, hi: Int,
                           openOnly: Bool) -> Int {
        let spread = spread(width)
        var n = 0
        for k in lo...hi where lines[k].clusterKey >= 0 && abs(lines[k].filledWidth - width) <= spread
            && (!openOnly || lines[k].clusterKey & 1 == 1) {
            n += 1
        }
        return n
    }

    /// How many blocks of `lines[lo...hi]` that stop mid-sentence are about `width` wide
    /// (within ``spread(_:)``), where blank lines follow every line: a block is a run of
    /// lines that no blank line separates, measured as the rejoiner writes it (one line,
    /// with a space between two Latin words), since a missing blank line binds its lines
    /// (``RejoinLayoutRules/blankAfterEveryLine(_:)``). The column is then judged on the
    /// lines the output will have, so that reading the output again finds the column this
    /// reading found, and no other (`z` ⏎ `Sequence` makes a line as wide as the three
    /// around it, a fourth that shows a column).
    ///
    /// Counting stops at `limit`: a caller that only asks whether there are `limit` such
    /// blocks reads no further than the block that makes them so (where a column shows, a
    /// few lines into the window).
    static func blocksAbout(_ width: Int, _ lines: UnsafeBufferPointer<RejoinLine>, lo: Int, hi: Int,
                            atMost limit: Int = .max) -> Int {
        let spread = spread(width)
        var n = 0
        var blockWidth = 0, blockScalars = 0, blockShows = true
        for k in lo...hi {
            if n >= limit { break }
            let l = lines[k]
            if blockScalars > 0 && RejoinClass.isWestern(lines[k - 1].last) && RejoinClass.isWestern(l.first) {
                blockWidth += 2
            }
            blockWidth += l.filledWidth
            blockScalars += l.scalars
            blockShows = blockShows && !l.isFurniture
            guard l.blanksAfter > 0 || l.pageAfter || k == hi else { continue }
            if blockShows && (blockScalars >= 2 || l.letterSpaced) && l.end != .final && l.clusterKey & 1 == 1
                && abs(blockWidth - width) <= spread {
                n += 1
            }
            blockWidth = 0
            blockScalars = 0
            blockShows = true
        }
        return n
    }

    /// The median width of the widest group of at least three lines of `lines[lo...hi]`
    /// whose widths lie within ``clusterSpread`` quarter ems, or nil.
    static func clusterWidth(_ lines: UnsafeBufferPointer<RejoinLine>, lo: Int, hi: Int) -> RejoinCluster? {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 32) { keyBuffer in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 32) { v in
            // width * 2 + 1 when the line ends mid-sentence: sorting keeps widths in order
            let keys = keyBuffer.baseAddress!
            var n = 0
            guard let base = lines.baseAddress else { return nil }
            for k in lo...hi where n < 32 {
                let x = base[k].clusterKey
                guard x >= 0 else { continue }
                // exact: a line record holds at most maxLineBytes bytes, each at most 2 wide
                keys[n] = Int32(truncatingIfNeeded: x)
                n += 1
            }
            guard n >= 3 else { return nil }
            // Sort by rank, without branches: the widths of a column's lines are close
            // together, so the comparisons of an insertion sort would mispredict.
            for i in 0..<n {
                let x = keys[i]
                var rank: Int32 = 0
                for j in 0..<i where keys[j] <= x { rank &+= 1 }
                for j in (i + 1)..<max(n, i + 1) where keys[j] < x { rank &+= 1 }
                v[Int(rank)] = Int(x)
            }
            return widestCluster(UnsafePointer(v.baseAddress!), count: n)
        }
        }
    }

    /// The median width of the widest group of at least three (and at least a quarter) of
    /// the ascending cluster keys `v[0..<n]` whose widths lie within ``clusterSpread``
    /// quarter ems and of which at least a third end mid-sentence, or nil.
    static func widestCluster(_ v: UnsafePointer<Int>, count n: Int) -> RejoinCluster? {
        guard n >= 3 else { return nil }
        let need = max(3, n / 4)
        var top = n - 1
        // No group tops out wider than a column: start below those keys. The bottom of the
        // group under each top depends on that top only (its lower bound grows with the
        // top's width), so the groups below are the same.
        while top >= need - 1 && (v[top] >> 1) > maxColumnWidth { top -= 1 }
        guard top >= need - 1 else { return nil }
        var bottom = top
        var opens = v[top] & 1      // lines ending mid-sentence in v[bottom...top]
        // slide a window over the sorted widths from the top; the first group large
        // enough is the widest
        while top >= need - 1 {
            let topWidth = v[top] >> 1
            let spread = spread(topWidth)
            while bottom > 0 && (v[bottom - 1] >> 1) >= topWidth - spread {
                bottom -= 1
                opens += v[bottom] & 1
            }
            let count = top - bottom + 1
            // a column's full lines mostly end mid-sentence; lines that all end
            // sentences are paragraphs that happen to be of similar length
            if topWidth <= maxColumnWidth && count >= need && opens * 3 >= count {
                return RejoinCluster(width: v[(top + bottom + 1) / 2] >> 1, lines: count)
            }
            opens -= v[top] & 1
            top -= 1
            if bottom > top {
                bottom = top
                opens = top >= 0 ? v[top] & 1 : 0
            }
        }
        return nil
    }

    /// ``clusterWidth(_:lo:hi:)`` through a window kept sorted from one line break to the
    /// next; `base` is the absolute index of `lines[0]`.
    @inline(__always)
    static func clusterWidth(_ lines: UnsafeBufferPointer<RejoinLine>, lo: Int, hi: Int, base: Int,
                             window: inout RejoinSortedWindow) -> RejoinCluster? {
        let (kept, cluster) = window.widestCluster(lines, base: base, lo: lo, hi: hi)
        return kept ? cluster : clusterWidth(lines, lo: lo, hi: hi)
    }

    /// The fewest lines of the nearest lines' cluster that settle the column without
    /// looking at the rest of the window (the three lines of a minimal cluster do not).
    static let minimumNearClusterLines = 4

    /// The widest column that hard-wrapped print can have (60 em).
    static let maxColumnWidth = 240

    /// How many lines wider than any column make a window of paragraphs that are already
    /// one line each (two: one such line may be a table row or a URL inside a column).
    static let paragraphedLines = 2

    /// The fewest text lines in a window that can show a column (the three lines of a
    /// cluster and a paragraph's last line); with fewer, only certain evidence decides.
    static let minimumEvidenceLines = 4

    /// How far apart (in quarter ems) the widths of full lines of one column may lie.
    static let clusterSpread = 8

    /// How far apart the widths of full lines of a column `width` wide may lie: 2 em, or
    /// a sixteenth of the width in wide columns, where compressed punctuation and
    /// half-width runs add up to more.
    @inline(__always)
    static func spread(_ width: Int) -> Int { max(clusterSpread, width >> 4) }
}
