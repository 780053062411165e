import Foundation
import HanziTestSupport
import Testing

/// `make install` into a temporary prefix, with the built binary: the files land where the
/// shells and man look, the man page and help fit 80 columns, and the completions complete
/// file names and option values (scripts/check-install.sh; shells that are not installed are
/// skipped there, bash always runs).
@Suite struct InstallTests {
    @Test func installIntoATemporaryPrefixAndComplete() throws {
        let process = Process()
        process.executableURL = try ExternalTool.require("bash")
        process.arguments = [
            RepositoryRoot.url.appendingPathComponent("scripts/check-install.sh").path, HanziBinary.url.path,
        ]
        process.currentDirectoryURL = RepositoryRoot.url
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("'hanzi clean artic' offers article.txt"), "\(text)")
    }
}
