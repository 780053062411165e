import Testing
import HanziText

/// Inputs the fuzz harnesses FuzzNormalize and FuzzMarkdown found where normalising twice
/// changed the text (Fuzz/Corpus/FuzzNormalize/found-*), before the normaliser ran to a fixed point.
@Suite struct PunctuationNormalizerFuzzRegressionTests {
    /// A run of eight straight double quotes before `!亭`, Taiwan style with spacing inserted
    /// (minimised from a Markdown document): the second pass turns quotes the first left
    /// straight into 「」.
    @Test
    func quoteRunIsIdempotentInTaiwanStyleWithSpacingInserted() {
        let normalizer = PunctuationNormalizer(style: .taiwan, options: .init(spacing: .insert))
        let once = normalizer.normalize(utf8: Array("\"\"\"\"\"\"\"\"!亭".utf8))
        #expect(normalizer.normalize(utf8: once) == once)
    }
}
