import HanziTestSupport
import Testing
@testable import HanziText

/// The window of cluster keys kept sorted from one line break to the next
/// (``RejoinSortedWindow``) answers as the line records themselves do: its widest cluster as
/// the groups of the keys sorted afresh, found the slow way, and its lines about a width as
/// ``RejoinRules/linesAbout(_:_:lo:hi:openOnly:)`` over the records.
@Suite struct RejoinSortedWindowTests {
    /// Lines of widths around a few columns, some wider than any column, some too short to
    /// show one (no key), ending mid-sentence or not; keys as the scanner sets them.
    static func lines(_ random: inout SeededGenerator, count: Int) -> [RejoinLine] {
        (0..<count).map { _ in
            var line = RejoinLine()
            let widths = [random.int(0...320), random.int(60...72), random.int(120...132), random.int(232...252)]
            let width = widths[random.int(0...3)]
            line.width = width
            line.collapsedWidth = width
            line.end = random.int(0...2) == 0 ? .final : .open
            line.clusterKey = random.int(0...5) == 0 ? -1 : width * 2 + (line.end != .final ? 1 : 0)
            return line
        }
    }

    /// The widest cluster of the ascending keys `v`, the slow way: every top from the widest
    /// down, with its group counted afresh.
    static func widestClusterSlowly(_ v: [Int]) -> RejoinCluster? {
        let n = v.count
        guard n >= 3 else { return nil }
        let need = max(3, n / 4)
        for top in stride(from: n - 1, through: need - 1, by: -1) {
            let topWidth = v[top] >> 1
            let spread = RejoinRules.spread(topWidth)
            var bottom = top
            while bottom > 0 && (v[bottom - 1] >> 1) >= topWidth - spread { bottom -= 1 }
            let count = top - bottom + 1
            let opens = v[bottom...top].reduce(0) { $0 + ($1 & 1) }
            if topWidth <= RejoinRules.maxColumnWidth && count >= need && opens * 3 >= count {
                return RejoinCluster(width: v[(top + bottom + 1) / 2] >> 1, lines: count)
            }
        }
        return nil
    }

    @Test func answersAsTheLineRecordsDo() {
        var random = SeededGenerator(seed: 0x5EED_0012)
        for _ in 0..<200 {
            let ls = Self.lines(&random, count: 120)
            var window = RejoinSortedWindow()
            ls.withUnsafeBufferPointer { buf in
                var a = 0
                while a < buf.count {
                    // windows as the stream moves them (look-behind and look-ahead), now and
                    // then one that jumps ahead or shrinks
                    let lo = max(0, a - random.int(0...12)), hi = min(buf.count - 1, a + random.int(0...12))
                    let kept = window.move(buf, base: 0, lo: lo, hi: hi)
                    #expect(kept)
                    let keys = (lo...hi).map { buf[$0].clusterKey }.filter { $0 >= 0 }.sorted()
                    let expected = Self.widestClusterSlowly(keys)
                    let cluster = window.widestCluster()
                    #expect(cluster?.width == expected?.width && cluster?.lines == expected?.lines, "\(keys)")
                    for width in [random.int(0...260), expected?.width ?? 64, buf[a].filledWidth] {
                        for openOnly in [false, true] {
                            #expect(window.linesAbout(width, openOnly: openOnly)
                                    == RejoinRules.linesAbout(width, buf, lo: lo, hi: hi, openOnly: openOnly),
                                    "\(keys) \(width) \(openOnly)")
                        }
                    }
                    a += random.int(0...9) == 0 ? random.int(2...20) : 1
                }
            }
        }
    }

    /// Where a blank line follows every line of a window but its last, each block of
    /// ``RejoinRules/blocksAbout(_:_:lo:hi:atMost:)`` is one line, and the blocks about a width
    /// are the window's lines about it that stop mid-sentence (what the window's context asks
    /// its sorted keys instead): over lines of every kind, furniture, letter-spaced and one
    /// character long among them, with keys as the scanner sets them.
    @Test func blocksOfOneLineAreTheOpenLinesAbout() {
        var random = SeededGenerator(seed: 0x5EED_0013)
        for _ in 0..<2_000 {
            var ls = Self.lines(&random, count: random.int(1...25))
            for k in ls.indices {
                ls[k].scalars = [1, 2, 3, 16][random.int(0...3)]
                ls[k].letterSpaced = random.int(0...7) == 0
                ls[k].isFurniture = random.int(0...7) == 0
                ls[k].first = [0x4E2D, 0x61][random.int(0...1)]
                ls[k].last = [0x4E2D, 0x61][random.int(0...1)]
                ls[k].blanksAfter = k == ls.count - 1 ? Int32(random.int(0...1)) : Int32(random.int(1...3))
                ls[k].pageAfter = random.int(0...7) == 0
                let key = ls[k].filledWidth * 2 + (ls[k].end != .final ? 1 : 0)
                ls[k].clusterKey = (ls[k].scalars >= 2 || ls[k].letterSpaced) && !ls[k].isFurniture
                    ? (random.int(0...5) == 0 ? key & ~1 : key) : -1
            }
            ls.withUnsafeBufferPointer { buf in
                var window = RejoinSortedWindow()
                let hi = buf.count - 1
                let kept = window.move(buf, base: 0, lo: 0, hi: hi)
                #expect(kept)
                for width in [64, 66, 72, 126, 240] {
                    let blocks = RejoinRules.blocksAbout(width, buf, lo: 0, hi: hi)
                    #expect(blocks == window.linesAbout(width, openOnly: true))
                    #expect(RejoinRules.blocksAbout(width, buf, lo: 0, hi: hi, atMost: 4) == min(blocks, 4))
                    #expect(window.linesAbout(width, openOnly: true, atMost: 4) == min(blocks, 4))
                }
            }
        }
    }
}
