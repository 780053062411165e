import Foundation
import Testing
import OpenCC
import HanziTestSupport

@Suite struct SystemOpenCCDataTests {
    @Test func findsTheFolderPkgConfigNames() throws {
        let folder = try #require(SystemOpenCCData.dataFolder)
        // pkg-config describes the same install: its datadir, else its prefix, holds the folder.
        let prefix = try #require(Self.pkgConfig("prefix"))
        let datadir = Self.pkgConfig("datadir") ?? ""
        let expected = datadir.isEmpty ? URL(fileURLWithPath: prefix).appendingPathComponent("share/opencc")
            : URL(fileURLWithPath: datadir).appendingPathComponent("opencc")
        #expect(folder.resolvingSymlinksInPath().path == expected.resolvingSymlinksInPath().path)
        #expect(SystemOpenCCData.candidateFolders().contains { $0.standardizedFileURL.path == expected.standardizedFileURL.path })
    }

    @Test func listsEveryInstalledConfigurationThatLibOpenCCLoads() throws {
        let names = SystemOpenCCData.installedConfigurations
        // libopencc 1.1.x installs these 14 (s2hkp and hk2sp came with OpenCC 1.2).
        for name in ["s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(names == names.sorted())
        for name in names {
            let file = try #require(SystemOpenCCData.configurationFile(named: name))
            #expect(SystemOpenCCData.configurationFile(named: name + ".json") == file)
            _ = try ChineseConverter(.file(file))
        }
        #expect(SystemOpenCCData.configurationFile(named: "no-such-configuration") == nil)
    }

    @Test func everyDictionaryAnInstalledConfigurationNamesReads() throws {
        let folder = try #require(SystemOpenCCData.dataFolder)
        var files = Set<String>()
        for name in SystemOpenCCData.installedConfigurations {
            let json = try String(contentsOf: folder.appendingPathComponent(name + ".json"), encoding: .utf8)
            let pattern = try NSRegularExpression(pattern: #""file"\s*:\s*"([^"]+\.ocd2)""#)
            for match in pattern.matches(in: json, range: NSRange(json.startIndex..., in: json)) {
                files.insert(String(json[Range(match.range(at: 1), in: json)!]))
            }
        }
        #expect(files.count >= 10)
        for file in files.sorted() {
            #expect(try !SystemDictionaryReader.entries(atPath: folder.appendingPathComponent(file).path).isEmpty, "\(file)")
        }
    }

    @Test func looksBesideTheLibraryInEitherLayout() {
        let debian = SystemOpenCCData.foldersBeside(library: URL(fileURLWithPath: "/p/lib/x86_64-linux-gnu/libopencc.so.1.1"))
        #expect(debian.map(\.path).contains("/p/share/opencc"))
        let brew = SystemOpenCCData.foldersBeside(library: URL(fileURLWithPath: "/opt/homebrew/Cellar/opencc/1.1.9/lib/libopencc.1.1.dylib"))
        #expect(brew.first?.path == "/opt/homebrew/Cellar/opencc/1.1.9/share/opencc")
    }

    static func pkgConfig(_ variable: String) -> String? {
        guard let tool = ExternalTool.find("pkg-config") else { return nil }
        let process = Process()
        process.executableURL = tool
        process.arguments = ["--variable=\(variable)", "opencc"]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
