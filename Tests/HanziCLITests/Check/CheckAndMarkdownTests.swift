import Foundation
import HanziTestSupport
import Testing

/// `--check`, `--diff` and `--format markdown` on the real binary.
@Suite struct CheckModeCLITests {
    static let unclean = Array("标题:测试\n".utf8)
    static let clean = Array("标题：测试\n".utf8)

    func folder(_ files: [String: [UInt8]]) throws -> URL {
        let folder = try HanziBinary.temporaryFolder()
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func checkListsWhatWouldChangeAndWritesNothing() throws {
        let folder = try folder(["a.txt": Self.unclean, "b.txt": Self.clean])
        defer { HanziBinary.removeTemporaryFolder(folder) }
        for command in ["clean", "normalize"] {
            let result = try HanziBinary.run([command, "--check", "a.txt", "b.txt"], in: folder)
            #expect(result.status == 1)
            #expect(result.stdoutText == "a.txt:1:3: 标题:测试⏎ → 标题：测试⏎\n")
            #expect(result.stderr.isEmpty)
            #expect(Array(try Data(contentsOf: folder.appendingPathComponent("a.txt"))) == Self.unclean)
        }
        let unchanged = try HanziBinary.run(["normalize", "--check", "b.txt"], in: folder)
        #expect(unchanged.status == 0)
        #expect(unchanged.stdout.isEmpty)
    }

    @Test func checkWorksForEveryCommandOnStandardInputAndFolders() throws {
        #expect(try HanziBinary.run(["convert", "-c", "s2t", "--check"], input: Array("汉字\n".utf8)).stdoutText
            == "<stdin>:1:1: 汉字⏎ → 漢字⏎\n")
        #expect(try HanziBinary.run(["convert", "-c", "s2t", "--check"], input: Array("漢字\n".utf8)).status == 0)
        #expect(try HanziBinary.run(["rejoin", "--check"], input: Array("段落。\n".utf8)).status == 0)
        let folder = try folder(["a.txt": Self.unclean, "b.txt": Self.clean])
        defer { HanziBinary.removeTemporaryFolder(folder) }
        let result = try HanziBinary.run(["normalize", "--check", "-r", "."], in: folder)
        #expect(result.status == 1)
        #expect(result.stdoutText.hasPrefix("./a.txt:1:3: ") || result.stdoutText.hasPrefix("a.txt:1:3: "))
        #expect(!result.stdoutText.contains("b.txt"))
    }

    @Test func diffIsAUnifiedDiffThatPatchApplies() throws {
        let folder = try folder(["a.txt": Self.unclean])
        defer { HanziBinary.removeTemporaryFolder(folder) }
        let result = try HanziBinary.run(["normalize", "--diff", "a.txt"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdoutText == "--- a.txt\n+++ a.txt\n@@ -1 +1 @@\n-标题:测试\n+标题：测试\n")
        try Data(result.stdout).write(to: folder.appendingPathComponent("fix.patch"))
        let patch = Process()
        patch.executableURL = try ExternalTool.require("patch")
        patch.arguments = ["-s", "-p0", "-i", "fix.patch"]
        patch.currentDirectoryURL = folder
        try patch.run()
        patch.waitUntilExit()
        #expect(patch.terminationStatus == 0)
        #expect(Array(try Data(contentsOf: folder.appendingPathComponent("a.txt"))) == Self.clean)
        #expect(try HanziBinary.run(["normalize", "--diff", "a.txt"], in: folder).status == 0)
    }

    @Test func checkReportsEachChangedJSONLinesRecord() throws {
        let input = Array("{\"text\":\"甲,乙\"}\n{\"text\":\"丙\"}\n{\"id\":1,\"text\":\"丁,戊\"}\n".utf8)
        let result = try HanziBinary.run(["normalize", "--jsonl", "--check"], input: input)
        #expect(result.status == 1)
        #expect(result.stdoutText == "<stdin>:1:11: …text\":\"甲,乙\"} → …text\":\"甲，乙\"}\n<stdin>:3:18: …text\":\"丁,戊\"} → …text\":\"丁，戊\"}\n")
    }

    @Test func checkCannotBeCombinedWithAnOutput() throws {
        let result = try HanziBinary.run(["normalize", "--check", "-o", "x.txt"], input: [])
        #expect(result.status == 2)
    }
}

@Suite struct MarkdownCLITests {
    static let document = """
        ---
        title: "标题,不变"
        ---
        # 标题:测试

        - 第一项,内容
        - 第二项
          继续写

        第一行
        第二行。

        ```python
        print("你好,world")
        ```

        | 列,甲 | `a,b` |
        |---|---|

        """

    @Test func markdownFilesKeepTheirStructure() throws {
        let folder = try HanziBinary.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(folder) }
        try Data(Self.document.utf8).write(to: folder.appendingPathComponent("README.md"))
        let result = try HanziBinary.run(["clean", "README.md"], in: folder)
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdoutText == """
            ---
            title: "标题,不变"
            ---
            # 标题：测试

            - 第一项，内容
            - 第二项继续写

            第一行第二行。

            ```python
            print("你好,world")
            ```

            | 列，甲 | `a,b` |
            |---|---|

            """)
        // --format text treats it as plain text, and standard input is text unless told.
        let asText = try HanziBinary.run(["clean", "--format", "text", "README.md"], in: folder)
        #expect(asText.stdoutText != result.stdoutText)
        let piped = try HanziBinary.run(["clean", "--format", "markdown"], input: Array(Self.document.utf8))
        #expect(piped.stdout == result.stdout)
    }

    @Test func convertingMarkdownLeavesCodeAlone() throws {
        let result = try HanziBinary.run(["convert", "-c", "s2t", "--format", "markdown"],
                                         input: Array("汉字\n\n```\n汉字\n```\n\n`汉字`\n".utf8))
        #expect(result.stdoutText == "漢字\n\n```\n汉字\n```\n\n`汉字`\n")
    }

    @Test func jsonLinesFieldsCanHoldMarkdown() throws {
        let result = try HanziBinary.run(["normalize", "--jsonl", "--format", "markdown"],
                                         input: Array("{\"text\":\"# 甲,乙\\n\\n`a,b`丙,丁\"}\n".utf8))
        #expect(result.stdoutText == "{\"text\":\"# 甲，乙\\n\\n`a,b`丙，丁\"}\n")
    }
}
