/// OpenCC's conversion, in Swift, over compiled tables: an optional normalisation pass over
/// the whole text, maximum-match segmentation (or the whole text as one segment), then each
/// segment through the conversion chain, each conversion taking the longest dictionary key
/// at each position of the segment.
///
/// User phrases come first in segmentation: where one starts, it is a segment of its own
/// and its value is written as it is, without going through the chain.
///
/// Immutable once built; any number of threads convert with it at once.
final class NativeConverter: Sendable {
    /// Every compiled table's words and bytes (see ``PrefixTable``).
    let words: [UInt32]
    let bytes: [UInt8]
    /// Conversions over the whole text before segmentation.
    let normalization: [MatchProgram]
    /// The segmentation dictionary; `nil`: no segmentation.
    let segmentation: MatchProgram?
    /// The user's phrases; `nil`: none.
    let phrases: MatchProgram?
    /// The conversions each segment goes through (after ``fused``'s, when there is one).
    let chain: [MatchProgram]
    /// Segmentation and the first conversion as one table, when the configuration allows it
    /// (see `NativeConverterBuilder.fusableMembers`): an answer marked as a segment is a
    /// segmentation match, its value already converted by ``chain``; any other position is
    /// part of the run between segments, converted by this table's answer for one scalar.
    /// One walk then does what segmentation and the first conversion did in two.
    let fused: TableLocation?
    /// The first conversion's table, when ``fused`` stands for the second conversion instead
    /// of the first (OpenCC's hk2s, hk2sp, tw2s, tw2sp: a regional variant's reverse, then
    /// Traditional to Simplified with segmentation by its phrases). Then ``chain`` is the whole
    /// chain, and ``fused``'s segment answers are their keys through it. A run between
    /// segments in which no key of this table starts is unchanged by the first conversion, so
    /// the fused walk's answers are its conversion; a run in which one starts goes through
    /// ``chain`` (see `convertGuarded`).
    let fusedGuard: TableLocation?
    /// Where a guarded walk may cut a run (see ``RunBreakers``).
    let guardBreakers: RunBreakers
    /// OpenCC 1.3.2 and later keep an unmatched ideographic description sequence whole.
    let keepsDescriptionSequences: Bool

    init(
        words: [UInt32], bytes: [UInt8], normalization: [MatchProgram], segmentation: MatchProgram?,
        phrases: MatchProgram?, chain: [MatchProgram], fused: TableLocation?, fusedGuard: TableLocation?,
        guardBreakers: RunBreakers = RunBreakers(), keepsDescriptionSequences: Bool
    ) {
        self.words = words
        self.bytes = bytes
        self.normalization = normalization
        self.segmentation = segmentation
        self.phrases = phrases
        self.chain = chain
        self.fused = fused
        self.fusedGuard = fusedGuard
        self.guardBreakers = guardBreakers
        self.keepsDescriptionSequences = keepsDescriptionSequences
    }

    /// Appends the conversion of `input`, well-formed UTF-8, to `output`.
    ///
    /// The conversion is written into `output` itself, grown by about the input's size first:
    /// the output of a conversion is rarely longer (a Simplified and a Traditional character
    /// mostly take three bytes each). A longer one goes on in memory of its own and is copied.
    func convert(_ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) {
        guard !input.isEmpty else { return }
        let start = output.count
        let room = input.count &+ input.count / 8 &+ 16
        output.append(contentsOf: repeatElement(0, count: room))
        var longer: [UInt8] = []
        let written = output.withUnsafeMutableBufferPointer { buffer in
            var sink = ByteSink(borrowing: buffer.baseAddress! + start, capacity: room)
            convert(input, into: &sink)
            if sink.isBorrowed { return sink.count }
            longer = Array(sink.bytes)
            return 0
        }
        output.removeLast(room &- written)
        if written == 0 { output.append(contentsOf: longer) }
    }

    /// Writes the conversion of `input`, well-formed UTF-8, to `sink`.
    private func convert(_ input: UnsafeBufferPointer<UInt8>, into sink: inout ByteSink) {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        words.withUnsafeBufferPointer { wordBuffer in
            bytes.withUnsafeBufferPointer { byteBuffer in
                let tables = MatchTables(
                    words: wordBuffer.baseAddress!, bytes: byteBuffer.baseAddress ?? UnsafePointer(base))
                var normalized = ByteSink(capacity: 0)
                var other = ByteSink(capacity: 0)
                var text = UnsafeBufferPointer(start: base, count: input.count)
                var normalizedIsCurrent = false
                for program in normalization {
                    guard let first = firstMatch(program, text, tables) else { continue }
                    // The bytes before the first match are unchanged.
                    if normalizedIsCurrent {
                        other.removeAll()
                        other.append(text.baseAddress!, count: first)
                        convertRun(program, text.baseAddress! + first, text.baseAddress! + text.count, tables, into: &other)
                        swap(&normalized, &other)
                    } else {
                        normalized.removeAll()
                        normalized.append(text.baseAddress!, count: first)
                        convertRun(program, text.baseAddress! + first, text.baseAddress! + text.count, tables, into: &normalized)
                        normalizedIsCurrent = true
                    }
                    text = normalized.bytes
                }
                convertMain(text, tables, into: &sink)
            }
        }
    }

    /// Segmentation and the chain over `text`.
    private func convertMain(_ text: UnsafeBufferPointer<UInt8>, _ tables: MatchTables, into sink: inout ByteSink) {
        let start = text.baseAddress!
        let end = start + text.count
        var scratch = ByteSink(capacity: chain.count > 1 ? 4096 : 0)
        var spare = ByteSink(capacity: chain.count > 2 ? 4096 : 0)
        if let fused {
            if let fusedGuard {
                convertGuarded(fused, fusedGuard, start, end, tables, into: &sink, scratch: &scratch, spare: &spare)
            } else {
                convertFused(fused, start, end, tables, into: &sink, scratch: &scratch, spare: &spare)
            }
            return
        }
        if segmentation == nil && phrases == nil {
            convertSegment(start, end, tables, into: &sink, scratch: &scratch, spare: &spare)
            return
        }
        var p = start
        var runStart = start
        if phrases == nil, case .table(let table)? = segmentation {
            // The common case: segmentation by one table and no user phrases. Most positions
            // start no segmentation key (t2s and hk2s segment by phrases that Simplified
            // text rarely holds), so the first scalar's entry is looked at before the match.
            // The match is ``MatchTables/match(_:_:_:)`` written out, so that the entry is
            // read once. Only its length matters here: the segment's text goes through the chain.
            typealias Bits = PrefixTable.Bits
            while p < end {
                let (scalar, length) = MatchTables.decode(p)
                var entry = tables.firstEntry(table, scalar)
                if entry == 0 {
                    p += p[0] == 0xE2 ? unmatchedLength(p, end) : length
                    continue
                }
                var foundLength = 0
                if entry & Bits.longer != 0 {
                    let block = tables.block(table, entry)
                    let node = tables.deepestNode(table, scalar, entry, block, p + length, end)
                    let result = node & Bits.nodeResult
                    if result != 0 {
                        foundLength = tables.result(table, result).length
                    } else {
                        entry = tables.words[block]
                    }
                }
                if foundLength == 0 {
                    if entry & Bits.inline != 0 {
                        foundLength = length
                    } else if entry & Bits.firstResult != 0 {
                        foundLength = tables.result(table, entry & Bits.firstResult).length
                    }
                }
                if foundLength > 0 {
                    if runStart < p { convertSegment(runStart, p, tables, into: &sink, scratch: &scratch, spare: &spare) }
                    convertSegment(p, p + foundLength, tables, into: &sink, scratch: &scratch, spare: &spare)
                    p += foundLength
                    runStart = p
                    continue
                }
                p += unmatchedLength(p, end)
            }
            if runStart < end { convertSegment(runStart, end, tables, into: &sink, scratch: &scratch, spare: &spare) }
            return
        }
        while p < end {
            if let phrases {
                let found = tables.match(phrases, p, end)
                if found.length > 0 {
                    if runStart < p { convertSegment(runStart, p, tables, into: &sink, scratch: &scratch, spare: &spare) }
                    tables.append(found, to: &sink)
                    p += found.length
                    runStart = p
                    continue
                }
            }
            if let segmentation {
                let found = tables.match(segmentation, p, end)
                if found.length > 0 {
                    if runStart < p { convertSegment(runStart, p, tables, into: &sink, scratch: &scratch, spare: &spare) }
                    convertSegment(p, p + found.length, tables, into: &sink, scratch: &scratch, spare: &spare)
                    p += found.length
                    runStart = p
                    continue
                }
            }
            p += unmatchedLength(p, end)
        }
        if runStart < end { convertSegment(runStart, end, tables, into: &sink, scratch: &scratch, spare: &spare) }
    }

    /// ``convertMain(_:_:into:)`` with a ``fused`` table: segments (user phrases, then the
    /// fused table's segment answers) are written at once; the run between them collects its
    /// first conversion in `run` and goes through ``chain`` when it ends.
    private func convertFused(
        _ table: TableLocation, _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ tables: MatchTables,
        into sink: inout ByteSink, scratch: inout ByteSink, spare: inout ByteSink
    ) {
        typealias Bits = PrefixTable.Bits
        var run = ByteSink(capacity: chain.isEmpty ? 0 : 4096)
        var p = start
        // Unchanged text of the run not yet copied to `run` (or to `sink` without later stages).
        var copyFrom = start

        /// Ends the run before a segment: its first conversion goes through the later stages.
        func endRun(at p: UnsafePointer<UInt8>, sink: inout ByteSink) {
            if chain.isEmpty {
                if copyFrom < p { sink.append(copyFrom, count: p - copyFrom) }
                return
            }
            if run.count == 0 {
                // The first conversion changed nothing in this run: the later stages read it
                // where it is, without a copy.
                if copyFrom < p { convertSegment(copyFrom, p, tables, into: &sink, scratch: &scratch, spare: &spare) }
                return
            }
            if copyFrom < p { run.append(copyFrom, count: p - copyFrom) }
            let bytes = run.bytes
            convertSegment(bytes.baseAddress!, bytes.baseAddress! + bytes.count, tables, into: &sink, scratch: &scratch, spare: &spare)
            run.removeAll()
        }

        while p < end {
            if let phrases {
                let found = tables.match(phrases, p, end)
                if found.length > 0 {
                    endRun(at: p, sink: &sink)
                    tables.append(found, to: &sink)
                    p += found.length
                    copyFrom = p
                    continue
                }
            }
            let (scalar, length) = MatchTables.decode(p)
            var entry = tables.firstEntry(table, scalar)
            if entry == 0 {
                p += p[0] == 0xE2 ? unmatchedLength(p, end) : length
                continue
            }
            var found = PrefixMatch.none
            var segment = false
            if entry & Bits.longer != 0 {
                let block = tables.block(table, entry)
                let node = tables.deepestNode(table, scalar, entry, block, p + length, end)
                let result = node & Bits.nodeResult
                if result != 0 {
                    segment = node & Bits.nodeSegment != 0
                    if !segment && node & Bits.copies != 0 {
                        p += length
                        continue
                    }
                    found = tables.result(table, result)
                } else if entry & Bits.passes != 0 {
                    p += length
                    continue
                } else {
                    entry = tables.words[block]
                }
            }
            if found.length == 0 {
                if entry & Bits.inline != 0 {
                    found = PrefixMatch(
                        length: length, valueStart: 0, valueCount: 0, inlineBytes: entry & 0xFF_FFFF,
                        inlineCount: Int(truncatingIfNeeded: entry >> 24 & 3))
                } else if entry & Bits.firstResult != 0 {
                    segment = entry & Bits.firstSegment != 0
                    if !segment && entry & Bits.copies != 0 {
                        p += length
                        continue
                    }
                    found = tables.result(table, entry & Bits.firstResult)
                } else {
                    p += unmatchedLength(p, end)
                    continue
                }
            }
            if segment {
                endRun(at: p, sink: &sink)
                tables.append(found, to: &sink)
            } else if chain.isEmpty {
                if copyFrom < p { sink.append(copyFrom, count: p - copyFrom) }
                tables.append(found, to: &sink)
            } else {
                if copyFrom < p { run.append(copyFrom, count: p - copyFrom) }
                tables.append(found, to: &run)
            }
            p += found.length
            copyFrom = p
        }
        endRun(at: end, sink: &sink)
    }

    /// ``convertMain(_:_:into:)`` with a ``fused`` table guarded by ``fusedGuard``: as
    /// ``convertFused``, with no later stages, writing the fused answers of a run straight to
    /// `sink`. The run is cut into regions at ``guardBreakers``; where a key of the guard
    /// matches at a position of a region, the region is dirty: at its end its output is taken
    /// back and its text goes through the whole ``chain`` instead. A key of the guard that
    /// matches at a position against the rest of the text may match in the region, or not where
    /// the run ends first (the whole chain then gives the same output, only slower); one that
    /// does not match there cannot.
    ///
    /// (The two walks read the fused table's answer in the same words: shared through a
    /// function returning the answer, s2twp ran 7 % more instructions and hk2s 1.7 %.)
    private func convertGuarded(
        _ table: TableLocation, _ guardTable: TableLocation, _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>,
        _ tables: MatchTables, into sink: inout ByteSink, scratch: inout ByteSink, spare: inout ByteSink
    ) {
        typealias Bits = PrefixTable.Bits
        var p = start
        // The region of the run being walked: where its text starts, and where its output
        // starts in `sink` once the unchanged text before it is copied; the run's unchanged text
        // not yet copied; whether a key of the guard matches in the region.
        var regionStart = start
        var regionOutput = 0
        var copyFrom = start
        var dirty = false
        // Read once: in the loop the compiler reloads the tables' locations at every position.
        let presence = tables.words + table.presence
        let guardPresence = tables.words + guardTable.presence

        while p < end {
            if let phrases {
                let found = tables.match(phrases, p, end)
                if found.length > 0 {
                    endRegion(at: p, regionStart, regionOutput, &copyFrom, &dirty, tables, &sink, &scratch, &spare)
                    tables.append(found, to: &sink)
                    p += found.length
                    regionStart = p
                    regionOutput = sink.count
                    copyFrom = p
                    continue
                }
            }
            let (scalar, length) = MatchTables.decode(p)
            if scalar < 0x1_0000
                && (presence[Int(truncatingIfNeeded: scalar &>> 5)] | guardPresence[Int(truncatingIfNeeded: scalar &>> 5)])
                    & (1 &<< (scalar & 31)) == 0 && p[0] != 0xE2
            {
                // Neither table has a key that starts here: most positions of Simplified text.
                if guardBreakers.contains(scalar) {
                    // The run may be cut here: a new region starts with this character.
                    if dirty {
                        endRegion(at: p, regionStart, regionOutput, &copyFrom, &dirty, tables, &sink, &scratch, &spare)
                        regionOutput = sink.count
                    } else {
                        regionOutput = sink.count &+ (p - copyFrom)
                    }
                    regionStart = p
                }
                p += length
                continue
            }
            var entry = tables.firstEntry(table, scalar)
            if entry == 0 {
                // (A character here that no key holds is E2's or above U+FFFF: it cuts no run.)
                if !dirty && tables.hasMatch(guardTable, scalar, p, end) { dirty = true }
                p += p[0] == 0xE2 ? unmatchedLength(p, end) : length
                continue
            }
            var found = PrefixMatch.none
            var segment = false
            // The answer is one scalar of the run whose value is itself (or no answer).
            var passes = false
            if entry & Bits.longer != 0 {
                let block = tables.block(table, entry)
                let node = tables.deepestNode(table, scalar, entry, block, p + length, end)
                let result = node & Bits.nodeResult
                if result != 0 {
                    segment = node & Bits.nodeSegment != 0
                    if !segment && node & Bits.copies != 0 {
                        passes = true
                    } else {
                        found = tables.result(table, result)
                    }
                } else if entry & Bits.passes != 0 {
                    passes = true
                } else {
                    entry = tables.words[block]
                }
            }
            if !passes && found.length == 0 {
                if entry & Bits.inline != 0 {
                    found = PrefixMatch(
                        length: length, valueStart: 0, valueCount: 0, inlineBytes: entry & 0xFF_FFFF,
                        inlineCount: Int(truncatingIfNeeded: entry >> 24 & 3))
                } else if entry & Bits.firstResult != 0 {
                    segment = entry & Bits.firstSegment != 0
                    if !segment && entry & Bits.copies != 0 {
                        passes = true
                    } else {
                        found = tables.result(table, entry & Bits.firstResult)
                    }
                }
            }
            if segment {
                endRegion(at: p, regionStart, regionOutput, &copyFrom, &dirty, tables, &sink, &scratch, &spare)
                tables.append(found, to: &sink)
                p += found.length
                regionStart = p
                regionOutput = sink.count
                copyFrom = p
                continue
            }
            // A position of the run.
            if !dirty && tables.hasMatch(guardTable, scalar, p, end) { dirty = true }
            if passes {
                p += length
                continue
            }
            if found.length == 0 {
                p += unmatchedLength(p, end)
                continue
            }
            if copyFrom < p { sink.append(copyFrom, count: p - copyFrom) }
            tables.append(found, to: &sink)
            p += found.length
            copyFrom = p
        }
        endRegion(at: end, regionStart, regionOutput, &copyFrom, &dirty, tables, &sink, &scratch, &spare)
    }

    /// Ends a region of ``convertGuarded`` at `p`: a dirty region's output is replaced by its
    /// text through the whole chain; a clean one's is complete once its unchanged text is copied.
    /// A method rather than a local function: one that captured the walk's variables would
    /// have them checked for exclusive access at run time on every step.
    @inline(__always)
    private func endRegion(
        at p: UnsafePointer<UInt8>, _ regionStart: UnsafePointer<UInt8>, _ regionOutput: Int,
        _ copyFrom: inout UnsafePointer<UInt8>, _ dirty: inout Bool, _ tables: MatchTables,
        _ sink: inout ByteSink, _ scratch: inout ByteSink, _ spare: inout ByteSink
    ) {
        if dirty {
            if copyFrom <= regionStart {
                if copyFrom < regionStart { sink.append(copyFrom, count: regionStart - copyFrom) }
            } else {
                sink.removeLast(sink.count &- regionOutput)
            }
            convertSegment(regionStart, p, tables, into: &sink, scratch: &scratch, spare: &spare)
            dirty = false
        } else if copyFrom < p {
            sink.append(copyFrom, count: p - copyFrom)
        }
        copyFrom = p
    }

    /// `entries` with every value converted as a segment of its own by ``chain``; with
    /// `startingFromKeys`, every key instead (the value a segment of that key gets).
    func convertingValues(of entries: DictionaryEntries, startingFromKeys: Bool = false) -> DictionaryEntries {
        var converted = DictionaryEntries()
        var sink = ByteSink(capacity: 256)
        var scratch = ByteSink(capacity: chain.count > 1 ? 256 : 0)
        var spare = ByteSink(capacity: chain.count > 2 ? 256 : 0)
        words.withUnsafeBufferPointer { wordBuffer in
            bytes.withUnsafeBufferPointer { byteBuffer in
                entries.pool.withUnsafeBufferPointer { pool in
                    let tables = MatchTables(words: wordBuffer.baseAddress!, bytes: byteBuffer.baseAddress ?? pool.baseAddress!)
                    for index in 0..<entries.count {
                        let key = UnsafeBufferPointer(
                            rebasing: pool[Int(entries.ranges[index * 4])..<Int(entries.ranges[index * 4] + entries.ranges[index * 4 + 1])])
                        let field = startingFromKeys ? 0 : 2
                        let valueStart = pool.baseAddress! + Int(entries.ranges[index * 4 + field])
                        let valueCount = Int(entries.ranges[index * 4 + field + 1])
                        sink.removeAll()
                        if valueCount > 0 {
                            convertSegment(valueStart, valueStart + valueCount, tables, into: &sink, scratch: &scratch, spare: &spare)
                        }
                        converted.append(key: key, value: sink.bytes)
                    }
                }
            }
        }
        return converted
    }

    /// One segment through the chain.
    @inline(__always)
    private func convertSegment(
        _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ tables: MatchTables,
        into sink: inout ByteSink, scratch: inout ByteSink, spare: inout ByteSink
    ) {
        switch chain.count {
        case 0:
            sink.append(start, count: end - start)
        case 1:
            convertRun(chain[0], start, end, tables, into: &sink)
        default:
            scratch.removeAll()
            // Where the first conversion changes nothing (most segments of hk2s), the next one
            // reads the segment where it is instead of a copy of it.
            var from = UnsafeBufferPointer(start: start, count: end - start)
            if convertRun(chain[0], start, end, tables, into: &scratch, copyingUnchanged: false) { from = scratch.bytes }
            var index = 1
            while index < chain.count &- 1 {
                spare.removeAll()
                convertRun(chain[index], from.baseAddress!, from.baseAddress! + from.count, tables, into: &spare)
                swap(&scratch, &spare)
                from = scratch.bytes
                index &+= 1
            }
            guard from.count > 0 else { return }
            convertRun(chain[chain.count &- 1], from.baseAddress!, from.baseAddress! + from.count, tables, into: &sink)
        }
    }

    /// One conversion over `start..<end`: at each position the longest key's value, or the
    /// character (or whole description sequence) unchanged.
    ///
    /// Returns `true` when it wrote the conversion to `sink`. With `copyingUnchanged` false, a
    /// text that no key changes is not copied: nothing is written and it returns `false`.
    @inline(__always) @discardableResult
    private func convertRun(
        _ program: MatchProgram, _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>,
        _ tables: MatchTables, into sink: inout ByteSink, copyingUnchanged: Bool = true
    ) -> Bool {
        if case .table(let table) = program {
            return convertRun(table, start, end, tables, into: &sink, copyingUnchanged: copyingUnchanged)
        }
        var p = start
        var copyFrom = start
        while p < end {
            let found = tables.match(program, p, end)
            if found.length > 0 {
                if copyFrom < p { sink.append(copyFrom, count: p - copyFrom) }
                tables.append(found, to: &sink)
                p += found.length
                copyFrom = p
            } else {
                p += unmatchedLength(p, end)
            }
        }
        // Nothing written since the start: no key matched, the text is unchanged.
        if copyFrom == start && !copyingUnchanged { return false }
        if copyFrom < end { sink.append(copyFrom, count: end - copyFrom) }
        return true
    }

    /// ``convertRun(_:_:_:_:into:copyingUnchanged:)`` for one table: the hot loop. Unchanged
    /// text (no key, or a key whose value is itself) is copied in runs; most positions cost one
    /// lookup of the first scalar, and one of its block of continuations where a longer key
    /// starts with it.
    @discardableResult
    private func convertRun(
        _ table: TableLocation, _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>,
        _ tables: MatchTables, into sink: inout ByteSink, copyingUnchanged: Bool = true
    ) -> Bool {
        typealias Bits = PrefixTable.Bits
        var p = start
        var copyFrom = start
        while p < end {
            let (scalar, length) = MatchTables.decode(p)
            var entry = tables.firstEntry(table, scalar)
            if entry == 0 {
                if p[0] == 0xE2 {
                    p += unmatchedLength(p, end)
                } else {
                    // The characters after one that starts no key mostly start none either.
                    p = Self.skipUnstarted(tables.words + table.presence, from: p + length, to: end)
                }
                continue
            }
            if entry & Bits.longer != 0 {
                let block = tables.block(table, entry)
                let node = tables.deepestNode(table, scalar, entry, block, p + length, end)
                let result = node & Bits.nodeResult
                if result != 0 {
                    let found = tables.result(table, result)
                    if node & Bits.copies == 0 {
                        if copyFrom < p { sink.append(copyFrom, count: p - copyFrom) }
                        sink.append(tables.bytes + found.valueStart, count: found.valueCount)
                        p += found.length
                        copyFrom = p
                    } else {
                        p += found.length
                    }
                    continue
                }
                if entry & Bits.passes != 0 {
                    p += length
                    continue
                }
                entry = tables.words[block]
            }
            if entry & Bits.inline != 0 {
                if copyFrom < p { sink.append(copyFrom, count: p - copyFrom) }
                sink.append(packed: entry, count: Int(truncatingIfNeeded: entry >> 24 & 3))
                p += length
                copyFrom = p
            } else if entry & Bits.firstResult != 0 {
                if entry & Bits.copies == 0 {
                    let found = tables.result(table, entry & Bits.firstResult)
                    if copyFrom < p { sink.append(copyFrom, count: p - copyFrom) }
                    sink.append(tables.bytes + found.valueStart, count: found.valueCount)
                    p += length
                    copyFrom = p
                } else {
                    p += length
                }
            } else {
                p += unmatchedLength(p, end)
            }
        }
        // Nothing written since the start: every key met copies itself, the text is unchanged.
        if copyFrom == start && !copyingUnchanged { return false }
        if copyFrom < end { sink.append(copyFrom, count: end - copyFrom) }
        return true
    }

    /// The first position from `p` on that is not an ASCII or three-byte character starting
    /// no key of the table whose presence bits are `presence` (E2 excepted: it may open a
    /// description sequence): where the entry test of
    /// ``convertRun(_:_:_:_:into:copyingUnchanged:)`` would find the next entry or E2.
    ///
    /// A tight loop over bits that stay in the first-level cache, for the long runs of text whose
    /// script the keys are not in (Simplified text under t2s), called where a character starting
    /// no key was met, and kept out of line so that the walk's own loop keeps its registers.
    @inline(never)
    static func skipUnstarted(_ presence: UnsafePointer<UInt32>, from start: UnsafePointer<UInt8>,
                              to end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var p = start
        while p < end {
            let lead = p[0]
            let scalar: UInt32
            let step: Int
            if lead < 0x80 {
                scalar = UInt32(lead)
                step = 1
            } else if lead & 0xF0 == 0xE0 && lead != 0xE2 {
                scalar = UInt32(lead & 0x0F) &<< 12 | UInt32(p[1] & 0x3F) &<< 6 | UInt32(p[2] & 0x3F)
                step = 3
            } else {
                break
            }
            if presence[Int(truncatingIfNeeded: scalar &>> 5)] & (1 &<< (scalar & 31)) != 0 { break }
            p += step
        }
        return p
    }

    /// The offset of the first position where `program` matches, stepping as
    /// ``convertRun(_:_:_:_:into:copyingUnchanged:)`` does; `nil` when nothing in `text` matches.
    private func firstMatch(_ program: MatchProgram, _ text: UnsafeBufferPointer<UInt8>, _ tables: MatchTables) -> Int? {
        let start = text.baseAddress!
        let end = start + text.count
        var p = start
        if case .table(let table) = program {
            // Character by character to a byte that starts a key, without decoding: the table's
            // keys rarely occur (the normalisation of compatibility ideographs).
            // An unmatched description sequence is stepped over whole, as the conversion does.
            // Where every key starts with a byte of C0 or above (the compatibility ideographs
            // start with EF and F0), bytes below it that are not E2 (which opens a description
            // sequence) are skipped eight at a time: none of them starts a key or a sequence.
            // A word with such a byte is left at its first one, which is a lead byte (every
            // byte from C0 up and E2 is), so the walk stays on characters. A skip of eight may
            // end inside a character; its continuation bytes, below C0, are stepped over one
            // at a time until the next lead byte.
            let threshold = table.lowestLead
            let skips = threshold >= 0xC0
            let stopsAtE2 = keepsDescriptionSequences
            // The vector step also passes what Chinese text is full of where the table shows
            // that nothing there can match: the full-width forms U+FF00–U+FF7F (EF BC, EF BD:
            // ，：（）！？) where no key starts among them (their 128 presence bits are clear),
            // and E2 not followed by BF (quotes and dashes, “”—…; only U+2FC0– can open a
            // description sequence) where no key starts with E2. The eight-byte step after it
            // stops at such bytes as before, and the walk steps over them.
            let presence = tables.words + table.presence
            let passesFullWidth = presence[0xFF00 >> 5] | presence[0xFF20 >> 5] | presence[0xFF40 >> 5]
                | presence[0xFF60 >> 5] == 0
            let opensOnlyBeforeBF = stopsAtE2 && !tables.startsKey(table, 0xE2)
            while p < end {
                if skips {
                    // Sixteen bytes a step with vector compares while none stops the walk (the
                    // byte after the block read too), then the eight-byte step finds the first
                    // byte that may.
                    let thresholds = SIMD16<UInt8>(repeating: threshold)
                    let openers = SIMD16<UInt8>(repeating: stopsAtE2 ? 0xE2 : 0)
                    // A test switched off compares with 0, which no second byte of well-formed
                    // UTF-8 is: no full-width form is passed, and every E2 stops.
                    let xEF = SIMD16<UInt8>(repeating: 0xEF), xFE = SIMD16<UInt8>(repeating: 0xFE)
                    let xBC = SIMD16<UInt8>(repeating: passesFullWidth ? 0xBC : 0)
                    let xBF = SIMD16<UInt8>(repeating: opensOnlyBeforeBF ? 0xBF : 0)
                    let zero = SIMD16<UInt8>(repeating: 0)
                    while end - p >= 17 {
                        let raw = UnsafeRawPointer(p)
                        let v0 = raw.loadUnaligned(as: SIMD16<UInt8>.self)
                        let v1 = raw.loadUnaligned(fromByteOffset: 1, as: SIMD16<UInt8>.self)
                        let fullWidth: SIMDMask<SIMD16<Int8>> = (v0 .== xEF) .& ((v1 & xFE) .== xBC)
                        let beforeBF: SIMDMask<SIMD16<Int8>> = xBF .== zero .| (v1 .== xBF)
                        let stops: SIMDMask<SIMD16<Int8>> = ((v0 .>= thresholds) .& .!fullWidth)
                            .| ((v0 .== openers) .& beforeBF)
                        if any(stops) { break }
                        p += 16
                    }
                    while end - p >= 8 {
                        let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
                        var stops = NativeConverter.bytes(atLeast: threshold, word)
                        if stopsAtE2 { stops |= NativeConverter.bytes(equalTo: 0xE2, word) }
                        if stops != 0 {
                            p += stops.trailingZeroBitCount >> 3
                            break
                        }
                        p += 8
                    }
                    guard p < end else { break }
                }
                let lead = p[0]
                if lead == 0xE2 && keepsDescriptionSequences {
                    if tables.startsKey(table, lead), tables.match(table, p, end).length > 0 { return p - start }
                    // Most are punctuation (“”—…), not description characters.
                    p += IdeographicDescription.isOperator(p, end) ? unmatchedLength(p, end) : 3
                    continue
                }
                if tables.startsKey(table, lead) {
                    // The presence bits rule out most characters with such a lead (full-width
                    // punctuation for the compatibility ideographs' EF) in one load.
                    let (scalar, _) = MatchTables.decode(p)
                    if scalar >= 0x1_0000 || tables.startsKey(table, bmp: scalar), tables.match(table, p, end).length > 0 {
                        return p - start
                    }
                }
                p += NativeConverter.sequenceLength(lead)
            }
            return nil
        }
        while p < end {
            if tables.match(program, p, end).length > 0 { return p - start }
            p += unmatchedLength(p, end)
        }
        return nil
    }

    /// The high bit of each of the eight bytes of `word` (the first byte lowest) that is
    /// `threshold` (at least 0x80) or above: a byte qualifies when its high bit is set and its
    /// low seven bits, plus `0x80 - (threshold - 0x80)`, carry into the high bit (no carry
    /// crosses bytes, so every bit is exact).
    @inline(__always)
    static func bytes(atLeast threshold: UInt8, _ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = word & (0x7F &* ones)
        let carried = low &+ UInt64(0x80 &- (threshold &- 0x80)) &* ones
        return carried & word & (0x80 &* ones)
    }

    /// The high bit of the bytes of `word` that are `byte` (a zero byte after the exclusive or:
    /// the borrow of subtracting one reaches its high bit). A borrow can mark a byte above a
    /// true one as well, so only the lowest bit is exact: the first such byte.
    @inline(__always)
    static func bytes(equalTo byte: UInt8, _ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let x = word ^ (UInt64(byte) &* ones)
        return (x &- ones) & ~x & (0x80 &* ones)
    }

    /// The length of the UTF-8 sequence `lead` starts in well-formed text, without a branch:
    /// four bits per value of the lead byte's high four bits.
    @inline(__always)
    private static func sequenceLength(_ lead: UInt8) -> Int {
        Int(truncatingIfNeeded: (0x4322_1111_1111_1111 as UInt64) &>> (UInt64(lead &>> 4) &* 4) & 0xF)
    }

    /// How far an unmatched position advances: one character, or a whole ideographic
    /// description sequence.
    @inline(__always)
    private func unmatchedLength(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int {
        let lead = p[0]
        if lead < 0x80 { return 1 }
        if keepsDescriptionSequences && lead == 0xE2 {
            let sequence = IdeographicDescription.sequenceLength(p, end)
            if sequence > 0 { return sequence }
        }
        return UTF8Validator.sequenceLength(lead: lead)
    }
}
