import Testing
@testable import Hanzi

/// `clean(utf8:)` passes large inputs to its stream in slices; the result is still the
/// composition of the steps over the whole text.
@Suite struct TextCleanerLargeInputTests {
    @Test func largeInputIsTheCompositionOfTheSteps() throws {
        let seeds = try TextCleanerTests.seeds()
        var corpus: [UInt8] = []
        while corpus.count < 3 * TextCleaner.oneShotSliceSize { corpus += seeds.reduce([], +) }
        #expect(corpus.count > 2 * TextCleaner.oneShotSliceSize)

        let rejoined = ColumnRejoiner().rejoin(utf8: corpus)
        let expected = PunctuationNormalizer(style: .mainland).normalize(utf8: rejoined)
        #expect(try TextCleaner().clean(utf8: corpus) == expected)
        #expect(try TextCleaner(options: .init(normalizes: false)).clean(utf8: corpus) == rejoined)
    }
}
