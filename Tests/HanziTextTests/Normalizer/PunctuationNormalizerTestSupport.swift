import HanziTestSupport
import Foundation
import Testing
@testable import HanziText

/// Helpers shared by the normaliser tests.
enum NormalizerTestSupport {
    static func normalizer(_ style: PunctuationNormalizer.Style = .mainland,
                           spacing: PunctuationNormalizer.Spacing = .remove,
                           indent: PunctuationNormalizer.Indent = .keep) -> PunctuationNormalizer {
        PunctuationNormalizer(style: style, options: .init(spacing: spacing, indent: indent))
    }

    /// The normalised bytes of `text`, to compare with `Array(expected.utf8)`.
    static func bytes(_ text: String, _ style: PunctuationNormalizer.Style = .mainland,
                      spacing: PunctuationNormalizer.Spacing = .remove,
                      indent: PunctuationNormalizer.Indent = .keep) -> [UInt8] {
        normalizer(style, spacing: spacing, indent: indent).normalize(utf8: Array(text.utf8))
    }

    /// The bytes of the file at `relativePath` under the repository root (a seed or a gold).
    static func seed(_ relativePath: String) throws -> [UInt8] {
        try RepositoryRoot.bytes(relativePath)
    }

    /// The Han characters, letters and digits of `bytes` in order, full-width letters and
    /// digits folded to ASCII: what the normaliser must never change.
    static func lettersAndDigits(_ bytes: [UInt8]) -> [UInt32] {
        var out: [UInt32] = []
        for s in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            var v = s.value
            if (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v) {
                v -= 0xFEE0
            }
            if ScalarClass.isHan(v) || (ScalarClass.isCJKLetter(v) && v != 0x30FB && v != 0x30A0) || ScalarClass.isLatinLetter(v) || ScalarClass.isASCIIDigit(v) {
                out.append(v)
            }
        }
        return out
    }


    /// Pieces the generated inputs are made of: Han text, English words, numbers, every
    /// kind of punctuation and quote the rules know, spaces, line breaks, URLs, emoticons.
    static let pieces: [String] = [
        "中文", "中 文", "文 2", "3 中", "1.5", "2,3", "4:5", "6-7", "中-文", "上海合作组织", "阿斯塔纳", "新华社北京7月6日电", "记者", "年", "月", "日", "習近平", "峰會", "本报讯",
        "こんにちは", "한국", "青岛", "上合",
        "The", "case", "It’s", "don't", "iPhone", "WHO", "abc", "Hello", "world", "é", "café",
        "0", "7", "2024", "3.14", "1,000", "10:30", "2019-06-26", "1.5万", "50%", "30℃",
        "，", "。", "、", "；", "：", "？", "！", "（", "）", "《", "》", "〈", "〉", "【", "】",
        "「", "」", "『", "』", "“", "”", "‘", "’", "\"", "'", "`",
        ",", ".", ";", ":", "?", "!", "(", ")", "[", "]", "-", "--", "...", "…", "……", "。。。", "—", "——", "─", "──", "―",
        "·", "‧", "•", "・", "･", "．", "＂", "＇", "～",
        "Ａ", "ｂ", "１", "２", "＋", "％", "，", "＆", "＠",
        " ", " ", " ", "  ", "\u{3000}", "\u{3000}\u{3000}", "\t", "\u{A0}", "\n", "\n", "\n\n", "\r\n", " \n",
        "https://example.com/a?b=1", "https://例子.中国/路径", "www.example.org", "a.b@example.com", "/usr/local/bin",
        "./build.sh", "C:\\Users\\x", ":)", ":-(", "^_^", "(^_^)", "XD", "<3", "&amp;", "`x, y`", "```a; b```",
    ]

    /// Counts the inputs whose result is not a fixed point (normalising it again changes
    /// it) or lost or changed a Han character, letter or digit; records the first three.
    static func fixedPointFailures(_ normalizer: PunctuationNormalizer, _ inputs: [[UInt8]],
                                   sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        var failures = 0
        for input in inputs {
            let once = normalizer.normalize(utf8: input)
            let twice = normalizer.normalize(utf8: once)
            guard once != twice || lettersAndDigits(input) != lettersAndDigits(once) else { continue }
            failures += 1
            if failures <= 3 {
                Issue.record("""
                    \(normalizer.style) \(normalizer.options): input \(String(decoding: input, as: UTF8.self).debugDescription)
                    once  \(String(decoding: once, as: UTF8.self).debugDescription)
                    twice \(String(decoding: twice, as: UTF8.self).debugDescription)
                    """, sourceLocation: sourceLocation)
            }
        }
        return failures
    }

    /// Counts the inputs on which `a` and `b` (the same normaliser run two ways) give
    /// different bytes; records the first three.
    static func differences(_ a: PunctuationNormalizer, _ b: PunctuationNormalizer, _ inputs: [[UInt8]],
                            sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        var failures = 0
        for input in inputs {
            let x = a.normalize(utf8: input), y = b.normalize(utf8: input)
            guard x != y else { continue }
            failures += 1
            if failures <= 3 {
                Issue.record("""
                    \(a.style) \(a.options): input \(String(decoding: input, as: UTF8.self).debugDescription)
                    \(String(decoding: x, as: UTF8.self).debugDescription)
                    \(String(decoding: y, as: UTF8.self).debugDescription)
                    """, sourceLocation: sourceLocation)
            }
        }
        return failures
    }

    static func randomText(_ rng: inout SeededGenerator, maxPieces: Int = 24) -> String {
        var s = ""
        let count = Int.random(in: 1...maxPieces, using: &rng)
        for _ in 0..<count { s += pieces.randomElement(using: &rng)! }
        return s
    }
}
