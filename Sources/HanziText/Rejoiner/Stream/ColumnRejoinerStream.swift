import HanziCore

extension ColumnRejoiner {
    /// Rejoins text fed in chunks, with bounded look-ahead.
    ///
    /// The output is byte-identical to ``ColumnRejoiner/rejoin(utf8:)`` over the
    /// concatenated chunks, whatever the chunking (a chunk may end inside a UTF-8 sequence
    /// or between CR and LF).
    ///
    /// Look-ahead bound: a line break is decided once the
    /// ``ColumnRejoiner/lookAheadLines`` text lines after it have been read (or the input
    /// has ended). The stream keeps the bytes of at most ``ColumnRejoiner/lookAheadLines``
    /// + 2 text lines that it has not written yet, the measurements (about 150 bytes each)
    /// of the ``ColumnRejoiner/lookBehindLines`` lines before them, and counts of blank
    /// lines, not the lines. A line longer than ``ColumnRejoiner/maxLineBytes`` is held as
    /// pieces of at most that size, so memory is bounded by about
    /// (``ColumnRejoiner/lookAheadLines`` + 4) × ``ColumnRejoiner/maxLineBytes`` plus the
    /// chunk being fed, for input of any length and any line length.
    ///
    /// ```swift
    /// var stream = ColumnRejoiner().makeStream()
    /// var out: [UInt8] = []
    /// for chunk in chunks { stream.feed(chunk, into: &out); write(out); out.removeAll() }
    /// stream.finish(into: &out); write(out)
    /// ```
    public struct Stream: Sendable {
        let options: Options
        /// Bytes from absolute stream offset `bufferBase` on: the lines not yet written
        /// and the line being read.
        var buffer: [UInt8] = []
        var bufferBase = 0
        /// Absolute offset of the next byte to examine for a line break.
        var scanPosition = 0
        /// Absolute offset where the line being read begins.
        var lineStart = 0
        /// A CR ended the last line: an LF right after it belongs to the same break.
        var skipLF = false
        /// Number of input lines terminated so far.
        var inputLines = 0
        /// Whether the line being read, cut into pieces, has had a non-space character in
        /// a piece already: the white space at the next cut is then inside the line.
        var longLineHasContent = false
        /// Text lines; `lines[k]` has absolute index `linesBase + k`.
        var lines: [RejoinLine] = []
        var linesBase = 0
        /// Absolute index of the next line to write.
        var next = 0
        /// Whether the line `next` begins a paragraph.
        var startsParagraph = true
        /// Whether the line `next` continues a heading.
        var inHeading = false
        /// The width of the lines before `next` that the extractor split off its visual line.
        var carriedWidth = 0
        /// The width of the lines before `next` that its paragraph joined.
        var paragraphWidth = 0
        var finished = false
        var explanations: [Explanation]? = nil
        /// The sorted cluster keys of the nearest lines and of the whole window at the last
        /// decided break (see ``RejoinRules/context(_:around:lo:hi:base:nearWindow:wholeWindow:)``).
        var nearWindow = RejoinSortedWindow()
        var wholeWindow = RejoinSortedWindow()
        /// Across page furniture: whether the text line after it begins a paragraph and
        /// continues a heading, as decided between the text lines on either side of it.
        var acrossFurniture: (startsParagraph: Bool, inHeading: Bool)? = nil
        /// Recent short multi-field lines (a possible running head), by signature, with
        /// the number of the input line where each was first seen.
        var recentHeads = RejoinRunningHeads()
        /// The English words of the lines read into decision windows so far.
        var documentWords = RejoinDocumentWords()
        /// The widths of half-width scalars learned from the lines decided so far.
        var calibration = RejoinWidthCalibration()
        /// The absolute index of the last line whose words are in ``documentWords``.
        var wordsRecordedThrough = -1

        /// With one paragraph per line, the output is read again by a second stream (at most
        /// one element; an array because a stream cannot hold a stream): a paragraph break
        /// that only a blank line, an indent or a paragraph separator showed is invisible in
        /// such output, and rejoining it again must change nothing. So only the breaks that
        /// the rejoiner keeps on reading its own output are kept.
        var reread: [Stream] = []
        /// The first reading's output on its way to ``reread``.
        var rereadInput: [UInt8] = []
        /// The bytes the first reading has given ``reread`` so far: while they are at most
        /// ``ColumnRejoiner/maxLineBytes``, ``reread`` holds its output (see
        /// ``settlesShortOutput``), so its whole output is at hand at the end of the input,
        /// whatever the chunking (see ``RejoinShortOutput``).
        var rereadInputBytes = 0

        /// Whether what the first reading has given ``reread`` so far is short (see
        /// ``rereadInputBytes``).
        var rereadInputIsShort: Bool { rereadInputBytes <= ColumnRejoiner.maxLineBytes }

        /// Counts `bytes`, on their way to ``reread``.
        mutating func countRereadInput(_ bytes: [UInt8]) {
            rereadInputBytes &+= bytes.count
        }

        /// With a blank line between paragraphs, whether a short text's output is held and
        /// read again until it is settled (see ``RejoinShortOutput``): the input is short
        /// while it has at most ``ColumnRejoiner/maxLineBytes`` bytes (``shortInput``),
        /// whatever the chunking; only an output that differs from the input is read again
        /// (see ``isInput(_:_:)``). Once the input is longer, what is held is written and the
        /// stream goes on as any other: a long text is read once.
        var settlesShortOutput = false
        /// The output held while the input is short (see ``settlesShortOutput``).
        var shortOutput: [UInt8] = []
        /// The input while its output is held (see ``settlesShortOutput``), at most one chunk
        /// more than ``ColumnRejoiner/maxLineBytes`` bytes.
        var shortInput: [UInt8] = []

        /// Whether `output` is `input` itself, or `input` with the line break the output ends
        /// its last line with. Such an output is settled already: its lines are the input's, so
        /// reading it decides as reading the input did and gives it again. Any other output
        /// (lines joined, letter spacing closed up, page breaks dropped) is read again.
        static func isInput(_ output: [UInt8], _ input: [UInt8]) -> Bool {
            if output == input { return true }
            guard output.count == input.count + 1, output.last == 0x0A, input.last != 0x0A else { return false }
            return output.starts(with: input)
        }

        /// Creates a stream with the given options.
        public init(options: Options = .init()) {
            self.init(options: options, rereads: options.paragraphSeparator == .newline)
            settlesShortOutput = options.paragraphSeparator == .blankLine
        }

        init(options: Options, rereads: Bool) {
            self.options = options
            if rereads {
                var second = Stream(options: options, rereads: false)
                second.settlesShortOutput = true
                reread = [second]
            }
        }

        /// Feeds the next chunk of UTF-8 input held in contiguous memory.
        mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
            guard !finished, !chunk.isEmpty else { return }
            buffer.append(contentsOf: chunk)
            if settlesShortOutput {
                shortInput.append(contentsOf: chunk)
                var held: [UInt8] = []
                swap(&held, &shortOutput)
                readAndDecide(final: false, into: &held)
                if shortInput.count <= ColumnRejoiner.maxLineBytes {
                    swap(&held, &shortOutput)
                } else {
                    settlesShortOutput = false
                    shortInput = []
                    output.append(contentsOf: held)
                }
            } else if reread.isEmpty {
                readAndDecide(final: false, into: &output)
            } else {
                var first: [UInt8] = []
                swap(&first, &rereadInput)
                readAndDecide(final: false, into: &first)
                if !first.isEmpty {
                    countRereadInput(first)
                    first.withUnsafeBufferPointer { reread[0].feed($0, into: &output) }
                    first.removeAll(keepingCapacity: true)
                }
                swap(&first, &rereadInput)
            }
        }

        /// Feeds the next chunk of UTF-8 input (`[UInt8]`, `Data`, an array slice or any
        /// collection of bytes), appending whatever output is decided to `output`.
        public mutating func feed(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) {
            guard !finished else { return }
            let done: Void? = chunk.withContiguousStorageIfAvailable { feed($0, into: &output) }
            if done == nil {
                let copy = Array(chunk)
                copy.withUnsafeBufferPointer { feed($0, into: &output) }
            }
        }

        /// Ends the input and appends the rest of the output. Further feeds are ignored.
        public mutating func finish(into output: inout [UInt8]) {
            guard !finished else { return }
            if settlesShortOutput {
                var whole: [UInt8] = []
                swap(&whole, &shortOutput)
                readAndDecide(final: true, into: &whole)
                if !Self.isInput(whole, shortInput) { RejoinShortOutput.settle(&whole, options: options) }
                shortInput = []
                output.append(contentsOf: whole)
            } else if reread.isEmpty {
                readAndDecide(final: true, into: &output)
            } else {
                var first: [UInt8] = []
                readAndDecide(final: true, into: &first)
                var last: [UInt8] = []
                countRereadInput(first)
                first.withUnsafeBufferPointer { reread[0].feed($0, into: &last) }
                reread[0].finish(into: &last)
                if rereadInputIsShort { RejoinShortOutput.settle(&last, options: options) }
                output.append(contentsOf: last)
                reread = []
                rereadInput = []
            }
            finished = true
            buffer = []
            lines = []
        }

        // MARK: Reading lines

        /// How many records are measured before the line breaks they complete are decided:
        /// few enough that the line records being decided are still in the cache.
        static let recordsPerBatch = 64

        /// Finds the line breaks in the buffer and measures each complete line, deciding the
        /// line breaks whose window is complete every ``recordsPerBatch`` records, and the
        /// rest where the input has ended (`final`); appends what is decided to `output`.
        ///
        /// Deciding in batches decides the same breaks with the same windows as deciding once
        /// after all the records (a break is decided only once the lines after it that its
        /// window holds are measured); it keeps the window's line records in the cache.
        mutating func readAndDecide(final: Bool, into output: inout [UInt8]) {
            var records = findRecords(final: final)
            var k = 0
            while k < records.count {
                let j = min(records.count, k + Self.recordsPerBatch)
                measure(records[k..<j])
                k = j
                if k < records.count {
                    writeDecided(final: false, into: &output)
                    // the records still to measure name bytes of the buffer: only line
                    // records may go
                    discardWrittenLines()
                }
            }
            writeDecided(final: final, into: &output)
            discardWritten()
            // the array goes back for the next reading, empty, with its capacity
            records.removeAll(keepingCapacity: true)
            swap(&records, &recordScratch)
        }

        /// What ends a record of the buffer: a line terminator (``LineTerminator``), the end
        /// of the input, or a cut in a line longer than ``ColumnRejoiner/maxLineBytes``.
        enum RecordEnd { case line, page, paragraph, end, piece }

        /// A record of the buffer: its bytes (relative to the buffer, terminator excluded)
        /// and what ends it.
        typealias Record = (start: Int, end: Int, ending: RecordEnd)

        /// The records' array of the last reading (see ``findRecords(final:)``), empty, kept for
        /// its capacity: a reading finds thousands of records, and growing a new array to hold
        /// them would copy them again and again.
        var recordScratch: [Record] = []

        /// Finds the records that are complete in the buffer from ``scanPosition`` on, and
        /// moves ``scanPosition`` and ``lineStart`` past them. A terminator cut off by the
        /// end of the buffer waits for the next chunk, unless the input has ended.
        mutating func findRecords(final: Bool) -> [Record] {
            let count = buffer.count
            let base = bufferBase
            var i = scanPosition - base
            var start = lineStart - base
            // the last reading's array, empty: its capacity is reused
            var records: [Record] = []
            swap(&records, &recordScratch)
            buffer.withUnsafeBufferPointer { buf in
                scan: while i < count {
                    if skipLF {
                        // the LF of a CR LF pair cut between two chunks
                        skipLF = false
                        if buf[i] == ASCII.lineFeed { i += 1; start = i; continue }
                    }
                    i = LineTerminator.firstCandidate(in: buf, from: i, to: count)
                    guard i < count else { break }
                    let ending: RecordEnd, length: Int
                    switch LineTerminator.match(in: buf, at: i, end: count) {
                    case .none:
                        i += 1
                        continue
                    case .incomplete:
                        if final { i += 1; continue }
                        break scan
                    case .terminator(let kind, let n):
                        switch kind {
                        case .line: ending = .line
                        case .page: ending = .page
                        case .paragraph: ending = .paragraph
                        }
                        length = n
                        skipLF = buf[i] == ASCII.carriageReturn
                    }
                    Self.cutLongLine(buf, start: &start, end: i, into: &records)
                    records.append((start, i, ending))
                    i += length
                    start = i
                }
                Self.cutLongLine(buf, start: &start, end: count, into: &records)
                if final && start < count {
                    records.append((start, count, .end))
                    start = count
                    i = count
                }
            }
            scanPosition = base + i
            lineStart = base + start
            return records
        }

        /// Measures the records found, appending their lines (a blank line adds to the count
        /// of blank lines after the line before it).
        mutating func measure(_ records: ArraySlice<Record>) {
            let base = bufferBase
            var line = RejoinLine()
            buffer.withUnsafeBufferPointer { buf in
                guard let p = buf.baseAddress else { return }
                for (s, e, ending) in records {
                    if ending == .piece {
                        // a piece of a long line: joined to the next piece with nothing, its
                        // white space at the cut kept once the line has content
                        if RejoinLineScanner.measure(p, from: s, to: e, base: base,
                                                     trimsLeading: !longLineHasContent, trimsTrailing: false,
                                                     into: &line) {
                            line.inputLine = inputLines + 1
                            line.continuesOnNextRecord = true
                            longLineHasContent = true
                            Self.append(&line, to: &lines)
                        }
                        continue
                    }
                    inputLines += 1
                    let trimsLeading = !longLineHasContent
                    longLineHasContent = false
                    if RejoinLineScanner.measure(p, from: s, to: e, base: base, trimsLeading: trimsLeading, into: &line) {
                        line.inputLine = inputLines
                        if !line.isFurniture
                            && withUnsafePointer(to: &line, { recentHeads.repeats($0, in: p, base: base) }) {
                            if line.innerCJKSpace {
                                line.isFurniture = true
                                line.clusterKey = -1
                            } else {
                                line.repeatsAsHead = true
                            }
                        }
                        if ending == .page { line.pageAfter = true }
                        if ending == .paragraph { line.blanksAfter = 1 }
                        Self.append(&line, to: &lines)
                    } else {
                        countBlankLine(ending)
                    }
                }
            }
        }

        /// A blank line ended by `ending`: it counts after the last text line not written yet.
        mutating func countBlankLine(_ ending: RecordEnd) {
            guard let k = lines.indices.last, linesBase + k >= next else { return }
            switch ending {
            case .page: lines[k].pageAfter = true
            case .paragraph: lines[k].blanksAfter &+= 2
            default: lines[k].blanksAfter &+= 1
            }
        }

        /// Appends a measured line, with the counts over the lines before it.
        ///
        /// A line that a list item, bullet or dateline follows ends an item or a paragraph:
        /// it stops where its text does, not where a column wrapped it, so it does not show a
        /// column as a line that stops mid-sentence does (its cluster key counts it as closed).
        /// No window holds the line before the one being appended yet (a break is decided
        /// once the line after its window is measured), so the key is final before any reads it.
        @inline(__always)
        static func append(_ line: inout RejoinLine, to lines: inout [RejoinLine]) {
            let count = lines.count
            if count > 0 {
                let startsItem = line.start == .list || line.start == .bullet || line.start == .dateline
                line.prefix = lines.withUnsafeMutableBufferPointer { ls in
                    let before = ls.baseAddress! + (count - 1)
                    if startsItem && before.pointee.clusterKey > 0 && !before.pointee.continuesOnNextRecord {
                        before.pointee.clusterKey &= ~1
                    }
                    return before.pointee.prefix.adding(before)
                }
            }
            lines.append(line)
        }

        /// Cuts the line that begins at `start` into pieces of at most
        /// ``ColumnRejoiner/maxLineBytes`` while more than that many of its bytes are known
        /// (`end`). Where to cut depends only on the bytes of the piece, never on how the
        /// input was chunked: between two non-space characters in the piece's second half
        /// if there are such, else at a character boundary.
        @inline(__always)
        static func cutLongLine(_ buf: UnsafeBufferPointer<UInt8>, start: inout Int, end: Int,
                                into pieces: inout [Record]) {
            if end - start > ColumnRejoiner.maxLineBytes { cutPieces(buf, start: &start, end: end, into: &pieces) }
        }

        /// ``cutLongLine(_:start:end:into:)`` for a line that is longer than the limit.
        static func cutPieces(_ buf: UnsafeBufferPointer<UInt8>, start: inout Int, end: Int,
                              into pieces: inout [Record]) {
            let cap = ColumnRejoiner.maxLineBytes
            while end - start > cap {
                @inline(__always) func isSpaceAt(_ q: Int) -> Bool {
                    let b = buf[q]
                    return b == 0x20 || b == 0x09 || (b == 0xE3 && buf[q + 1] == 0x80 && buf[q + 2] == 0x80)
                        || (b == 0xC2 && buf[q + 1] == 0xA0)
                }
                var cut = -1
                var q = start + cap - 3
                while q > start + cap / 2 {
                    if buf[q] & 0xC0 != 0x80 && !isSpaceAt(q) {
                        // the character before q must not be a space either
                        var r = q - 1
                        while r > start && buf[r] & 0xC0 == 0x80 { r -= 1 }
                        if !isSpaceAt(r) { cut = q; break }
                    }
                    q -= 1
                }
                if cut < 0 {
                    cut = start + cap
                    while cut > start + 1 && buf[cut] & 0xC0 == 0x80 { cut -= 1 }
                }
                pieces.append((start, cut, .piece))
                start = cut
            }
        }

        // MARK: Deciding and writing

        /// Decides every line break whose window is complete and writes the lines before it.
        mutating func writeDecided(final: Bool, into output: inout [UInt8]) {
            let lastIndex = linesBase + lines.count - 1
            while next <= lastIndex {
                let a = next
                if lines[a - linesBase].continuesOnNextRecord {
                    // a piece of a long line: the next piece follows with nothing between
                    Self.writeLine(a - linesBase, of: lines, from: buffer, base: bufferBase, dropTail: 0, into: &output)
                    startsParagraph = false
                    paragraphWidth += lines[a - linesBase].filledWidth
                    next += 1
                    continue
                }
                if a == lastIndex {
                    guard final else { break }
                    Self.writeLine(a - linesBase, of: lines, from: buffer, base: bufferBase, dropTail: 0, into: &output)
                    output.append(0x0A)
                    explanations?.append(.init(line: lines[a - linesBase].inputLine, joined: false, reason: .endOfText,
                                               columnWidth: 0, lineWidth: lines[a - linesBase].filledWidth))
                    next += 1
                    break
                }
                if !final && lastIndex < a + ColumnRejoiner.lookAheadLines + 1 { break }
                recordWords(through: min(lastIndex, a + ColumnRejoiner.lookAheadLines + 1))
                let lo = max(linesBase, a - ColumnRejoiner.lookBehindLines) - linesBase
                let hi = min(lastIndex, a + ColumnRejoiner.lookAheadLines) - linesBase
                let ai = a - linesBase
                let carriedHere = carriedWidth
                let (outcome, context) = lines.withUnsafeBufferPointer { ls in
                    var ctx = RejoinRules.context(ls, around: ai, lo: lo, hi: hi,
                                                  base: linesBase, nearWindow: &nearWindow, wholeWindow: &wholeWindow)
                    ctx.halfWidths = calibration.widths
                    let outcome = RejoinRules.decideBreak(
                        ls, after: ai, lo: lo, hi: hi, context: ctx, aStartsParagraph: startsParagraph,
                        aInHeading: inHeading, aCarriedWidth: carriedHere, aParagraphWidth: paragraphWidth,
                        dropsHyphen: { dropsHyphen($0, $1) }, numberInCJK: { numberInCJK($0, $1) })
                    return (outcome, ctx)
                }
                let decision = outcome.decision, joint = outcome.joint
                explanations?.append(.init(line: lines[ai].inputLine, joined: decision.join, reason: decision.reason,
                                           columnWidth: context.isColumn ? context.columnWidth : 0,
                                           lineWidth: lines[ai].filledWidth))
                if decision.join {
                    Self.writeLine(ai, of: lines, from: buffer, base: bufferBase, dropTail: joint.dropTail,
                                   into: &output)
                    if joint.space && !jointSpaceIsLetterSpacing(ai) { output.append(0x20) }
                } else {
                    Self.writeLine(ai, of: lines, from: buffer, base: bufferBase, dropTail: 0, into: &output)
                    output.append(0x0A)
                    if options.paragraphSeparator == .blankLine { output.append(0x0A) }
                }
                if carriedHere == 0 {
                    // the two records read in place: a line record is large
                    lines.withUnsafeBufferPointer { ls in
                        calibration.observe(ls.baseAddress! + ai, before: ls.baseAddress! + ai + 1,
                                            columnWidth: context.columnWidth, isColumn: context.isColumn,
                                            startsParagraph: startsParagraph, baseIndent: context.baseIndent)
                    }
                }
                if let across = outcome.acrossFurniture { acrossFurniture = across }
                carriedWidth = decision.carriesWidth ? carriedHere + lines[ai].filledWidth : 0
                paragraphWidth = decision.join ? paragraphWidth + lines[ai].filledWidth : 0
                if decision.reason == .furnitureLine && !RejoinPageFurniture.isFurnitureAt(lines, ai + 1, limit: hi + 2) {
                    // the text after the furniture goes on as decided across it
                    startsParagraph = acrossFurniture?.startsParagraph ?? true
                    inHeading = acrossFurniture?.inHeading ?? false
                    acrossFurniture = nil
                } else {
                    startsParagraph = !decision.join
                    inHeading = decision.continuesHeading
                }
                next += 1
            }
        }

        /// Records the English words of the lines up to absolute index `last` that have
        /// not been recorded yet, in order (see ``RejoinDocumentWords``). In line: asked at every
        /// break, it mostly finds one line without ASCII letters.
        @inline(__always)
        mutating func recordWords(through last: Int) {
            guard wordsRecordedThrough < last else { return }
            let from = max(wordsRecordedThrough + 1, linesBase)
            wordsRecordedThrough = last
            buffer.withUnsafeBufferPointer { buf in
                guard let p = buf.baseAddress else { return }
                for k in from...last where lines[k - linesBase].asciiLetters {
                    let l = lines[k - linesBase]
                    documentWords.record(p, from: l.contentStart - bufferBase, to: l.contentEnd - bufferBase)
                }
            }
        }

        /// Whether the hyphen ending `a` goes when it is joined to `b` (see
        /// ``RejoinHyphenation``).
        func dropsHyphen(_ a: RejoinLine, _ b: RejoinLine) -> Bool {
            buffer.withUnsafeBufferPointer { buf in
                guard let p = buf.baseAddress else { return false }
                return RejoinHyphenation.dropsHyphen(a, b, in: p, aStart: a.contentStart - bufferBase,
                                                     aEnd: a.contentEnd - bufferBase,
                                                     bStart: b.contentStart - bufferBase,
                                                     bEnd: b.contentEnd - bufferBase, words: documentWords)
            }
        }

        /// Whether the digits ending `a` and beginning `b` are glued to a non-ASCII
        /// character (CJK text) on either side, with no space between.
        func numberInCJK(_ a: RejoinLine, _ b: RejoinLine) -> Bool {
            buffer.withUnsafeBufferPointer { buf in
                guard let p = buf.baseAddress else { return false }
                var i = a.contentEnd - bufferBase
                let aStart = a.contentStart - bufferBase
                while i > aStart && p[i - 1] &- 0x30 < 10 { i -= 1 }
                if i > aStart && p[i - 1] >= 0x80 { return true }
                var j = b.contentStart - bufferBase
                let bEnd = b.contentEnd - bufferBase
                while j < bEnd && p[j] &- 0x30 < 10 { j += 1 }
                return j < bEnd && p[j] >= 0x80
            }
        }

        /// Whether the space a joint would put between `lines[k]` and the next line is one
        /// that reading the output again takes for the letter spacing of a spaced half-width
        /// run or of a letter-spaced line (`z` ⏎ `l目Ran` would give `z l目Ran`, read again
        /// `zl目Ran`; `目 z` ⏎ `l 目` would give `目 z l 目`, read again `目zl目`): the joint then puts
        /// none, as the second reading would leave it. Only single narrow characters (no
        /// Latin letter or digit glued to them) on both sides can make such a run, so the two
        /// lines are written and scanned only where the first ends with one (rare in words).
        func jointSpaceIsLetterSpacing(_ k: Int) -> Bool {
            let a = lines[k]
            guard RejoinLetterSpacing.isNarrow(a.last) && RejoinLetterSpacing.isNarrow(lines[k + 1].first),
                  a.lastTokenScalars == 1 || !RejoinClass.isWestern(a.beforeLast)
            else { return false }
            var joined: [UInt8] = []
            writeLine(k, dropTail: 0, into: &joined)
            let gap = joined.count
            joined.append(0x20)
            writeLine(k + 1, dropTail: 0, into: &joined)
            return joined.withUnsafeBufferPointer { buf in
                let p = buf.baseAddress!
                // the two lines letter-spaced as one (`目 z` ⏎ `l 目`), or a spaced run
                var line = RejoinLine()
                return (RejoinLineScanner.measure(p, from: 0, to: buf.count, base: 0, into: &line) && line.letterSpaced)
                    || RejoinLetterSpacing.dropsSpace(p, count: buf.count, at: gap)
            }
        }

        /// Writes the content of `lines[k]`, without its last `dropTail` bytes, removing its
        /// letter spacing if it has some.
        func writeLine(_ k: Int, dropTail: Int, into output: inout [UInt8]) {
            Self.writeLine(k, of: lines, from: buffer, base: bufferBase, dropTail: dropTail, into: &output)
        }

        /// ``writeLine(_:dropTail:into:)`` for a stream's `lines` and `buffer`, whose first byte is
        /// at stream offset `bufferBase`: what deciding calls at every line, where a method would
        /// copy the stream (a large value) first.
        static func writeLine(_ k: Int, of lines: [RejoinLine], from buffer: [UInt8], base bufferBase: Int,
                              dropTail: Int, into output: inout [UInt8]) {
            let s = lines[k].contentStart - bufferBase
            let e = lines[k].contentEnd - bufferBase - dropTail
            let letterSpaced = lines[k].letterSpaced, spacedRuns = lines[k].spacedRuns
            buffer.withUnsafeBufferPointer { buf in
                guard let p = buf.baseAddress, s < e else { return }
                if letterSpaced {
                    RejoinLetterSpacing.writeCollapsingLine(p, from: s, to: e, into: &output)
                } else if spacedRuns {
                    RejoinLetterSpacing.writeCollapsingRuns(p, from: s, to: e, into: &output)
                } else {
                    output.append(contentsOf: UnsafeBufferPointer(start: p + s, count: e - s))
                }
            }
        }

        /// The fewest written line records, and bytes, dropped at once (and only when they
        /// are more than half of what is held), so that dropping stays linear overall.
        static let discardLinesAtLeast = 256
        static let discardBytesAtLeast = 1 << 16

        /// Drops the bytes of the lines already written and the measurements of lines that
        /// have left the look-behind window.
        mutating func discardWritten() {
            discardWrittenLines()
            let keepBytesFrom = next - linesBase < lines.count ? lines[next - linesBase].contentStart : lineStart
            let dropBytes = min(keepBytesFrom, lineStart) - bufferBase
            if dropBytes > Self.discardBytesAtLeast && dropBytes * 2 > buffer.count {
                buffer.removeFirst(dropBytes)
                bufferBase += dropBytes
            }
        }

        /// Drops the measurements of lines that have left the look-behind window.
        mutating func discardWrittenLines() {
            let keepFrom = next - ColumnRejoiner.lookBehindLines
            let dropLines = keepFrom - linesBase
            if dropLines > Self.discardLinesAtLeast && dropLines * 2 > lines.count {
                lines.removeFirst(dropLines)
                linesBase += dropLines
            }
        }
    }
}
