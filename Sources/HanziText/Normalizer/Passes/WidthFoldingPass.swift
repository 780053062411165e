/// Rule 3: full-width letters, digits and symbols (`ＡＢＣ１２３`) become ASCII, except the
/// style's own punctuation; before that, the compatibility and presentation forms of
/// `Tables/punctuation-audit.tsv` (vertical `︵`, small `﹐`, `﹁`, …) become their
/// ordinary forms. The pass runs first in every round and also finds which of the
/// later passes the paragraph needs (``NormalizationPasses``).
extension NormalizationEngine {
    /// Whether the non-ASCII scalar `v` may make this pass change a paragraph: a
    /// full-width form that is not the style's own punctuation.
    @inline(__always)
    static func isWidthTrigger(_ v: UInt32, style: StyleValues) -> Bool {
        (v &- fullwidthFirst < fullwidthCount && !style.isOwnFullwidth(v)) || NormalizationTables.variantFold(v) != 0
    }

    /// The full-width forms of ASCII `!` to `~`: U+FF01...U+FF5E.
    static let fullwidthFirst: UInt32 = 0xFF01
    static let fullwidthCount: UInt32 = 94
    /// U+FF01 + n is the full-width form of U+0021 + n.
    static let fullwidthOffset: UInt32 = 0xFEE0
    /// `．`, which stays between two CJK letters (the 音界號 of older Taiwan text).
    static let fullwidthFullStop: UInt32 = 0xFF0E

    /// Full-width ASCII forms become ASCII, except the style's own punctuation and a
    /// full-width full stop between two CJK letters (an interpunct, handled by the runs).
    /// Returns the passes the paragraph needs afterwards (``NormalizationPasses``).
    func foldWidths(_ v: inout [UInt32]) -> NormalizationPasses {
        var passes: NormalizationPasses = []
        var pairedRun = false
        let n = v.count
        for i in 0..<n {
            var c = v[i]
            if c &- NormalizationScalar.commonHanFirst < NormalizationScalar.commonHanCount { continue }
            if c >= 0x80 {
                let folded = NormalizationTables.variantFold(c)
                if folded != 0 {
                    c = folded
                    v[i] = c
                }
            }
            if c &- Self.fullwidthFirst < Self.fullwidthCount && !style.isOwnFullwidth(c)
                && !(c == Self.fullwidthFullStop && i > 0 && i + 1 < n && NormalizationScalar.isLetter(v[i - 1])
                     && NormalizationScalar.isLetter(v[i + 1])) {
                c &-= Self.fullwidthOffset
                v[i] = c
            }
            if c < 0x80 {
                passes.formUnion(asciiPasses[Int(c)])
            } else {
                passes.formUnion(NormalizationPasses.involved(by: v, at: i, pairedRun: &pairedRun))
            }
        }
        // A protected span can split a run the runs pass otherwise leaves alone.
        if pairedRun && passes.contains(.protectedSpans) { passes.insert(.runs) }
        return passes
    }
}
