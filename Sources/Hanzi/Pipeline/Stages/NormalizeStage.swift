/// The punctuation and spacing normaliser as a pipeline stage: local to paragraphs, or to
/// lines when every line is a paragraph of its own (after rejoining with one paragraph per
/// line).
struct NormalizeStage: LocalTextStage {
    let normalizer: PunctuationNormalizer
    let locality: StageLocality

    func apply(to text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        // Only into an empty buffer: reserving more room in a filled one would give up the
        // array's geometric growth.
        if output.isEmpty { output.reserveCapacity(NormalizeStage.expectedOutputCapacity(text.count)) }
        guard locality == .line else {
            normalizer.normalize(utf8: text, into: &output)
            return
        }
        // One paragraph per line: each line is normalised on its own.
        var start = 0
        while start < text.count {
            let end = LineBoundary.lineFeed.first(in: text, from: start) ?? text.count
            normalizer.normalize(utf8: UnsafeBufferPointer(rebasing: text[start..<end]), into: &output)
            start = end
        }
    }

    /// The capacity to reserve for normalising `count` bytes: a normalised text is rarely
    /// more than a sixteenth longer than its input.
    static func expectedOutputCapacity(_ count: Int) -> Int {
        count + count / 16
    }
}
