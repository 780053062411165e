import Foundation
import Testing
import OpenCC
import HanziTestSupport

/// Byte-for-byte identity of the native engine on the bundled data with OpenCC 1.4.2 itself,
/// for all 16 configurations, on the seeds, OpenCC's upstream case inputs, hand-made edge
/// cases and at least 2 MB of generated adversarial text each.
///
/// `HANZI_EXACTNESS_BYTES` raises the generated amount (`make diffcheck` runs far more).
@Suite struct BundledDataExactnessTests {
    static let configurations = ChineseConverter.Configuration.builtIn.map(\.openCCName)
    static let generatedBytes = Int(ProcessInfo.processInfo.environment["HANZI_EXACTNESS_BYTES"] ?? "") ?? 2 << 20

    @Test func theBundledDataHasSixteenConfigurations() {
        #expect(BundledOpenCCData.configurationNames == Self.configurations.sorted())
        #expect(BundledOpenCCData.version == "1.4.2")
    }

    @Test(arguments: BundledDataExactnessTests.configurations)
    func nativeMatchesOpenCC142(name: String) throws {
        let converter = try ChineseConverter(try #require(ChineseConverter.Configuration(openCCName: name)))
        var inputs: [(name: String, bytes: [UInt8])] = []
        for seed in Repository.seedFiles {
            inputs.append((seed.lastPathComponent, try Repository.bytes(of: seed)))
        }
        let cases = try UpstreamCasesTests.cases().compactMap { $0.expected[name] == nil ? nil : $0.input }
        inputs.append(("upstream case inputs", Array(cases.joined(separator: "\n").utf8)))
        inputs.append(("edge cases", Self.edgeCases))
        let seed = SystemDataExactnessTests.seed(for: name)
        var generator = AdversarialTextGenerator(phrases: try Self.phrases(of: name), seed: seed)
        inputs.append(("generated text (seed \(seed))", generator.text(byteCount: Self.generatedBytes)))

        let expected = try OpenCC142Oracle.convert(inputs.map(\.bytes), configuration: name)
        var compared = 0
        for (input, oracle) in zip(inputs, expected) {
            let actual = try converter.convert(utf8: input.bytes)
            compared += input.bytes.count
            if var mismatch = ByteMismatch(configuration: name, input: input.name, expected: oracle, actual: actual,
                                           expectedName: "OpenCC 1.4.2", actualName: "native") {
                // The oracle is a process per call: look for a one-line reproducer in small inputs only.
                if input.bytes.count <= 1 << 16 {
                    mismatch.findReproducer(
                        in: input.bytes, expected: { (try? OpenCC142Oracle.convert([$0], configuration: name))?.first ?? [] },
                        actual: { (try? converter.convert(utf8: $0)) ?? [] })
                }
                Issue.record(Comment(rawValue: mismatch.description))
            }
        }
        #expect(compared >= Self.generatedBytes)
    }

    /// Text at the edges of OpenCC 1.4's algorithm: ideographic description sequences (kept
    /// whole when nothing matches, cut when incomplete or too deep), CJK compatibility
    /// ideographs (normalised first), NUL inside text, variation selectors, lone line ends.
    static let edgeCases: [UInt8] = {
        var text = ""
        text += "⿰氵每海⿱艹化花汉字⿰⿱艹化发展\n"        // sequences, nested, and Han after them
        text += "⿰发\n⿲发展了⿳\n"                        // incomplete, and an operator at the end
        text += String(repeating: "⿰", count: 20) + "发展" + String(repeating: "发", count: 20) + "\n"  // too deep
        text += "⿿发展⿾后\n"                             // one-operand operators
        text += "\u{F900}\u{F901}\u{FA0E}\u{2F800}\u{2FA1D}丽發\u{F91F}展\n"  // compatibility ideographs
        text += "发\u{0}展\u{0}\u{0}了\r\n后\r台湾\u{FE00}后\u{E0100}发\n"
        text += "⿰\u{0}发⿰\r\n后"
        return Array(text.utf8)
    }()

    /// Every key and value of the bundled dictionaries the configuration names: material for
    /// generated text.
    static func phrases(of name: String) throws -> [[UInt8]] {
        let tables = RepositoryRoot.url.appendingPathComponent("Tables/opencc")
        let json = try String(contentsOf: tables.appendingPathComponent("config/\(name).json"), encoding: .utf8)
        var files = Set<String>()
        for part in json.components(separatedBy: "\"file\": \"").dropFirst() {
            files.insert(String(part.prefix { $0 != "\"" }))
        }
        var phrases: [[UInt8]] = []
        for file in files.sorted() {
            let text = try String(contentsOf: tables.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                for field in line.split(whereSeparator: { $0 == "\t" || $0 == " " }) {
                    phrases.append(Array(field.utf8))
                }
            }
        }
        return phrases
    }
}
