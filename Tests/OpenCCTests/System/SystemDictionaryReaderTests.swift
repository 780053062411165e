import Foundation
import Testing
import OpenCC
import HanziTestSupport

@Suite struct SystemDictionaryReaderTests {
    static let folder = SystemOpenCCData.dataFolder
    static let dictionaryFiles: [String] = {
        guard let folder else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".ocd2") }.sorted()
    }()

    @Test func findsTheInstalledDictionaries() throws {
        // Debian's libopencc-data and Homebrew's opencc both ship these.
        for name in ["STCharacters.ocd2", "STPhrases.ocd2", "TSCharacters.ocd2", "TWVariants.ocd2", "HKVariants.ocd2"] {
            #expect(SystemDictionaryReaderTests.dictionaryFiles.contains(name), "\(name)")
        }
    }

    /// Every installed dictionary reads as `opencc_dict` (OpenCC's own converter, run as a
    /// separate process) writes it out as text: same entries, same order, same values.
    @Test(arguments: SystemDictionaryReaderTests.dictionaryFiles)
    func readsWhatOpenCCsOwnToolReads(file: String) throws {
        let path = try #require(SystemDictionaryReaderTests.folder).appendingPathComponent(file).path
        let entries = try SystemDictionaryReader.entries(atPath: path)
        let expected = try OpenCCDictTool.textEntries(ofOCD2: path)
        #expect(entries.count == expected.count)
        #expect(entries.count > 0)
        for (index, (entry, reference)) in zip(entries, expected).enumerated() {
            guard entry.key == reference.key, entry.values == reference.values else {
                Issue.record("\(file) entry \(index): \(String(decoding: entry.key, as: UTF8.self)) → \(entry.values.map { String(decoding: $0, as: UTF8.self) }) but opencc_dict has \(String(decoding: reference.key, as: UTF8.self)) → \(reference.values.map { String(decoding: $0, as: UTF8.self) })")
                return
            }
        }
    }

    @Test func keepsEveryValueInOrder() throws {
        let path = try #require(SystemDictionaryReaderTests.folder).appendingPathComponent("STCharacters.ocd2").path
        let entries = try SystemDictionaryReader.entries(atPath: path)
        let table = Dictionary(entries.map { (String(decoding: $0.key, as: UTF8.self),
                                              $0.values.map { String(decoding: $0, as: UTF8.self) }) },
                               uniquingKeysWith: { first, _ in first })
        #expect(table.count == entries.count, "keys are unique")
        #expect(table["汉"] == ["漢"])
        let gan = try #require(table["干"])
        #expect(gan.count > 1 && gan.contains("幹") && gan.contains("乾"))
    }

    @Test func namesAMissingFile() throws {
        let path = "/nonexistent-\(UUID().uuidString)/STPhrases.ocd2"
        let error = try #require(throws: SystemDictionaryError.self) {
            try SystemDictionaryReader.entries(atPath: path)
        }
        #expect(error.path == path)
        #expect(error.description.hasPrefix("cannot read OpenCC dictionary \(path): "))
        #expect(!error.description.contains("\n"))
    }

    @Test func rejectsAFileThatIsNotADictionary() throws {
        let file = try TemporaryFile(bytes: Array("{\"name\": \"not a dictionary\"}\n".utf8))
        let error = try #require(throws: SystemDictionaryError.self) {
            try SystemDictionaryReader.entries(atPath: file.path)
        }
        #expect(error.path == file.path)
        #expect(error.reason.contains("header"))
    }

    @Test func rejectsATruncatedDictionaryWithoutCrashing() throws {
        let source = try #require(SystemDictionaryReaderTests.folder).appendingPathComponent("STPhrases.ocd2")
        let bytes = try Repository.bytes(of: source)
        for length in [0, 10, 19, 20, 64, 4096, bytes.count / 2, bytes.count - 1] {
            let file = try TemporaryFile(bytes: Array(bytes.prefix(length)))
            #expect(throws: SystemDictionaryError.self, "\(length) bytes") {
                try SystemDictionaryReader.entries(atPath: file.path)
            }
        }
    }

    @Test func rejectsAFolder() throws {
        let folder = try #require(SystemDictionaryReaderTests.folder)
        #expect(throws: SystemDictionaryError.self) {
            try SystemDictionaryReader.entries(atPath: folder.path)
        }
    }
}

/// A file in the temporary folder, removed when the value is released.
final class TemporaryFile {
    let path: String

    init(bytes: [UInt8]) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("hanzi-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// OpenCC's `opencc_dict` command (shipped with the `opencc` command), found on `PATH`.
enum OpenCCDictTool {
    /// The entries of the `.ocd2` file at `path` as `opencc_dict` writes them in text form:
    /// one `key<TAB>value value …` line per entry, in the dictionary's order.
    static func textEntries(ofOCD2 path: String) throws -> [(key: [UInt8], values: [[UInt8]])] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("hanzi-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = try ExternalTool.require("opencc_dict")
        process.arguments = ["-i", path, "-o", output.path, "-f", "ocd2", "-t", "text"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Reference.CommandLineFailure(status: process.terminationStatus) }
        let bytes = try Repository.bytes(of: output)
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map { line in
            let parts = line.split(separator: 0x09, maxSplits: 1, omittingEmptySubsequences: false)
            let values = parts.count > 1 ? parts[1].split(separator: 0x20).map { [UInt8]($0) } : []
            return (key: [UInt8](parts[0]), values: values)
        }
    }
}
