/// One punctuation style's choices (generated from `Tables/styles.tsv`).
struct StyleValues: Sendable {
    var outerOpen: UInt32
    var outerClose: UInt32
    var innerOpen: UInt32
    var innerClose: UInt32
    var ellipsis: [UInt32]
    var dash: [UInt32]
    var interpunct: UInt32
    /// Bit n set: U+FF01 + n stays full width (n < 64).
    var ownFullwidthLow: UInt64
    /// Bit n set: U+FF01 + 64 + n stays full width.
    var ownFullwidthHigh: UInt64

    /// Whether the full-width form `v` (U+FF01...U+FF5E) is this style's own punctuation.
    @inline(__always)
    func isOwnFullwidth(_ v: UInt32) -> Bool {
        let n = v &- NormalizationEngine.fullwidthFirst
        if n < 64 { return ownFullwidthLow & (1 << UInt64(n)) != 0 }
        if n < NormalizationEngine.fullwidthCount { return ownFullwidthHigh & (1 << UInt64(n - 64)) != 0 }
        return false
    }
}
