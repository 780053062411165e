import HanziCore

/// Letter spacing of justified lines: which spaces inside a line are stretch that a
/// typesetter put between characters, not spaces of the text.
///
/// Two forms reach the rejoiner:
///
/// - a **letter-spaced line**, where (nearly) every pair of neighbouring characters is one
///   space apart, whatever the script: `以 改 革 促 进`, `新 版 本 最 低 支 持 U b u n t u`,
///   `1 , 2 6 0 次 代 码`. All its spaces go, except a space between two Western words
///   of which one has more than one character (`Wi Fi` in `以 改 Wi Fi 进`);
/// - a **spaced run of half-width characters** inside an otherwise solid CJK line, which
///   is how some extractors show a justified line (they see the stretch only after
///   narrow glyphs): `定一个J S O N 文件`, `共有5 7 名贡献者`. A run of at least two single
///   ASCII characters, one space apart, next to CJK text, loses its inner spaces; a space
///   at one end of the run goes too when the other end is solid (the text did not space
///   the run from its CJK neighbours). A run of two with spaces at both ends (`在 A B 两地`)
///   is left alone: it may be text.
enum RejoinLetterSpacing {
    /// Writes `p[s..<e]` of a letter-spaced line without its letter spacing.
    static func writeCollapsingLine(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int,
                                    into output: inout [UInt8]) {
        var i = s
        var prev: UInt32 = 0
        var westernRun = 0          // Western scalars directly before `i` (no space between)
        var runBeforeSpace = 0
        var spaceStart = -1
        while i < e {
            let (v, n) = UTF8Codec.decode(p, i, e)
            if RejoinClass.isLineSpace(v) {
                if spaceStart < 0 { spaceStart = i; runBeforeSpace = westernRun; westernRun = 0 }
                i += n
                continue
            }
            if spaceStart >= 0 {
                // a space between two Western words of which one is longer than a letter
                if RejoinClass.isWestern(prev) && RejoinClass.isWestern(v)
                    && (runBeforeSpace > 1 || westernRunLength(p, from: i, end: e) > 1) {
                    output.append(contentsOf: UnsafeBufferPointer(start: p + spaceStart, count: i - spaceStart))
                }
                spaceStart = -1
            }
            output.append(contentsOf: UnsafeBufferPointer(start: p + i, count: n))
            westernRun = RejoinClass.isWestern(v) ? westernRun + 1 : 0
            prev = v
            i += n
        }
    }

    /// The number of Western scalars from `i` on before anything else (at most 2).
    @inline(__always)
    static func westernRunLength(_ p: UnsafePointer<UInt8>, from i: Int, end e: Int) -> Int {
        var j = i, n = 0
        while j < e && n < 2 {
            let (v, k) = UTF8Codec.decode(p, j, e)
            guard RejoinClass.isWestern(v) else { break }
            n += 1
            j += k
        }
        return n
    }

    /// A half-width character that letter spacing separates: ASCII, not a space.
    @inline(__always)
    static func isNarrow(_ v: UInt32) -> Bool { v > 0x20 && v < 0x7F }

    /// What the spaced runs of half-width characters of a line that is not letter-spaced
    /// as a whole amount to: the width of the spaces that are letter spacing (quarter
    /// ems) and the number of CJK–alphanumeric neighbours among them.
    struct RunSpacing {
        var droppedWidth = 0
        var droppedMixed: Int32 = 0
    }

    /// The non-space scalars of a line with the single space (or none) before each.
    private struct Item {
        var v: UInt32
        var start: Int
        var length: Int
        /// -1: no space before; 0: one ASCII space before; 1: another space run before.
        var gap: Int8
        var gapStart: Int
    }

    /// The non-space scalars of `p[s..<e]`, and for each whether the space before it is
    /// letter spacing of a spaced half-width run.
    private static func findRunGaps(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int) -> ([Item], [Bool]) {
        var items: [Item] = []
        var i = s
        var spaceStart = -1
        var spaceBytes = 0
        var onlyASCIISpace = true
        while i < e {
            let (v, n) = UTF8Codec.decode(p, i, e)
            if RejoinClass.isLineSpace(v) {
                if spaceStart < 0 { spaceStart = i; spaceBytes = 0; onlyASCIISpace = true }
                spaceBytes += n
                if v != 0x20 { onlyASCIISpace = false }
                i += n
                continue
            }
            let gap: Int8 = spaceStart < 0 ? -1 : (onlyASCIISpace && spaceBytes == 1 ? 0 : 1)
            items.append(Item(v: v, start: i, length: n, gap: gap, gapStart: spaceStart))
            spaceStart = -1
            i += n
        }
        var dropped = [Bool](repeating: false, count: items.count)
        let m = items.count
        // a single narrow character: no narrow character directly before or after it
        func single(_ k: Int) -> Bool {
            guard isNarrow(items[k].v) else { return false }
            if k > 0 && items[k].gap < 0 && RejoinClass.isWestern(items[k - 1].v) { return false }
            if k + 1 < m && items[k + 1].gap < 0 && RejoinClass.isWestern(items[k + 1].v) { return false }
            return true
        }
        var k = 0
        while k < m {
            guard single(k) else { k += 1; continue }
            var end = k
            while end + 1 < m && items[end + 1].gap == 0 && single(end + 1) { end += 1 }
            // a run begins and ends with a letter or digit (`1 , 2 6 0`): a bracket or a mark
            // spaced from a letter at its end is the text's own spacing (`t (？`, once the
            // normaliser made `?` full width)
            var i = k, j = end
            k = end + 1
            while i <= j && !RejoinClass.isAlnum(items[i].v) { i += 1 }
            while j >= i && !RejoinClass.isAlnum(items[j].v) { j -= 1 }
            let count = j - i + 1
            guard count >= 2 else { continue }
            let leftCJK = i > 0 && items[i].gap <= 0 && ScalarClass.isCJK(items[i - 1].v)
            let rightCJK = j + 1 < m && items[j + 1].gap <= 0 && ScalarClass.isCJK(items[j + 1].v)
            guard leftCJK || rightCJK else { continue }
            let leftSolid = i == 0 || items[i].gap < 0
            let rightSolid = j + 1 >= m || items[j + 1].gap < 0
            guard count >= 3 || leftSolid || rightSolid else { continue }
            for q in (i + 1)...j { dropped[q] = true }
            if leftSolid && rightCJK && items[j + 1].gap == 0 { dropped[j + 1] = true }
            if rightSolid && leftCJK && items[i].gap == 0 && i > 0 { dropped[i] = true }
        }
        return (items, dropped)
    }

    /// Measures the letter spacing of spaced half-width runs in `p[s..<e]`.
    static func measureRuns(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int) -> RunSpacing {
        let (items, dropped) = findRunGaps(p, from: s, to: e)
        var r = RunSpacing()
        for k in items.indices where dropped[k] {
            r.droppedWidth += 2
            let x = items[k - 1].v, y = items[k].v
            if (RejoinClass.isAlnum(x) && ScalarClass.isCJKLetter(y)) || (RejoinClass.isAlnum(y) && ScalarClass.isCJKLetter(x)) {
                r.droppedMixed += 1
            }
        }
        return r
    }

    /// Whether the one ASCII space at `gap` of `p[0..<count]` is letter spacing of a spaced
    /// half-width run, which ``writeCollapsingRuns(_:from:to:into:)`` drops.
    static func dropsSpace(_ p: UnsafePointer<UInt8>, count: Int, at gap: Int) -> Bool {
        let (items, dropped) = findRunGaps(p, from: 0, to: count)
        for k in items.indices where items[k].gapStart == gap { return dropped[k] }
        return false
    }

    /// Writes `p[s..<e]` without the letter spacing of its spaced half-width runs.
    static func writeCollapsingRuns(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int,
                                    into output: inout [UInt8]) {
        let (items, dropped) = findRunGaps(p, from: s, to: e)
        var written = s
        for k in items.indices where dropped[k] {
            let g = items[k].gapStart
            output.append(contentsOf: UnsafeBufferPointer(start: p + written, count: g - written))
            written = items[k].start
        }
        output.append(contentsOf: UnsafeBufferPointer(start: p + written, count: e - written))
    }
}
