/// Rule 2 for round brackets: a matched pair `( )` in Chinese context becomes `（ ）`, always
/// as a pair (never `（abc)`).
extension NormalizationEngine {
    /// ASCII bytes that may make this pass change a paragraph.
    static let bracketASCIITriggers = "()"

    /// Whether the non-ASCII scalar `c` is one this pass reads: a full-width round bracket,
    /// whose ASCII partner becomes full width with it.
    @inline(__always)
    static func bracketInvolves(_ c: UInt32) -> Bool { c == 0xFF08 || c == 0xFF09 }

    /// Converts matched round brackets to full width when the pair is in Chinese context:
    /// its opener follows Chinese text, it holds a CJK letter, or one of its ends is
    /// already full width.
    ///
    /// Pairs are decided outermost and leftmost first, so a pair that follows a converted
    /// `（` or `）` sees it: nested and adjacent pairs are decided in this one pass, which
    /// is what makes the result final (`中(((x)))` → `中（（（x）））`).
    /// `letters` holds the count of CJK letters before each index (see ``countLetters``),
    /// so that a pair's contents are checked in constant time.
    func convertBrackets(_ v: inout [UInt32], _ flags: inout [UInt8], letters: [Int],
                         scratch: inout NormalizationScratch) {
        let n = v.count
        var stack = NormalizationScratch.take(&scratch.ints1)
        var closeOf = NormalizationScratch.take(&scratch.ints2)  // by index of an opener
        defer {
            scratch.ints1 = stack
            scratch.ints2 = closeOf
        }
        stack.removeAll(keepingCapacity: true)
        closeOf.removeAll(keepingCapacity: true)
        closeOf.append(contentsOf: repeatElement(-1, count: n))
        var pairs = 0
        for i in 0..<n where flags[i] & NormalizationFlag.protected == 0 {
            switch v[i] {
            case 0x28, 0xFF08: stack.append(i)
            case 0x29, 0xFF09:
                if let o = stack.popLast() { closeOf[o] = i; pairs += 1 }
            default: break
            }
        }
        guard pairs > 0 else { return }
        for o in 0..<n where closeOf[o] >= 0 {
            let c = closeOf[o]
            guard v[o] == 0x28 || v[c] == 0x29 else { continue }
            let chinese = v[o] == 0xFF08 || v[c] == 0xFF09
                || (o > 0 && isChineseContext(v[o - 1], flags[o - 1]))
                || letters[c] - letters[o + 1] > 0
            if chinese {
                v[o] = 0xFF08
                v[c] = 0xFF09
            }
        }
    }

    /// Sets `letters[i]` to the number of CJK letters in `v[0..<i]`, for `i` in `0...v.count`.
    static func countLetters(_ v: [UInt32], into letters: inout [Int]) {
        letters.removeAll(keepingCapacity: true)
        letters.reserveCapacity(v.count + 1)
        var count = 0
        letters.append(0)
        for c in v {
            if NormalizationScalar.isLetter(c) { count += 1 }
            letters.append(count)
        }
    }
}
