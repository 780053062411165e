import Foundation
import Testing
import OpenCC
import HanziTestSupport

/// The long differential run (`make diffcheck`, not in CI): at least `HANZI_DIFFCHECK_BYTES` of
/// generated adversarial text per configuration family, native engine against its oracle:
/// libopencc for the installed data, OpenCC 1.4.2 for the bundled data. Each configuration's
/// line goes to the Markdown file `HANZI_DIFFCHECK_REPORT`.
@Suite(.enabled(if: DiffCheck.bytesPerFamily > 0, "set HANZI_DIFFCHECK_BYTES (make diffcheck)"))
struct DiffCheckTests {
    @Test(arguments: DiffCheck.systemConfigurations)
    func systemDataAgainstLibopencc(name: String) throws {
        let data = try SystemConfigurationData.named(name)
        let native = try NativeEngineUnderTest.system(configurationFile: data.file)
        let phrases = try data.phrases()
        try DiffCheck.run(data: "system", configuration: name, oracleName: "libopencc 1.1.6", phrases: phrases,
                          oracle: { [data.libopencc($0)] }, native: native)
    }

    @Test(arguments: DiffCheck.bundledConfigurations)
    func bundledDataAgainstOpenCC142(name: String) throws {
        let native = try NativeEngineUnderTest.bundled(configuration: name)
        let phrases = try NativeEngineUnderTest.bundledPhrases(configuration: name)
        try DiffCheck.run(data: "bundled", configuration: name, oracleName: "OpenCC 1.4.2", phrases: phrases,
                          oracle: { try OpenCC142Oracle.convert([$0], configuration: name) }, native: native)
    }
}

enum DiffCheck {
    static let environment = ProcessInfo.processInfo.environment
    static let bytesPerFamily = Int(environment["HANZI_DIFFCHECK_BYTES"] ?? "") ?? 0
    static let chunkBytes = 8 << 20

    /// The configuration families: text of one family exercises the same dictionaries.
    static let families: [(name: String, members: [String])] = [
        ("Simplified to Traditional", ["s2t", "s2tw", "s2twp", "s2hk", "s2hkp"]),
        ("Traditional to Simplified", ["t2s", "tw2s", "tw2sp", "hk2s", "hk2sp"]),
        ("Between Traditional standards", ["t2tw", "tw2t", "t2hk", "hk2t"]),
        ("Japanese", ["t2jp", "jp2t"]),
    ]

    static let systemConfigurations = SystemOpenCCData.installedConfigurations
    static let bundledConfigurations = NativeEngineUnderTest.bundledConfigurationNames

    static func family(of name: String, among available: [String]) -> (name: String, size: Int) {
        for family in families where family.members.contains(name) {
            return (family.name, family.members.filter(available.contains).count)
        }
        return ("Other", 1)
    }

    /// Compares `native` with `oracle` on `bytesPerFamily / family size` bytes of generated text
    /// in 8 MB pieces; records a mismatch as a test issue and appends the result line.
    static func run(data: String, configuration: String, oracleName: String, phrases: [[UInt8]],
                    oracle: ([UInt8]) throws -> [[UInt8]], native: ([UInt8]) throws -> [UInt8]) throws {
        let available = data == "system" ? systemConfigurations : bundledConfigurations
        let family = family(of: configuration, among: available)
        let target = (bytesPerFamily + family.size - 1) / family.size
        var generator = AdversarialTextGenerator(phrases: phrases, seed: SystemDataExactnessTests.seed(for: configuration) ^ 0xD1FF)
        var compared = 0
        var nativeNanoseconds: UInt64 = 0
        var oracleNanoseconds: UInt64 = 0
        var mismatches = 0
        var firstMismatch = ""
        while compared < target {
            let input = generator.text(byteCount: min(chunkBytes, target - compared))
            let t0 = DispatchTime.now().uptimeNanoseconds
            let actual = try native(input)
            let t1 = DispatchTime.now().uptimeNanoseconds
            let expected = try oracle(input)[0]
            let t2 = DispatchTime.now().uptimeNanoseconds
            nativeNanoseconds += t1 - t0
            oracleNanoseconds += t2 - t1
            if var mismatch = ByteMismatch(configuration: "\(configuration) (\(data) data)", input: "generated piece at byte \(compared)",
                                           expected: expected, actual: actual, expectedName: oracleName) {
                mismatches += 1
                if firstMismatch.isEmpty {
                    mismatch.findReproducer(in: input, expected: { (try? oracle($0)[0]) ?? [] }, actual: { (try? native($0)) ?? [] })
                    firstMismatch = mismatch.description
                    Issue.record(Comment(rawValue: firstMismatch))
                }
            }
            compared += input.count
        }
        let megabytes = Double(compared) / 1e6
        let line = "| \(data) | \(family.name) | \(configuration) | \(oracleName) | \(String(format: "%.1f", megabytes)) | \(mismatches) | "
            + "\(String(format: "%.1f", megabytes / (Double(nativeNanoseconds) / 1e9))) | \(String(format: "%.1f", megabytes / (Double(oracleNanoseconds) / 1e9))) |\n"
        try appendToReport(line)
    }

    static let reportLock = NSLock()

    static func appendToReport(_ line: String) throws {
        guard let path = environment["HANZI_DIFFCHECK_REPORT"] else { return }
        reportLock.lock()
        defer { reportLock.unlock() }
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
    }
}
