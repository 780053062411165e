import Foundation
import HanziTestSupport
import Testing

/// File names that are not UTF-8 (here 中文.txt in GBK, `D6 D0 CE C4 .txt`, as a Chinese
/// Windows or an old archive leaves them on a Linux disk) are processed like any other, as
/// arguments, under `-r`, with `--in-place` and `--output-dir`, and messages show them with the
/// bytes that are not UTF-8 escaped (`\xD6\xD0\xCE\xC4.txt`).
///
/// Foundation's `Process` passes arguments as UTF-8, so the binary runs under `sh`, which
/// builds the names from their bytes with `printf`.
@Suite struct NonUTF8FileNameTests {
    /// `printf` format of the GBK name.
    static let gbk = #"$(printf '\326\320\316\304.txt')"#
    /// How messages show it.
    static let escaped = #"\xD6\xD0\xCE\xC4.txt"#
    /// A text the normaliser changes.
    static let text = "中文(测试)，\"引号\"。\n"

    /// Runs `script` under `sh` in `folder`, with `$HANZI` the binary.
    func shell(_ script: String, in folder: URL) throws -> HanziBinary.Result {
        try HanziBinary.run(
            executable: try ExternalTool.require("sh"), ["-c", "set -e\n" + script],
            environment: ["HANZI": HanziBinary.url.path], in: folder
        )
    }

    /// A folder with `plain.txt` and the GBK-named file, both holding ``text``, and what
    /// `hanzi normalize` makes of `plain.txt`.
    func folderWithBothNames() throws -> (URL, expected: [UInt8]) {
        let folder = try HanziBinary.temporaryFolder()
        try Data(Self.text.utf8).write(to: folder.appendingPathComponent("plain.txt"))
        let made = try shell("cp plain.txt \"\(Self.gbk)\"", in: folder)
        #expect(made.status == 0, "\(made.stderrText)")
        let expected = try HanziBinary.run(["normalize", "plain.txt"], in: folder)
        #expect(expected.status == 0)
        #expect(expected.stdout != Array(Self.text.utf8), "the normaliser must change the text for the test to mean anything")
        return (folder, expected.stdout)
    }

    @Test func anArgumentIsProcessed() throws {
        let (folder, expected) = try folderWithBothNames()
        defer { HanziBinary.removeTemporaryFolder(folder) }
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try shell("\"$HANZI\" normalize \"\(Self.gbk)\"", in: folder)
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdout == expected)
    }

    @Test func aFolderWalkProcessesItIntoTheOutputFolder() throws {
        let (folder, expected) = try folderWithBothNames()
        defer { HanziBinary.removeTemporaryFolder(folder) }
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try shell("""
            mkdir in && mv "\(Self.gbk)" in/
            "$HANZI" normalize -r in --output-dir out
            cat "out/\(Self.gbk)"
            """, in: folder)
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdout == expected)
        #expect(result.stderrText.isEmpty, "\(result.stderrText)")
    }

    @Test func anArgumentGoesToTheOutputFolderUnderItsOwnName() throws {
        let (folder, expected) = try folderWithBothNames()
        defer { HanziBinary.removeTemporaryFolder(folder) }
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try shell("""
            "$HANZI" normalize --output-dir out "\(Self.gbk)"
            cat "out/\(Self.gbk)"
            """, in: folder)
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdout == expected)
    }

    @Test func inPlaceReplacesIt() throws {
        let (folder, expected) = try folderWithBothNames()
        defer { HanziBinary.removeTemporaryFolder(folder) }
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try shell("""
            "$HANZI" normalize --in-place --backup .orig "\(Self.gbk)"
            cat "\(Self.gbk)"
            cat "\(Self.gbk).orig"
            ls -A | wc -l
            """, in: folder)
        #expect(result.status == 0, "\(result.stderrText)")
        // The new file, the backup with the old bytes, and nothing else beside plain.txt.
        #expect(result.stdout == expected + Array(Self.text.utf8) + Array("3\n".utf8))
    }

    @Test func messagesShowTheNameEscaped() throws {
        let (folder, _) = try folderWithBothNames()
        defer { HanziBinary.removeTemporaryFolder(folder) }
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try shell("\"$HANZI\" normalize \"missing-\(Self.gbk)\" || echo status $?", in: folder)
        #expect(missing.stdoutText == "status 1\n")
        #expect(missing.stderrText == "hanzi: missing-\(Self.escaped): cannot open: No such file or directory\n")

        let invalid = try shell("""
            printf 'ok\\n\\377\\n' > "\(Self.gbk)"
            "$HANZI" normalize "\(Self.gbk)" || echo status $?
            """, in: folder)
        #expect(invalid.stdoutText.hasSuffix("status 1\n"))
        #expect(invalid.stderrText.hasPrefix("hanzi: \(Self.escaped): "), "\(invalid.stderrText)")
        #expect(invalid.stderrText.split(separator: "\n").count == 1)
    }
}
