import HanziCore
import HanziTestSupport
import Foundation
import Testing
@testable import HanziText

/// Properties of the normaliser over many generated inputs and over the seeds.
@Suite struct PunctuationNormalizerPropertyTests {
    typealias S = NormalizerTestSupport

    static let configurations: [PunctuationNormalizer] = {
        var all: [PunctuationNormalizer] = []
        for style in PunctuationNormalizer.Style.allCases {
            for spacing in PunctuationNormalizer.Spacing.allCases {
                for indent in PunctuationNormalizer.Indent.allCases {
                    all.append(S.normalizer(style, spacing: spacing, indent: indent))
                }
            }
        }
        return all
    }()

    static let seedFiles = [
        "seeds/000_191dfd8d2700d23d.txt", "seeds/001_713304df437d9aa5.txt", "seeds/002_8c2ff1bd2990f71e.txt",
        "seeds/003_8dd8231aff3203e7.txt", "seeds/004_8f4a68126b05a263.txt",
        "seeds/gold/000_191dfd8d2700d23d.gold.txt", "seeds/gold/001_713304df437d9aa5.gold.txt",
        "seeds/gold/004_8f4a68126b05a263.gold.txt",
    ]

    /// normalize(normalize(x)) == normalize(x), byte for byte, and no Han character, letter
    /// or digit changed, for every style and option over thousands of generated inputs.
    @Test(arguments: 0..<configurations.count)
    func idempotentAndKeepsLettersOnGeneratedInputs(_ index: Int) {
        let normalizer = Self.configurations[index]
        var rng = SeededGenerator(seed: 0x5EED_0000 + UInt64(index))
        let inputs = (0..<2500).map { _ in Array(S.randomText(&rng).utf8) }
        #expect(S.fixedPointFailures(normalizer, inputs) == 0)
    }

    /// The same properties over the seeds, whole and line by line.
    @Test func idempotentAndKeepsLettersOnSeeds() throws {
        for file in Self.seedFiles {
            let text = try S.seed(file)
            for normalizer in Self.configurations {
                let once = normalizer.normalize(utf8: text)
                #expect(normalizer.normalize(utf8: once) == once, "\(file) \(normalizer.style) \(normalizer.options)")
                #expect(S.lettersAndDigits(text) == S.lettersAndDigits(once), "\(file)")
            }
        }
    }

    /// Normalising a text is the same as normalising each paragraph (blank-line separated
    /// block) on its own and concatenating the results.
    @Test func paragraphLocality() throws {
        var rng = SeededGenerator(seed: 42)
        var inputs: [[UInt8]] = []
        for _ in 0..<1500 { inputs.append(Array(S.randomText(&rng, maxPieces: 40).utf8)) }
        for file in Self.seedFiles { inputs.append(try S.seed(file)) }
        for normalizer in [S.normalizer(.mainland), S.normalizer(.taiwan, spacing: .insert),
                           S.normalizer(.hongKong, spacing: .keep, indent: .remove)] {
            for input in inputs {
                let whole = normalizer.normalize(utf8: input)
                var pieces: [UInt8] = []
                for chunk in Self.splitAfterBlankLines(input) {
                    normalizer.normalize(utf8: chunk, into: &pieces)
                }
                #expect(whole == pieces, "\(String(decoding: input, as: UTF8.self).debugDescription)")
            }
        }
    }

    /// Splits after each blank line (a line of spaces only), keeping every byte.
    static func splitAfterBlankLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        var start = 0
        var lineStart = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                let line = String(decoding: bytes[lineStart..<i], as: UTF8.self)
                if line.unicodeScalars.allSatisfy({ ScalarClass.isHorizontalSpace($0.value) || $0 == "\r" }) {
                    chunks.append(Array(bytes[start...i]))
                    start = i + 1
                }
                lineStart = i + 1
            }
            i += 1
        }
        if start < bytes.count { chunks.append(Array(bytes[start...])) }
        return chunks
    }

    /// The fast path (copying paragraphs without triggers) gives the same bytes as the engine.
    @Test func fastPathAgreesWithEngine() throws {
        var rng = SeededGenerator(seed: 7)
        var inputs: [[UInt8]] = []
        for _ in 0..<3000 { inputs.append(Array(S.randomText(&rng, maxPieces: 12).utf8)) }
        for file in Self.seedFiles { inputs.append(try S.seed(file)) }
        // Arbitrary bytes too, valid UTF-8 or not.
        let alphabet: [UInt8] = Array(" ,.\"'(-\n中".utf8) + [0xE4, 0xB8, 0xAD, 0xE2, 0x80, 0x9C, 0xA6, 0x94, 0xEF, 0xBC, 0x8C, 0xFF, 0xE3, 0x82]
        for _ in 0..<3000 {
            inputs.append((0..<Int.random(in: 0...30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
        }
        for var normalizer in Self.configurations where normalizer.options.indent == .keep {
            var slow = normalizer
            slow.alwaysUseEngine = true
            normalizer.alwaysUseEngine = false
            #expect(S.differences(normalizer, slow, inputs) == 0)
        }
    }

    /// The engine stops after a round whose result `NormalizationTriggers.isFixedPoint`
    /// accepts; that is sound only if such a paragraph comes out of a round unchanged.
    @Test func fixedPointCheckIsSound() {
        var rng = SeededGenerator(seed: 23)
        var inputs: [[UInt8]] = []
        for _ in 0..<1000 { inputs.append(Array(S.randomText(&rng, maxPieces: 12).utf8)) }
        let alphabet: [UInt8] = Array(" ,.:-\"'(\n中a1".utf8)
            + [0xE4, 0xB8, 0xAD, 0xE2, 0x80, 0x9C, 0xA6, 0x94, 0xEF, 0xBC, 0x8C, 0xFF, 0xE3, 0x82]
        for _ in 0..<1500 {
            inputs.append((0..<Int.random(in: 0...30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
        }
        var accepted = 0
        for normalizer in Self.configurations {
            var scratch = NormalizationScratch()
            var out: [UInt32] = []
            for input in inputs {
                var x: [UInt32] = []
                input.withUnsafeBufferPointer { p in
                    var i = 0
                    while i < p.count {
                        let (v, len) = UTF8Codec.decode(p, i)
                        x.append(v)
                        i += len
                    }
                }
                for _ in 0..<3 {
                    normalizer.engine.transform(x, into: &out, scratch: &scratch)
                    if normalizer.triggers.isFixedPoint(x) {
                        accepted += 1
                        #expect(out == x, "\(normalizer.style) \(normalizer.options) \(String(decoding: input, as: UTF8.self).debugDescription)")
                    }
                    if out == x { break }
                    x = out
                }
            }
        }
        #expect(accepted > 2_000)
    }

    /// Eliding the middle of long Han runs does not change any result.
    @Test func elidedHanRunsChangeNothing() throws {
        var rng = SeededGenerator(seed: 11)
        var inputs: [[UInt8]] = []
        for _ in 0..<2000 { inputs.append(Array(S.randomText(&rng, maxPieces: 30).utf8)) }
        for file in Self.seedFiles { inputs.append(try S.seed(file)) }
        for base in Self.configurations where base.options.indent == .keep {
            var elided = base
            elided.alwaysUseEngine = true
            var full = elided
            full.elideHanRuns = false
            #expect(S.differences(elided, full, inputs) == 0)
        }
    }

    /// Any bytes, valid UTF-8 or not: no crash, invalid bytes come back unchanged, and the
    /// result is a fixed point.
    @Test func arbitraryBytes() {
        var rng = SeededGenerator(seed: 99)
        let normalizer = S.normalizer(.taiwan)
        let alphabet: [UInt8] = Array(" ,.\"'(\n".utf8) + [0xE4, 0xB8, 0xAD, 0xE2, 0x80, 0x9C, 0xEF, 0xBC, 0x8C, 0xFF, 0xC0, 0x80, 0xF0, 0x9F, 0x98, 0x80, 0xED, 0xA0]
        for _ in 0..<3000 {
            let count = Int.random(in: 0...40, using: &rng)
            let input = (0..<count).map { _ in alphabet.randomElement(using: &rng)! }
            let once = normalizer.normalize(utf8: input)
            #expect(normalizer.normalize(utf8: once) == once)
            let invalidIn = input.filter { $0 == 0xFF }.count
            let invalidOut = once.filter { $0 == 0xFF }.count
            #expect(invalidIn == invalidOut)
        }
    }

    /// The String, byte and appending forms agree.
    @Test func apiFormsAgree() {
        var rng = SeededGenerator(seed: 3)
        let normalizer = S.normalizer(.hongKong)
        for _ in 0..<300 {
            let text = S.randomText(&rng)
            let viaString = Array(normalizer.normalize(text).utf8)
            let viaBytes = normalizer.normalize(utf8: Array(text.utf8))
            var appended: [UInt8] = Array("前".utf8)
            normalizer.normalize(utf8: text.utf8, into: &appended)
            #expect(viaString == viaBytes)
            #expect(appended == Array("前".utf8) + viaBytes)
        }
    }

    /// Over generated inputs without URLs, paths, e-mail addresses or code: no space is left
    /// before `，。、；：？！` or a closing bracket, nor after an opening bracket or `，、；：`;
    /// and in `.insert` mode no CJK letter touches an ASCII letter or digit.
    @Test func spacingConventions() {
        let excluded = ["://", "www.", "@", "/", "\\", "`"]
        let pieces = S.pieces.filter { p in !excluded.contains { p.contains($0) } }
        var rng = SeededGenerator(seed: 2024)
        let noSpaceBefore = Set("，。、；：？！）》〉」』】〕".unicodeScalars.map(\.value))
        let noSpaceAfter = Set("（《〈「『【〔，、；：".unicodeScalars.map(\.value))
        for normalizer in Self.configurations where normalizer.options.indent == .remove {
            for _ in 0..<1500 {
                var text = ""
                for _ in 0..<Int.random(in: 1...20, using: &rng) { text += pieces.randomElement(using: &rng)! }
                let out = Array(String(decoding: normalizer.normalize(utf8: Array(text.utf8)), as: UTF8.self).unicodeScalars.map(\.value))
                for k in 0..<out.count {
                    let c = out[k]
                    if ScalarClass.isHorizontalSpace(c) {
                        let prev = k > 0 ? out[k - 1] : 0x0A
                        let next = k + 1 < out.count ? out[k + 1] : 0x0A
                        #expect(!noSpaceBefore.contains(next) && !noSpaceAfter.contains(prev),
                                "\(normalizer.style) \(normalizer.options.spacing) \(text.debugDescription)")
                    }
                    if normalizer.options.spacing == .insert, k > 0 {
                        let p = out[k - 1]
                        let touch = (NormalizationScalar.isLetter(p) && NormalizationScalar.isASCIIAlnum(c))
                            || (NormalizationScalar.isASCIIAlnum(p) && NormalizationScalar.isLetter(c))
                        #expect(!touch, "\(normalizer.style) insert \(text.debugDescription)")
                    }
                }
            }
        }
    }
}
