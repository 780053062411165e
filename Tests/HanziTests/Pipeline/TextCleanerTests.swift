import Foundation
import HanziTestSupport
import Testing
@testable import Hanzi

@Suite struct TextCleanerTests {
    static func seeds() throws -> [[UInt8]] {
        try Seeds.allBytes()
    }

    static let optionSets: [TextCleaner.Options] = [
        .init(),
        .init(conversions: [.t2s]),
        .init(rejoinOptions: .init(paragraphSeparator: .newline), style: .taiwan, conversions: [.s2tw]),
        .init(rejoins: false, style: .hongKong, normalizationOptions: .init(spacing: .insert)),
        .init(rejoins: false, normalizes: false, conversions: [.hk2t, .t2tw]),
        .init(normalizes: false),
    ]

    /// The pipeline is the composition of the three engines over the whole text.
    @Test func cleanIsTheCompositionOfTheSteps() throws {
        for options in Self.optionSets {
            let cleaner = try TextCleaner(options: options)
            for seed in try Self.seeds() {
                var expected = seed
                if options.rejoins { expected = ColumnRejoiner(options: options.rejoinOptions).rejoin(utf8: expected) }
                if options.normalizes {
                    let normalizer = PunctuationNormalizer(style: options.style, options: options.normalizationOptions)
                    if options.rejoins, options.rejoinOptions.paragraphSeparator == .newline {
                        // One paragraph per line.
                        var out: [UInt8] = []
                        var start = 0
                        for (i, b) in expected.enumerated() where b == 0x0A {
                            normalizer.normalize(utf8: expected[start...i], into: &out)
                            start = i + 1
                        }
                        normalizer.normalize(utf8: expected[start...], into: &out)
                        expected = out
                    } else {
                        expected = normalizer.normalize(utf8: expected)
                    }
                }
                for configuration in options.conversions {
                    expected = try ChineseConverter.shared(configuration).convert(utf8: expected)
                }
                #expect(try cleaner.clean(utf8: seed) == expected)
            }
        }
    }

    /// Random chunkings, thread counts and piece sizes give the same bytes.
    @Test func outputDoesNotDependOnChunkingOrThreads() throws {
        var rng = SeededGenerator(seed: 7)
        let all = try Self.seeds()
        let corpus = all.reduce([], +) + Array("no final newline，结尾".utf8)
        for options in Self.optionSets {
            let cleaner = try TextCleaner(options: options)
            let expected = try cleaner.clean(utf8: corpus)
            for round in 0..<6 {
                let threads = [1, 2, 3][round % 3]
                var stream = cleaner.makeStream(maxConcurrency: threads, pieceSize: [256, 1024, 4096][round % 3])
                var output: [UInt8] = []
                var start = 0
                while start < corpus.count {
                    let end = min(corpus.count, start + Int.random(in: 1...9000, using: &rng))
                    try stream.feed(Array(corpus[start..<end]), into: &output)
                    start = end
                }
                try stream.finish(into: &output)
                #expect(output == expected, "round \(round)")
            }
        }
    }

    @Test func generatedTextsStreamLikeTheWhole() throws {
        var rng = SeededGenerator(seed: 11)
        let pieces = ["汉字", "漢字", "，", "。", "\n", "\n\n", " ", "“", "”", "「", "」", "abc", "2024", "...", "——", "　　", "\r\n", "\r"]
        let cleaners = try Self.optionSets.map { try TextCleaner(options: $0) }
        for round in 0..<600 {
            let cleaner = cleaners[round % cleaners.count]
            var text = ""
            for _ in 0..<Int.random(in: 0...80, using: &rng) { text += pieces.randomElement(using: &rng)! }
            let bytes = Array(text.utf8)
            let expected = try cleaner.clean(utf8: bytes)
            var stream = cleaner.makeStream(maxConcurrency: 2, pieceSize: 16)
            var output: [UInt8] = []
            for byte in bytes { try stream.feed([byte], into: &output) }
            try stream.finish(into: &output)
            #expect(output == expected, "\(text.debugDescription)")
        }
    }

    @Test func invalidUTF8IsReportedWithItsStreamOffset() throws {
        let cleaner = try TextCleaner()
        #expect(throws: InvalidUTF8Error(byteOffset: 8, reason: .invalidByte, bytes: [0xFF])) {
            _ = try cleaner.clean(utf8: Array("汉字\n".utf8) + [0x41, 0xFF, 0x42])
        }
        var stream = cleaner.makeStream()
        var output: [UInt8] = []
        try stream.feed(Array("ab".utf8), into: &output)
        #expect(throws: InvalidUTF8Error(byteOffset: 3, reason: .truncatedSequence, bytes: [0xC3])) {
            try stream.feed([0x63, 0xC3, 0x28], into: &output)
        }
    }

    @Test func aByteOrderMarkIsDroppedAndEmptyInputGivesNothing() throws {
        let cleaner = try TextCleaner(options: .init(rejoins: false, normalizes: false))
        #expect(try cleaner.clean(utf8: [0xEF, 0xBB, 0xBF] + Array("汉字\n".utf8)) == Array("汉字\n".utf8))
        #expect(try TextCleaner().clean(utf8: []) == [])
        #expect(Array(try TextCleaner(options: .init(conversions: [.hk2s])).clean("漢字\n").utf8) == Array("汉字\n".utf8))
    }
}
