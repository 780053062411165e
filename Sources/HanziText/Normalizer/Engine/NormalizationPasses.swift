/// The passes of a round that a paragraph needs; a round skips the others.
///
/// Built from what each pass declares in its own file: the ASCII bytes it acts on
/// (`…ASCIITriggers`) and the non-ASCII scalars it acts on (`…Involves`). The width-folding
/// pass, which runs first and looks at every scalar, collects them for the round.
struct NormalizationPasses: OptionSet, Sendable {
    let rawValue: UInt8

    static let protectedSpans = NormalizationPasses(rawValue: 1 << 0)
    static let quotes = NormalizationPasses(rawValue: 1 << 1)
    static let brackets = NormalizationPasses(rawValue: 1 << 2)
    static let asciiPunctuation = NormalizationPasses(rawValue: 1 << 3)
    static let runs = NormalizationPasses(rawValue: 1 << 4)

    /// For each ASCII byte, the passes it involves.
    static func asciiTable() -> [NormalizationPasses] {
        var table = [NormalizationPasses](repeating: [], count: 128)
        func declare(_ bytes: String, _ passes: NormalizationPasses) {
            for b in bytes.utf8 { table[Int(b)].formUnion(passes) }
        }
        declare(ProtectedSpans.asciiTriggers, .protectedSpans)
        declare(NormalizationEngine.quoteASCIITriggers, .quotes)
        declare(NormalizationEngine.bracketASCIITriggers, .brackets)
        declare(NormalizationEngine.punctuationASCIITriggers, .asciiPunctuation)
        declare(NormalizationEngine.runsASCIITriggers, .runs)
        return table
    }

    /// The passes the non-ASCII scalar `v[i]` involves (after width folding).
    /// `pairedRun` is set when `v[i]` is one of a run the runs pass leaves alone unless a
    /// protected span splits it.
    @inline(__always)
    static func involved(by v: [UInt32], at i: Int, pairedRun: inout Bool) -> NormalizationPasses {
        let c = v[i]
        if NormalizationEngine.quoteInvolves(c) { return .quotes }
        if NormalizationEngine.bracketInvolves(c) { return .brackets }
        switch NormalizationEngine.runsInvolve(v, at: i) {
        case .yes: return .runs
        case .ifSplit: pairedRun = true
        case .no: break
        }
        return []
    }
}
