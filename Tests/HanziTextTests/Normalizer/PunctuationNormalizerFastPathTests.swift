import HanziTestSupport
import Testing
@testable import HanziText

/// The fast path's rewrites on bytes (``ParagraphRewrite``: quotation marks of another
/// style, spaces between CJK and Latin with `--spacing insert`) give the engine's bytes.
@Suite struct PunctuationNormalizerFastPathTests {
    typealias S = NormalizerTestSupport

    /// Pieces that make most paragraphs the fast path's to rewrite, with everything that
    /// must make it give up: unmatched and crossed quotes, apostrophes, quotes without CJK
    /// letters, paths, inline code, indents, runs of spaces, spaces before line breaks,
    /// other spaces, unit signs and Latin letters beyond ASCII, Han characters outside
    /// U+4E00...U+9FFF next to Latin letters.
    static let pieces: [String] = [
        "中文", "他说", "記者", "年", "上海精神", "こんにちは", "한국", "䷀", "㐀", "𠀀",
        "“", "”", "‘", "’", "「", "」", "『", "』", "“中”", "「中」", "‘文’", "『文』", "“abc”", "“”",
        "It’s", "90’s", "iPhone", "WHO", "abc", "2024", "7", "3.14", "1,000", "10:30", "50%", "30℃", "café", "°",
        "，", "。", "、", "：", "！", "……", "——", "·", "《", "》",
        " ", " ", "  ", "\t", "\u{3000}", "\u{A0}", "\n", "\n", "\n\n", "\r\n", " \n", "\u{2028}", "\u{0B}",
        "/", "km/h", "/usr/中文", "\\", "`", "`“中”`", "-", "_", "+", "#",
    ]

    static func text(_ rng: inout SeededGenerator) -> [UInt8] {
        var s = ""
        for _ in 0..<Int.random(in: 1...16, using: &rng) { s += pieces.randomElement(using: &rng)! }
        if Bool.random(using: &rng) { s = "\u{3000}\u{3000}" + s }
        return Array(s.utf8)
    }

    @Test(arguments: PunctuationNormalizer.Style.allCases)
    func rewritesAgreeWithEngine(_ style: PunctuationNormalizer.Style) {
        var rng = SeededGenerator(seed: 0xFA57_0000 + UInt64(PunctuationNormalizer.Style.allCases.firstIndex(of: style)!))
        var inputs: [[UInt8]] = []
        for _ in 0..<4000 { inputs.append(Self.text(&rng)) }
        for spacing in PunctuationNormalizer.Spacing.allCases {
            for indent in PunctuationNormalizer.Indent.allCases {
                var fast = S.normalizer(style, spacing: spacing, indent: indent)
                fast.alwaysUseEngine = false
                var slow = fast
                slow.alwaysUseEngine = true
                #expect(S.differences(fast, slow, inputs) == 0)
            }
        }
    }

    /// The rewrites themselves, and a case of each reason to give up.
    @Test func rewrites() {
        #expect(S.bytes("他说“你好”。", .taiwan) == Array("他说「你好」。".utf8))
        #expect(S.bytes("他说“‘你’好”。", .hongKong) == Array("他说「『你』好」。".utf8))
        #expect(S.bytes("他说「『你』好」。", .mainland) == Array("他说“‘你’好”。".utf8))
        #expect(S.bytes("近40年iPhone销量50%", spacing: .insert) == Array("近 40 年 iPhone 销量 50%".utf8))
        #expect(S.bytes("近\u{3000}40年", spacing: .insert) == Array("近 40 年".utf8))
        #expect(S.bytes("近\u{3000} 40年", spacing: .keep) == Array("近\u{3000}40年".utf8))
        // Given to the engine, which decides them its own way.
        #expect(S.bytes("`“中”`“文”", .taiwan) == Array("`“中”`「文」".utf8))
        #expect(S.bytes("“中”It’s", .taiwan) == Array("「中」It’s".utf8))
        #expect(S.bytes("/usr/中文abc 中文abc", spacing: .insert) == Array("/usr/中文abc 中文 abc".utf8))
    }
}
