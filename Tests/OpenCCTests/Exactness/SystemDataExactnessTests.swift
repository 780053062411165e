import Foundation
import Testing
import OpenCC
import HanziTestSupport

/// Byte-for-byte identity with libopencc, for every installed configuration, on the seeds,
/// OpenCC 1.1.6's own test inputs and at least 2 MB of generated adversarial text each.
///
/// `HANZI_EXACTNESS_BYTES` raises the generated amount (`make diffcheck` runs far more).
@Suite struct SystemDataExactnessTests {
    static let configurations = SystemOpenCCData.installedConfigurations
    static let generatedBytes = Int(ProcessInfo.processInfo.environment["HANZI_EXACTNESS_BYTES"] ?? "") ?? 2 << 20

    @Test func libopenccInstallsTheFourteenConfigurations() {
        #expect(Self.configurations.count >= 14, "\(Self.configurations)")
    }

    /// The inputs every configuration is checked on: name and bytes.
    static func inputs(for data: SystemConfigurationData) throws -> [(name: String, bytes: [UInt8])] {
        var inputs: [(name: String, bytes: [UInt8])] = []
        for seed in Repository.seedFiles {
            inputs.append((seed.lastPathComponent, try Repository.bytes(of: seed)))
        }
        if try OpenCCFixtures.names().contains(data.name) {
            inputs.append(("OpenCC 1.1.6 test cases \(data.name).in", try Repository.bytes(of: try OpenCCFixtures.input(data.name))))
        }
        var generator = AdversarialTextGenerator(phrases: try data.phrases(), seed: Self.seed(for: data.name))
        inputs.append(("generated text (seed \(Self.seed(for: data.name)))", generator.text(byteCount: Self.generatedBytes)))
        return inputs
    }

    /// A fixed seed per configuration (FNV-1a of its name), so each gets different text.
    static func seed(for name: String) -> UInt64 {
        name.utf8.reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    /// The native engine on the installed dictionaries gives what libopencc gives; so does the
    /// project's libopencc wrapper, which converts in pieces cut at line breaks and around NUL.
    @Test(arguments: SystemDataExactnessTests.configurations)
    func nativeEngineMatchesLibopencc(name: String) throws {
        let data = try SystemConfigurationData.named(name)
        let native = try NativeEngineUnderTest.system(configurationFile: data.file)
        let wrapper = try ChineseConverter(.file(data.file), options: .init(engine: .libopencc), pieceSize: 4096)
        try Self.expectIdentical(data: data, engines: [
            ("native engine (system data)", native),
            ("ChineseConverter(libopencc)", { try wrapper.convert(utf8: $0) }),
        ])
    }

    /// Checks each engine against libopencc on every input; records one issue per engine and
    /// input that differ.
    static func expectIdentical(data: SystemConfigurationData,
                                engines: [(name: String, convert: ([UInt8]) throws -> [UInt8])]) throws {
        var compared = 0
        for input in try inputs(for: data) {
            let expected = data.libopencc(input.bytes)
            compared += input.bytes.count
            for engine in engines {
                let actual = try engine.convert(input.bytes)
                if var mismatch = ByteMismatch(configuration: data.name, input: input.name, expected: expected, actual: actual,
                                               actualName: engine.name) {
                    mismatch.findReproducer(in: input.bytes, expected: data.libopencc, actual: { (try? engine.convert($0)) ?? [] })
                    Issue.record(Comment(rawValue: mismatch.description))
                }
            }
        }
        #expect(compared >= generatedBytes)
    }
}
