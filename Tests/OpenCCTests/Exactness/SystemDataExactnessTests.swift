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
        if let cases = try? OpenCCFixtures.input(data.name) {
            inputs.append(("OpenCC 1.1.6 test cases \(data.name).in", try Repository.bytes(of: cases)))
        }
        var generator = AdversarialTextGenerator(phrases: try data.phrases(), seed: Self.seed(for: data.name))
        inputs.append(("generated text (seed \(Self.seed(for: data.name)))", generator.text(byteCount: Self.generatedBytes)))
        return inputs
    }

    /// A fixed seed per configuration (FNV-1a of its name), so each gets different text.
    static func seed(for name: String) -> UInt64 {
        name.utf8.reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    /// The native engine on the installed dictionaries gives what libopencc gives.
    @Test(arguments: SystemDataExactnessTests.configurations)
    func nativeEngineMatchesLibopencc(name: String) throws {
        let data = try SystemConfigurationData.named(name)
        let native = try NativeEngineUnderTest.system(configurationFile: data.file)
        try Self.expectIdentical(data: data, engineName: "native engine (system data)", convert: native)
    }

    /// The project's libopencc wrapper converts in pieces cut at line breaks and around NUL;
    /// the result must still be one libopencc call's, exactly.
    @Test(arguments: SystemDataExactnessTests.configurations)
    func libopenccWrapperMatchesLibopencc(name: String) throws {
        let data = try SystemConfigurationData.named(name)
        let converter = try ChineseConverter(.file(data.file), options: .init(engine: .libopencc), pieceSize: 4096)
        try Self.expectIdentical(data: data, engineName: "ChineseConverter(libopencc)") { try converter.convert(utf8: $0) }
    }

    /// Checks `convert` against libopencc on every input; records one issue per input that differs.
    static func expectIdentical(data: SystemConfigurationData, engineName: String,
                                convert: ([UInt8]) throws -> [UInt8]) throws {
        var compared = 0
        for input in try inputs(for: data) {
            let expected = data.libopencc(input.bytes)
            let actual = try convert(input.bytes)
            compared += input.bytes.count
            if var mismatch = ByteMismatch(configuration: data.name, input: input.name, expected: expected, actual: actual,
                                           actualName: engineName) {
                mismatch.findReproducer(in: input.bytes, expected: data.libopencc, actual: { (try? convert($0)) ?? [] })
                Issue.record(Comment(rawValue: mismatch.description))
            }
        }
        #expect(compared >= generatedBytes)
    }
}
