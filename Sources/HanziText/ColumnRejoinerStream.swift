extension ColumnRejoiner {
    /// Rejoins text fed in chunks, with bounded look-ahead.
    ///
    /// The output is byte-identical to ``ColumnRejoiner/rejoin(utf8:)`` over the
    /// concatenated chunks, whatever the chunking (a chunk may end inside a UTF-8 sequence
    /// or between CR and LF). The stream keeps the bytes of at most
    /// ``ColumnRejoiner/lookAheadLines`` + 2 text lines that it has not written yet, and the
    /// measurements (a few dozen bytes each) of ``ColumnRejoiner/lookBehindLines`` lines
    /// before them; blank lines are counted, not kept. Memory is therefore constant for
    /// text of any length whose lines are bounded; a single line is held whole until its
    /// end arrives.
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
        /// Text lines; `lines[k]` has absolute index `linesBase + k`.
        var lines: [RejoinLine] = []
        var linesBase = 0
        /// Absolute index of the next line to write.
        var next = 0
        /// Whether the line `next` begins a paragraph.
        var startsParagraph = true
        /// Whether the line `next` continues a heading.
        var inHeading = false
        var finished = false
        var widths: [Int] = []
        var explanations: [Explanation]? = nil

        /// Creates a stream with the given options.
        public init(options: Options = .init()) {
            self.options = options
        }

        /// Feeds the next chunk of UTF-8 input, appending whatever output is decided to
        /// `output`.
        public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
            guard !finished, !chunk.isEmpty else { return }
            buffer.append(contentsOf: chunk)
            splitLines(final: false)
            writeDecided(final: false, into: &output)
        }

        /// Feeds the next chunk of UTF-8 input, appending whatever output is decided to
        /// `output`.
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
            splitLines(final: true)
            writeDecided(final: true, into: &output)
            finished = true
            buffer = []
            lines = []
        }

        // MARK: Reading lines

        /// Finds the line breaks in the buffer and measures each complete line.
        mutating func splitLines(final: Bool) {
            let count = buffer.count
            let base = bufferBase
            var i = scanPosition - base
            var start = lineStart - base
            var newLines: [(Int, Int, Terminator)] = []
            buffer.withUnsafeBufferPointer { buf in
                while i < count {
                    let b = buf[i]
                    if skipLF {
                        skipLF = false
                        if b == 0x0A { i += 1; start = i; continue }
                    }
                    var length = 0
                    var kind = Terminator.line
                    if b <= 0x0D {
                        if b == 0x0A || b == 0x0B { length = 1 }
                        else if b == 0x0C { length = 1; kind = .page }
                        else if b == 0x0D { length = 1; skipLF = true }
                    } else if b == 0xC2 {
                        if i + 1 >= count { if !final { break } }
                        else if buf[i + 1] == 0x85 { length = 2 }
                    } else if b == 0xE2 {
                        if i + 2 >= count { if !final { break } }
                        else if buf[i + 1] == 0x80 && (buf[i + 2] == 0xA8 || buf[i + 2] == 0xA9) {
                            length = 3
                            if buf[i + 2] == 0xA9 { kind = .paragraph }
                        }
                    }
                    if length == 0 { i += 1; continue }
                    newLines.append((start, i, kind))
                    i += length
                    start = i
                }
                if final && start < count {
                    newLines.append((start, count, .end))
                    start = count
                    i = count
                }
            }
            scanPosition = base + i
            lineStart = base + start
            guard !newLines.isEmpty else { return }
            buffer.withUnsafeBufferPointer { buf in
                guard let p = buf.baseAddress else { return }
                for (s, e, kind) in newLines {
                    inputLines += 1
                    if var line = RejoinLineScanner.measure(p, from: s, to: e, base: base) {
                        line.inputLine = inputLines
                        if kind == .page { line.pageAfter = true }
                        if kind == .paragraph { line.blanksAfter = 1 }
                        lines.append(line)
                    } else if let k = lines.indices.last, linesBase + k >= next {
                        switch kind {
                        case .page: lines[k].pageAfter = true
                        case .paragraph: lines[k].blanksAfter &+= 2
                        default: lines[k].blanksAfter &+= 1
                        }
                    }
                }
            }
        }

        enum Terminator { case line, page, paragraph, end }

        // MARK: Deciding and writing

        /// Decides every line break whose window is complete and writes the lines before it.
        mutating func writeDecided(final: Bool, into output: inout [UInt8]) {
            let lastIndex = linesBase + lines.count - 1
            while next <= lastIndex {
                let a = next
                if a == lastIndex {
                    guard final else { break }
                    writeLine(a - linesBase, dropTail: 0, into: &output)
                    output.append(0x0A)
                    explanations?.append(.init(line: lines[a - linesBase].inputLine, joined: false, reason: .endOfText,
                                               columnWidth: 0, lineWidth: lines[a - linesBase].filledWidth))
                    next += 1
                    break
                }
                if !final && lastIndex < a + ColumnRejoiner.lookAheadLines + 1 { break }
                let lo = max(linesBase, a - ColumnRejoiner.lookBehindLines) - linesBase
                let hi = min(lastIndex, a + ColumnRejoiner.lookAheadLines) - linesBase
                let ai = a - linesBase
                let (decision, context) = lines.withUnsafeBufferPointer { ls in
                    let ctx = RejoinRules.context(ls, around: ai, lo: lo, hi: hi, scratch: &widths)
                    let c: RejoinLine? = ai + 2 < ls.count ? ls[ai + 2] : nil
                    let d = RejoinRules.decide(ls[ai], ls[ai + 1], after: c, aStartsParagraph: startsParagraph,
                                               aInHeading: inHeading,
                                               context: ctx)
                    return (d, ctx)
                }
                explanations?.append(.init(line: lines[ai].inputLine, joined: decision.join, reason: decision.reason,
                                           columnWidth: context.isColumn ? context.columnWidth : 0,
                                           lineWidth: lines[ai].filledWidth))
                if decision.join {
                    let joint = RejoinJoint.make(lines[ai], lines[ai + 1], context: context)
                    writeLine(ai, dropTail: joint.dropTail, into: &output)
                    if joint.space { output.append(0x20) }
                } else {
                    writeLine(ai, dropTail: 0, into: &output)
                    output.append(0x0A)
                    if options.paragraphSeparator == .blankLine { output.append(0x0A) }
                }
                startsParagraph = !decision.join
                inHeading = decision.continuesHeading
                next += 1
            }
            discardWritten()
        }

        /// Writes the content of `lines[k]`, without its last `dropTail` bytes, removing its
        /// letter spacing if it has some.
        func writeLine(_ k: Int, dropTail: Int, into output: inout [UInt8]) {
            let line = lines[k]
            let s = line.contentStart - bufferBase
            let e = line.contentEnd - bufferBase - dropTail
            buffer.withUnsafeBufferPointer { buf in
                guard let p = buf.baseAddress, s < e else { return }
                if line.letterSpaced {
                    RejoinJoint.writeCollapsingLetterSpacing(p, from: s, to: e, into: &output)
                } else {
                    output.append(contentsOf: UnsafeBufferPointer(start: p + s, count: e - s))
                }
            }
        }

        /// Drops the bytes of the lines already written and the measurements of lines that
        /// have left the look-behind window.
        mutating func discardWritten() {
            let keepFrom = next - ColumnRejoiner.lookBehindLines
            let dropLines = keepFrom - linesBase
            if dropLines > 256 && dropLines * 2 > lines.count {
                lines.removeFirst(dropLines)
                linesBase += dropLines
            }
            let keepBytesFrom = next - linesBase < lines.count ? lines[next - linesBase].contentStart : lineStart
            let dropBytes = min(keepBytesFrom, lineStart) - bufferBase
            if dropBytes > 65_536 && dropBytes * 2 > buffer.count {
                buffer.removeFirst(dropBytes)
                bufferBase += dropBytes
            }
        }
    }
}
