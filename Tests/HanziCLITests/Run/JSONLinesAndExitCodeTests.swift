import Foundation
import Testing

@Suite struct JSONLinesAndExitCodeTests {
    typealias H = HanziBinary

    @Test func jsonLinesChangeTheFieldAndKeepEverythingElse() throws {
        let input = """
        {"id": 1, "text": "漢字，\\n測試", "score": 1.50, "tags": ["臺灣", {"x": null}]}
        {"text":"\\u81fa\\u7063","title":"臺灣"}

        {"id":3,"text":null}
        """
        let run = try H.run(["clean", "--no-rejoin", "--to", "simplified", "--jsonl", "--field", "text", "--invalid", "keep"], input: Array(input.utf8))
        #expect(run.status == 0, "\(run.stderrText)")
        let expected = """
        {"id": 1, "text": "汉字，\\n测试", "score": 1.50, "tags": ["臺灣", {"x": null}]}
        {"text":"\\u53f0\\u6e7e","title":"臺灣"}

        {"id":3,"text":null}
        """
        #expect(run.stdoutText == expected)
        // Two fields.
        let both = try H.run(["convert", "-c", "t2s", "--jsonl", "--field", "text", "--field", "title"], input: Array(#"{"title":"臺灣","text":"漢"}"#.utf8))
        #expect(both.stdoutText == #"{"title":"台湾","text":"汉"}"#)
        // With the rejoiner, a value without a final line break gets none.
        let rejoined = try H.run(["clean", "--jsonl"], input: Array(#"{"text":"第一行\n第二行。"}"#.utf8))
        #expect(rejoined.status == 0)
        #expect(rejoined.stdoutText.hasSuffix("。\"}"))
    }

    @Test func anInvalidLineIsAnErrorWithItsNumberOrSkipped() throws {
        let input = Array("{\"text\":\"漢\"}\n{\"text\": oops}\n{\"text\":\"臺\"}\n".utf8)
        let strict = try H.run(["convert", "-c", "t2s", "--jsonl"], input: input)
        #expect(strict.status == 1)
        #expect(strict.stderrText.contains("<stdin>: line 2: invalid JSON"))
        #expect(strict.stdoutText == "{\"text\":\"汉\"}\n")
        let skip = try H.run(["convert", "-c", "t2s", "--jsonl", "--skip-invalid"], input: input)
        #expect(skip.status == 0)
        #expect(skip.stdoutText == "{\"text\":\"汉\"}\n{\"text\":\"台\"}\n")
        #expect(skip.stderrText.contains("skipped 1 invalid line"))
        // Skipped records are counted even with --quiet.
        let quiet = try H.run(["convert", "-c", "t2s", "--jsonl", "--skip-invalid", "--quiet"], input: input)
        #expect(quiet.stderr == skip.stderr)
    }

    @Test func exitCodes() throws {
        let (url, _) = try H.seed("000")
        #expect(try H.run(["clean", url.path]).status == 0)
        // A missing input fails, the other is still processed.
        let partial = try H.run(["clean", "/nonexistent/x.txt", url.path])
        #expect(partial.status == 1)
        #expect(!partial.stdout.isEmpty)
        #expect(partial.stderrText == "hanzi: /nonexistent/x.txt: cannot open: No such file or directory\n")
        // Usage errors.
        for arguments in [["clean", "--bogus"], ["frobnicate"], ["convert"], ["convert", "-c", "nosuch"],
                          ["clean", "--to", "klingon"], ["clean", "--in-place"], ["clean", "a", "b", "-o", "c"],
                          ["clean", "--encoding", "ebcdic"], ["clean", "--to", "simplified", "--config", "t2s"],
                          ["rejoin", "--backup", "x", "f"], ["clean", "--jobs", "0"]] {
            let run = try H.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderrText)")
            #expect(!run.stderr.isEmpty)
            #expect(!run.stderrText.contains("Fatal error"))
        }
    }

    @Test func aConfigurationThatCannotLoadIsAUsageErrorOnOneLine() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let config = root.appendingPathComponent("broken.json")
        try Data("{}".utf8).write(to: config)
        let run = try H.run(["convert", "-c", config.path], input: Array("汉字".utf8))
        #expect(run.status == 2)
        #expect(run.stderrText.hasPrefix("hanzi: cannot load the configuration \(config.path)"))
        #expect(run.stderrText.split(separator: "\n").count == 1)
        #expect(run.stdout.isEmpty)
    }

    @Test func helpShowsExamplesEverywhere() throws {
        for command in [[], ["clean"], ["convert"], ["rejoin"], ["normalize"], ["detect"], ["configs"]] {
            let run = try H.run(command + ["--help"])
            #expect(run.status == 0)
            #expect(run.stdoutText.contains("Examples:"), "\(command)")
        }
    }

    @Test func versionNamesHanziAndTheLibOpenCCItRuns() throws {
        let result = try H.run(["--version"])
        #expect(result.status == 0)
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.first?.range(of: #"^hanzi [0-9]+\.[0-9]+\.[0-9]+$"#, options: .regularExpression) != nil, "\(lines)")
        #expect(lines.contains { $0.range(of: #"^libopencc [0-9]+(\.[0-9]+)+ \(system\)$"#, options: .regularExpression) != nil }, "\(lines)")
    }

    @Test func completionScriptsAndTheManPageAreGenerated() throws {
        for shell in ["bash", "zsh", "fish"] {
            let run = try H.run(["--generate-completion-script", shell])
            #expect(run.status == 0)
            #expect(run.stdoutText.contains("clean"))
        }
        let manual = try H.run(["generate-manual"])
        #expect(manual.status == 0)
        let committed = try String(contentsOf: H.packageRoot.appendingPathComponent("docs/hanzi.1"), encoding: .utf8)
        #expect(manual.stdoutText == committed, "docs/hanzi.1 is out of date: run `swift run hanzi generate-manual > docs/hanzi.1`")
    }

    @Test func detectPrintsOneLinePerFile() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: H.seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        let run = try H.run(["detect"] + names.map { "seeds/" + $0 })
        #expect(run.status == 0)
        let lines = run.stdoutText.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.count == 5)
        for line in lines {
            #expect(line[1] == (line[0].contains("/003_") ? "Traditional" : "Simplified") || line[1].hasPrefix("Traditional (Hong Kong)"))
            #expect(Double(line[2])! > 0.9)
        }
        let json = try H.run(["detect", "--json", "seeds/" + names[3]])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any]
        #expect(object?["script"] as? String == "traditional")
        let stdin = try H.run(["detect"], input: Array("漢字".utf8))
        #expect(stdin.stdoutText.hasPrefix("<stdin>\tTraditional"))
    }
}
