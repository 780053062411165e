import HanziTestSupport
import Testing
@testable import HanziText

/// Converting between styles, both ways: text in one style's convention normalised to
/// another comes out fully in the target convention (the same as normalising the original
/// text to it), and normalising it back restores the source convention byte for byte, on
/// the seeds, the audit's forms and generated text, for every pair of styles.
@Suite struct StyleRoundTripTests {
    typealias S = NormalizerTestSupport

    static let pairs: [(PunctuationNormalizer.Style, PunctuationNormalizer.Style)] = {
        var all: [(PunctuationNormalizer.Style, PunctuationNormalizer.Style)] = []
        for a in PunctuationNormalizer.Style.allCases {
            for b in PunctuationNormalizer.Style.allCases where a != b { all.append((a, b)) }
        }
        return all
    }()

    /// Real text: the seeds, and every form of the audit table in Chinese sentences.
    static func realText() throws -> [[UInt8]] {
        var inputs: [[UInt8]] = []
        for file in PunctuationNormalizerPropertyTests.seedFiles { inputs.append(try S.seed(file)) }
        for row in NormalizationAuditTests.rows {
            inputs.append(Array("他说\(row.variant)你好\(row.variant)。「引\(row.variant)文」，“引‘内’文”\n".utf8))
        }
        return inputs
    }

    /// Generated text from every piece the rules know, with quotation marks in matched
    /// pairs of one family (a lone `“` and a lone `」` of generated text can pair up once
    /// both are written as corner brackets, which no style change can undo), and without
    /// straight quotes, which are no style's convention (the idempotence tests cover them).
    /// One limit: a corner-quoted pair with nothing Chinese inside or next to it (`+「OK」…`)
    /// is Chinese by its form, but becomes a curly pair that reads as English; such pairs
    /// are left out.
    static func generatedText() -> [[UInt8]] {
        let quotes: Set<String> = ["「", "」", "『", "』", "“", "”", "‘", "’", "\"", "'", "＂", "＇", "don't"]
        let pieces = S.pieces.filter { !quotes.contains($0) } + [
            "“中文”", "「中文」", "『内』", "‘内’", "“外‘内’外”", "「外『内』外」", "「他说『你好』」",
            "The “Convertible Amount” case", "It’s", "“OK”就走了",
        ]
        var rng = SeededGenerator(seed: 0x2077)
        return (0..<1500).map { _ in
            var s = ""
            for _ in 0..<Int.random(in: 1...30, using: &rng) { s += pieces.randomElement(using: &rng)! }
            return Array(s.utf8)
        }
    }

    @Test(arguments: 0..<pairs.count)
    func roundTrip(_ index: Int) throws {
        let (source, target) = Self.pairs[index]
        for spacing in PunctuationNormalizer.Spacing.allCases {
            let toSource = S.normalizer(source, spacing: spacing)
            let toTarget = S.normalizer(target, spacing: spacing)
            var failures = 0
            let real = try Self.realText()
            for (k, input) in (real + Self.generatedText()).enumerated() {
                let inSource = toSource.normalize(utf8: input)
                let inTarget = toTarget.normalize(utf8: inSource)
                let back = toSource.normalize(utf8: inTarget)
                let direct = toTarget.normalize(utf8: input)
                // Generated text mixes English and Chinese quotations freely, so a curly
                // pair read as English in one style may be read as Chinese after its
                // neighbours changed; "the same as direct" is asked of real text only.
                if back != inSource || (k < real.count && inTarget != direct) {
                    failures += 1
                    if failures <= 3 {
                        Issue.record("""
                            \(source) → \(target) \(spacing): \(String(decoding: input.prefix(200), as: UTF8.self).debugDescription)
                            source \(String(decoding: inSource.prefix(200), as: UTF8.self).debugDescription)
                            target \(String(decoding: inTarget.prefix(200), as: UTF8.self).debugDescription)
                            direct \(String(decoding: direct.prefix(200), as: UTF8.self).debugDescription)
                            back   \(String(decoding: back.prefix(200), as: UTF8.self).debugDescription)
                            """)
                    }
                }
            }
            #expect(failures == 0, "\(source) → \(target) \(spacing)")
        }
    }
}
