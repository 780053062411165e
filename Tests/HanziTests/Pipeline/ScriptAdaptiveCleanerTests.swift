import HanziTestSupport
import Testing
@testable import Hanzi

@Suite struct ScriptAdaptiveCleanerTests {
    static let simplified = "这是简体中文的记录，里面有汉字和“引号”。"
    static let taiwan = "這是臺灣的紀錄，裡面有「引號」和著作。"
    static let hongKong = "這是香港的紀錄，裏面有「引號」和着數。"

    func clean(_ cleaner: ScriptAdaptiveCleaner, _ text: String) throws -> String {
        String(decoding: try cleaner.clean(utf8: Array(text.utf8)), as: UTF8.self)
    }

    @Test func eachTextIsConvertedFromItsOwnScript() throws {
        let adaptive = try ScriptAdaptiveCleaner(options: .init(rejoins: false), target: .simplified)
        for text in [Self.taiwan, Self.hongKong] {
            let cleaned = try clean(adaptive, text)
            let detection = try ScriptDetector().detect(cleaned)
            #expect(detection.script == .simplified, "\(text) → \(cleaned)")
            #expect(cleaned.contains("“引号”"), "the mainland style follows the target: \(cleaned)")
        }
        #expect(try clean(adaptive, Self.simplified) == Self.simplified)
    }

    @Test func withoutATargetTheStyleFollowsEachTextsScript() throws {
        let adaptive = try ScriptAdaptiveCleaner(options: .init(rejoins: false), target: nil)
        #expect(try clean(adaptive, "這是臺灣的紀錄，裡面有\"引號\"。").contains("「引號」"))
        #expect(try clean(adaptive, "这是简体的记录，里面有\"引号\"。").contains("“引号”"))
    }

    @Test func aGivenStyleOrSourceWins() throws {
        let adaptive = try ScriptAdaptiveCleaner(
            options: .init(rejoins: false), target: .simplified, source: .traditional,
            style: PunctuationNormalizer.Style(rawValue: "taiwan")!)
        let cleaned = try clean(adaptive, "這是「引號」。")
        #expect(cleaned == "这是「引号」。")
    }

    @Test func cleanersAreSharedPerChoice() throws {
        let adaptive = try ScriptAdaptiveCleaner(options: .init(rejoins: false), target: .simplified)
        let a = try adaptive.cleaner(forSample: Array(Self.taiwan.utf8))
        let b = try adaptive.cleaner(forSample: Array(Self.taiwan.utf8))
        #expect(a.options == b.options)
        #expect(a.options.conversions == [.tw2s] || a.options.conversions == [.t2s])
    }
}

@Suite struct TextCleanerShortTextTests {
    /// A short validated text (a JSON value) is cleaned without a stream; the bytes are the
    /// stream's, for every kind of pipeline.
    @Test(arguments: 0..<6) func wholeTextEqualsStream(pipeline: Int) throws {
        let options: [TextCleaner.Options] = [
            .init(), .init(conversions: [.t2s]), .init(rejoins: false), .init(normalizes: false, conversions: [.s2t]),
            .init(rejoinOptions: .init(paragraphSeparator: .newline)), .init(rejoins: false, normalizes: false),
        ]
        let cleaner = try TextCleaner(options: options[pipeline])
        var rng = SeededGenerator(seed: UInt64(pipeline) &+ 0x5157)
        let pieces = ["汉字", "漢字", "，", ",", "\n", "\n\n", "  ", "abc", "“", "\"", "。", "1 2", "\u{FEFF}", "——"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let bytes = Array(text.utf8)
            var stream = cleaner.makeStream()
            var streamed: [UInt8] = []
            try stream.feed(bytes, into: &streamed)
            try stream.finish(into: &streamed)
            #expect(try cleaner.clean(validated: bytes) == streamed, "\(text.debugDescription)")
        }
    }
}
