import HanziTestSupport
import Testing
@testable import HanziText

/// `normalize(normalize(x)) == normalize(x)` for every style and option, on the inputs that
/// once broke it and on generated adversarial text: nested brackets, runs of quotes, mixed
/// widths. The engine runs to a fixed point; these tests also check that it gets there in
/// a few rounds, so that the passes (not a long series of rounds) settle such input.
@Suite struct PunctuationNormalizerIdempotenceTests {
    typealias S = NormalizerTestSupport

    static let configurations = PunctuationNormalizerPropertyTests.configurations

    /// The reproducers of the reliability probe (issue 13, item 4), in every configuration.
    static let reproducers: [[UInt8]] = [
        Array("中(((((x)))))\n".utf8),
        Array("'''''''''中'\n".utf8),
        [0x0F, 0x27, 0x27, 0x27, 0x27, 0x27, 0x27, 0x27, 0x27, 0x27, 0xE8, 0x9E, 0x8B, 0x27],
        [0x27, 0x27, 0x27, 0x27, 0x27, 0x27, 0x27, 0x27, 0x27, 0xE8, 0x9E, 0x8B, 0x27],
        [0x9D, 0xE6, 0x94, 0x8C, 0x28, 0x28, 0x28, 0x28, 0x28, 0x29, 0x29, 0x29, 0x29, 0x29],
        [0xE6, 0x94, 0x8C, 0x28, 0x28, 0x28, 0x28, 0x28, 0x29, 0x29, 0x29, 0x29, 0x29],
    ]

    @Test(arguments: 0..<configurations.count)
    func reproducersAreFixedPoints(_ index: Int) {
        let normalizer = Self.configurations[index]
        for input in Self.reproducers {
            let once = normalizer.normalize(utf8: input)
            #expect(normalizer.normalize(utf8: once) == once,
                    "\(normalizer.style) \(normalizer.options) \(String(decoding: input, as: UTF8.self).debugDescription)")
        }
    }

    /// The exact results the reproducers must give (mainland and taiwan, default options).
    @Test func reproducerResults() {
        #expect(S.bytes("中(((((x)))))\n") == Array("中（（（（（x）））））\n".utf8))
        #expect(S.bytes("'''''''''中'\n", .taiwan) == Array("『』『』『』『』『中』\n".utf8))
        #expect(S.bytes("'''''''''中'\n") == Array("‘’‘’‘’‘’‘中’\n".utf8))
        #expect(S.bytes("(((x)))中\n") == Array("(((x)))中\n".utf8))
        #expect(S.bytes("中(a)(b)((c))\n") == Array("中（a）（b）（（c））\n".utf8))
    }

    /// Pieces of adversarial text: brackets and quotes of every width and family, their
    /// look-alikes, punctuation that changes its neighbours' context, spaces and letters.
    static let pieces: [String] = [
        "(", ")", "(", ")", "（", "）", "\"", "\"", "'", "'", "“", "”", "‘", "’", "「", "」", "『", "』",
        "＂", "＇", "（", "）", "［", "］", "[", "]",
        "中", "文", "x", "ab", "1", "2.5", " ", "  ", "\u{3000}", "\t", "\n",
        ",", ".", "...", ";", ":", "?", "!", "，", "。", "。。。", "…", "—", "--", "-", "─", "―", "·", "．", "•",
        "Ａ", "ｂ", "１", "：)", ":)", "`", "http://a.b/(c)", "It's",
    ]

    static func adversarial(_ rng: inout SeededGenerator) -> [UInt8] {
        var s = ""
        let shape = Int.random(in: 0..<4, using: &rng)
        switch shape {
        case 0:
            // Deep nesting around Chinese or Latin text.
            let depth = Int.random(in: 1...40, using: &rng)
            let open = ["(", "（", "\"", "'", "“", "「", "‘", "『"].randomElement(using: &rng)!
            let close = ["(": ")", "（": "）", "\"": "\"", "'": "'", "“": "”", "「": "」", "‘": "’", "『": "』"][open]!
            let before = ["中", "x", "", " ", ",", "，"].randomElement(using: &rng)!
            let inside = ["x", "中", "", "a b", "中 x"].randomElement(using: &rng)!
            s = before + String(repeating: open, count: depth) + inside + String(repeating: close, count: depth)
        case 1:
            // A run of quotes or brackets of one kind, with a Chinese letter somewhere.
            let mark = ["'", "\"", "(", ")", "“", "”", "「", "』"].randomElement(using: &rng)!
            let run = Int.random(in: 1...30, using: &rng)
            let at = Int.random(in: 0...run, using: &rng)
            for k in 0...run {
                if k == at { s += ["中", "x", "中文", ",中"].randomElement(using: &rng)! }
                if k < run { s += mark }
            }
        default:
            for _ in 0..<Int.random(in: 1...40, using: &rng) { s += pieces.randomElement(using: &rng)! }
        }
        return Array(s.utf8)
    }

    @Test(arguments: 0..<configurations.count)
    func adversarialInputsAreFixedPoints(_ index: Int) {
        var normalizer = Self.configurations[index]
        normalizer.alwaysUseEngine = true
        var rng = SeededGenerator(seed: 0x1DE0_0000 + UInt64(index))
        let inputs = (0..<3000).map { _ in Self.adversarial(&rng) }
        #expect(S.fixedPointFailures(normalizer, inputs) == 0)
    }

    /// The engine's rounds on adversarial paragraphs: the passes settle nesting and runs
    /// in the round itself, so no input needs more than a few rounds, however deep.
    @Test func fewRoundsOnDeepInput() {
        var rng = SeededGenerator(seed: 0xD00D)
        var inputs: [[UInt8]] = []
        for _ in 0..<2000 { inputs.append(Self.adversarial(&rng)) }
        inputs.append(Array(("中" + String(repeating: "(", count: 5000) + "x" + String(repeating: ")", count: 5000)).utf8))
        inputs.append(Array((String(repeating: "'", count: 5001) + "中'").utf8))
        inputs.append(Array((String(repeating: "\"", count: 4000) + "中\"").utf8))
        var maxRounds = 0
        for normalizer in Self.configurations {
            for input in inputs {
                var scalars: [UInt32] = String(decoding: input, as: UTF8.self).unicodeScalars.map(\.value)
                var scratch = NormalizationScratch()
                normalizer.engine.normalizeParagraph(&scalars, scratch: &scratch, triggers: normalizer.triggers)
                maxRounds = max(maxRounds, scratch.rounds)
                #expect(scratch.rounds <= 4, "\(normalizer.style) \(normalizer.options) \(String(decoding: input.prefix(80), as: UTF8.self).debugDescription)")
            }
        }
        #expect(maxRounds >= 2)
    }
}
