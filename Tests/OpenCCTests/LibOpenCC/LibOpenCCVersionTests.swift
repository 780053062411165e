import Foundation
import HanziTestSupport
@testable import OpenCC
import Testing

/// The libopencc version `hanzi --version` reports: read from the loaded library's file name.
@Suite struct LibOpenCCVersionTests {
    @Test(arguments: [
        ("/usr/lib/x86_64-linux-gnu/libopencc.so.1.1.6", "1.1.6"),
        ("/opt/homebrew/Cellar/opencc/1.1.9/lib/libopencc.1.1.9.dylib", "1.1.9"),
        ("libopencc.so.1.1", "1.1"),
    ])
    func theVersionIsReadFromTheFileName(_ path: String, _ version: String) {
        #expect(LibOpenCCVersion.version(inLibraryPath: path) == version)
    }

    @Test(arguments: ["/usr/lib/libopencc.so", "/usr/lib/libopencc.dylib", "/usr/lib/libopencc.so.1.x", "/usr/lib/libopencc.a"])
    func aFileNameWithoutAVersionGivesNone(_ path: String) {
        #expect(LibOpenCCVersion.version(inLibraryPath: path) == nil)
    }

    /// The loaded library is the one pkg-config describes (they are one installation here; a
    /// machine with two libopencc would need this test to say which one the linker took).
    @Test(.enabled(if: ExternalTool.find("pkg-config") != nil))
    func theLoadedVersionIsTheInstalledOne() throws {
        let process = Process()
        process.executableURL = try ExternalTool.require("pkg-config")
        process.arguments = ["--modversion", "opencc"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let installed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        let loaded = try #require(LibOpenCCVersion.loaded)
        #expect(loaded == installed)
    }
}
