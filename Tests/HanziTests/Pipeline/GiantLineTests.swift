import Testing
@testable import Hanzi

/// A line of any length gives the same bytes through a stream, however it is chunked and
/// with any number of threads, as the whole text processed at once: no stage's input is cut
/// inside a line (a cut there could split a conversion phrase, a quote pair or a join).
@Suite struct GiantLineTests {
    /// Feeds `text` to a stream of `cleaner` in chunks of `chunk` bytes.
    static func streamed(_ cleaner: TextCleaner, _ text: [UInt8], chunk: Int, threads: Int) throws -> [UInt8] {
        var stream = cleaner.makeStream(maxConcurrency: threads, pieceSize: 1 << 16)
        var output: [UInt8] = []
        var start = 0
        while start < text.count {
            let end = min(text.count, start + chunk)
            try stream.feed(text[start..<end], into: &output)
            start = end
        }
        try stream.finish(into: &output)
        return output
    }

    /// Many times the batch (pieces of 64 KiB here), so any cut inside a line would show.
    static let giant = 4 << 20

    static func repeated(_ unit: String, prefix: String = "", suffix: String = "", bytes: Int) -> [UInt8] {
        let unitBytes = Array(unit.utf8)
        var text = Array(prefix.utf8)
        text.reserveCapacity(bytes + unitBytes.count + 16)
        while text.count < bytes { text += unitBytes }
        return text + Array(suffix.utf8)
    }

    @Test func conversionOfAGiantLineSplitsNoPhrase() throws {
        let count = Self.giant / 6
        let text = Array("中".utf8) + Self.repeated("头发", bytes: count * 6)
        let expected = Array("中".utf8) + Self.repeated("頭髮", bytes: count * 6)
        let s2t = try #require(ChineseConverter.Configuration(openCCName: "s2t"))
        let cleaner = try TextCleaner(options: .init(rejoins: false, normalizes: false, conversions: [s2t]))
        #expect(try cleaner.clean(utf8: text) == expected)
        for (chunk, threads) in [(65_537, 1), ((1 << 20) + 3, 4)] {
            #expect(try Self.streamed(cleaner, text, chunk: chunk, threads: threads) == expected, "chunk \(chunk)")
        }
    }

    @Test func normalizingAGiantLinePairsItsQuotes() throws {
        let text = Self.repeated("中文", prefix: "\"", suffix: "\"\n", bytes: Self.giant)
        let expected = PunctuationNormalizer(style: .mainland).normalize(utf8: text)
        #expect(expected.starts(with: Array("“中文".utf8)))
        let cleaner = try TextCleaner(options: .init(rejoins: false))
        for (chunk, threads) in [(65_537, 1), ((1 << 20) + 3, 4)] {
            #expect(try Self.streamed(cleaner, text, chunk: chunk, threads: threads) == expected, "chunk \(chunk)")
        }
    }

    @Test func cleaningAGiantLineIsTheCompositionOfTheSteps() throws {
        let text = Self.repeated("中文，\"测试\"。", suffix: "\n", bytes: Self.giant)
        let expected = PunctuationNormalizer(style: .mainland).normalize(utf8: ColumnRejoiner().rejoin(utf8: text))
        let cleaner = try TextCleaner()
        for (chunk, threads) in [(65_537, 1), ((1 << 20) + 3, 4)] {
            #expect(try Self.streamed(cleaner, text, chunk: chunk, threads: threads) == expected, "chunk \(chunk)")
        }
    }
}
