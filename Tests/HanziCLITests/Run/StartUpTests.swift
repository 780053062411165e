import Foundation
import Testing

/// What every run of the command pays before it reads a byte.
@Suite struct StartUpTests {
    /// The command loads FoundationEssentials, never Foundation: Foundation brings
    /// FoundationInternationalization and ICU, whose loading, relocations and thousands of
    /// protocol conformances (scanned at every dynamic cast argument-parsing makes) took about a
    /// third of the instructions of `hanzi --version`. A module of the command that imports
    /// Foundation again, or a library function that needs it, fails this test.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd")))
    func theCommandDoesNotLinkFoundation() throws {
        let result = try HanziBinary.run(executable: URL(fileURLWithPath: "/usr/bin/ldd"), [HanziBinary.url.path])
        #expect(result.status == 0)
        let libraries = result.stdoutText.split(separator: "\n").map {
            $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        }
        // a statically linked Swift runtime lists no Swift library at all
        #expect(!libraries.contains("libFoundation.so"), "\(result.stdoutText)")
        #expect(!libraries.contains("libFoundationInternationalization.so"), "\(result.stdoutText)")
        #expect(!libraries.contains("lib_FoundationICU.so"), "\(result.stdoutText)")
    }
}
