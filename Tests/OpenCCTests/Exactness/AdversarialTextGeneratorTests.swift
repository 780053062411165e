import Foundation
import Testing
import OpenCC
import HanziTestSupport

@Suite struct AdversarialTextGeneratorTests {
    static let phrases: [[UInt8]] = ["汉字", "字典", "典型", "干", "干净", "乾淨", "头发", "发展", "𠀀𠀁", "一"].map { Array($0.utf8) }

    @Test func sameSeedSameText() {
        var a = AdversarialTextGenerator(phrases: Self.phrases, seed: 7)
        var b = AdversarialTextGenerator(phrases: Self.phrases, seed: 7)
        var c = AdversarialTextGenerator(phrases: Self.phrases, seed: 8)
        let text = a.text(byteCount: 100_000)
        #expect(text == b.text(byteCount: 100_000))
        #expect(text != c.text(byteCount: 100_000))
    }

    @Test func textIsValidUTF8OfTheAskedSize() throws {
        var generator = AdversarialTextGenerator(phrases: Self.phrases, seed: 1)
        let text = generator.text(byteCount: 300_000)
        #expect(text.count >= 300_000 && text.count < 300_000 + 16_384)
        #expect(String(validating: text, as: UTF8.self) != nil)
    }

    @Test func textHoldsEveryKindOfPiece() throws {
        var generator = AdversarialTextGenerator(phrases: Self.phrases, seed: 2)
        let bytes = generator.text(byteCount: 500_000)
        let text = try #require(String(validating: bytes, as: UTF8.self))
        let scalars = text.unicodeScalars.map(\.value)
        #expect(bytes.contains(0))
        #expect(text.contains("汉字典型"), "overlapping phrases")
        #expect(text.contains("发展") && text.contains("头发"))
        #expect(scalars.contains { (0xF900...0xFAD9).contains($0) || (0x2F800...0x2FA1D).contains($0) }, "compatibility ideographs")
        #expect(scalars.contains { (0xE0100...0xE01EF).contains($0) || (0xFE00...0xFE0F).contains($0) }, "variation selectors")
        #expect(scalars.contains(0x1F600) && scalars.contains(0x200D), "emoji")
        #expect(scalars.contains(0xAC00 + 7 * 3) || scalars.contains { (0xAC00...0xD7A3).contains($0) }, "runs without a match")
        #expect(bytes.contains(0x0D) && bytes.contains(0x0A))
        // Prefixes and suffixes of phrases that are not phrases themselves.
        #expect(text.contains("𠀀") && text.contains("𠀁"))
        // A long run in which no phrase scalar occurs.
        let phraseScalars = Set(Self.phrases.flatMap { String(decoding: $0, as: UTF8.self).unicodeScalars.map(\.value) })
        var longest = 0
        var run = 0
        for value in scalars {
            if value >= 0x100 && !phraseScalars.contains(value) { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        #expect(longest >= 50)
    }

    @Test func worksWithoutPhrases() {
        var generator = AdversarialTextGenerator(phrases: [], seed: 3)
        let text = generator.text(byteCount: 10_000)
        #expect(text.count >= 10_000 && String(validating: text, as: UTF8.self) != nil)
    }

    @Test func skipsInvalidPhrases() {
        var generator = AdversarialTextGenerator(phrases: [[0xFF, 0xFE], [0xE6, 0xB1], []] + Self.phrases, seed: 4)
        #expect(String(validating: generator.text(byteCount: 50_000), as: UTF8.self) != nil)
    }
}

extension AdversarialTextGeneratorTests {
    @Test func textHoldsIdeographicDescriptionSequences() throws {
        var generator = AdversarialTextGenerator(phrases: Self.phrases, seed: 5)
        let text = try #require(String(validating: generator.text(byteCount: 200_000), as: UTF8.self))
        #expect(text.unicodeScalars.contains { (0x2FF0...0x2FFF).contains($0.value) })
    }
}
