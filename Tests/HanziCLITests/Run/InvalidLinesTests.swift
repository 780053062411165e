import Foundation
import HanziTestSupport
import Testing

/// `--invalid keep|skip|fail` in JSON Lines mode, on the real binary: every kind of invalid line
/// follows the one rule, and none of them ends the file.
@Suite struct InvalidLinesTests {
    typealias H = HanziBinary

    /// One line of each kind hanzi must treat as invalid, with what the warning or error says.
    static let invalidLines: [(line: [UInt8], says: String)] = [
        (Array(#"{"text": oops}"#.utf8), "invalid JSON at byte 9"),
        (Array(#"{"text":"漢"#.utf8), "invalid JSON"),
        (Array(#"["text","漢"]"#.utf8), "a JSON object was expected"),
        (Array("42".utf8), "a JSON object was expected"),
        (Array(#"{"id":1}"#.utf8), #"the field "text" is missing"#),
        (Array(#"{"id":2,"text":null}"#.utf8), #"the field "text" is null, not a string"#),
        (Array(#"{"text":["漢"]}"#.utf8), #"the field "text" is an array, not a string"#),
        (Array(#"{"text":7}"#.utf8), #"the field "text" is a number, not a string"#),
        (Array(#"{"text":""#.utf8) + [0xE6, 0xBC] + Array(#""}"#.utf8), "invalid UTF-8 at byte 9 of the line: truncated multi-byte sequence (E6 BC)"),
        (Array(#"{"text":""#.utf8) + [0xFF] + Array(#"漢"}"#.utf8), "invalid UTF-8 at byte 9"),
        (Array(#"{"text":"a"}"#.utf8) + [0xC0, 0xAF], "invalid UTF-8 at byte 12"),
        ([0xBA, 0xBA, 0xD7, 0xD6], "invalid UTF-8 at byte 0"),  // 汉字 in GB18030
    ]

    static let valid = Array(#"{"id":0,"text":"漢字"}"#.utf8)
    static let validConverted = Array(#"{"id":0,"text":"汉字"}"#.utf8)
    static let arguments = ["convert", "-c", "t2s", "--jsonl"]

    @Test func eachKindIsKeptUnchangedAndTheLinesAfterItAreStillCleaned() throws {
        for (bad, says) in Self.invalidLines {
            let input = Self.valid + [0x0A] + bad + [0x0A] + Self.valid + [0x0A]
            let run = try H.run(Self.arguments + ["--invalid", "keep"], input: input)
            #expect(run.status == 0, "\(says): \(run.stderrText)")
            #expect(run.stdout == Self.validConverted + [0x0A] + bad + [0x0A] + Self.validConverted + [0x0A], "\(says)")
            #expect(run.stderrText.hasPrefix("hanzi: warning: <stdin>: kept 1 invalid line unchanged: line 2 (the first: line 2: "))
            #expect(run.stderrText.contains(says) && run.stderrText.hasSuffix(")\n"),
                    "\(says): \(run.stderrText)")
        }
    }

    @Test func eachKindIsSkippedOrStopsTheInputWithItsLineNumber() throws {
        for (bad, says) in Self.invalidLines {
            let input = Self.valid + [0x0A] + Self.valid + [0x0A] + bad + [0x0A] + Self.valid
            for arguments in [["--invalid", "skip"], ["--skip-invalid"]] {
                let run = try H.run(Self.arguments + arguments, input: input)
                #expect(run.status == 0)
                #expect(run.stdout == Self.validConverted + [0x0A] + Self.validConverted + [0x0A] + Self.validConverted, "\(says)")
                #expect(run.stderrText.hasPrefix("hanzi: warning: <stdin>: skipped 1 invalid line: line 3 (the first: line 3: "))
                #expect(run.stderrText.contains(says), "\(says): \(run.stderrText)")
            }
            for arguments in [["--invalid", "fail"], []] {
                let run = try H.run(Self.arguments + arguments, input: input)
                #expect(run.status == 1)
                #expect(run.stderrText.hasPrefix("hanzi: <stdin>: line 3: "))
                #expect(run.stderrText.contains(says), "\(says): \(run.stderrText)")
                #expect(run.stderrText.split(separator: "\n").count == 1)
                // The records before it are written, none after it.
                #expect(run.stdout == Self.validConverted + [0x0A] + Self.validConverted + [0x0A], "\(says)")
            }
        }
    }

    @Test func theWarningCountsAndNamesEveryKeptLine() throws {
        var input: [UInt8] = []
        var numbers: [Int] = []
        for (k, (bad, _)) in Self.invalidLines.enumerated() {
            input += Self.valid + [0x0A] + bad + [0x0A]
            numbers.append(2 * k + 2)
        }
        let run = try H.run(Self.arguments + ["--invalid", "keep"], input: input)
        #expect(run.status == 0)
        #expect(run.stderrText.hasPrefix(
            "hanzi: warning: <stdin>: kept \(numbers.count) invalid lines unchanged: lines \(numbers.map(String.init).joined(separator: " ")) (the first: line 2: "),
            "\(run.stderrText)")
        #expect(run.stdout.split(separator: 0x0A, omittingEmptySubsequences: false).count == 2 * numbers.count + 1)
        // Kept records are counted even with --quiet: nothing passes through unprocessed unsaid.
        let quiet = try H.run(Self.arguments + ["--invalid", "keep", "--quiet"], input: input)
        #expect(quiet.stderr == run.stderr)
        #expect(quiet.stdout == run.stdout)
    }

    @Test func everyNamedFieldMustBeAString() throws {
        let arguments = Self.arguments + ["--field", "title", "--field", "text", "--invalid", "keep"]
        let input = Array("{\"title\":\"臺灣\",\"text\":\"漢\"}\n{\"text\":\"漢\"}\n{\"title\":\"臺\",\"text\":{\"a\":1}}\n".utf8)
        let run = try H.run(arguments, input: input)
        #expect(run.status == 0)
        #expect(run.stdoutText == "{\"title\":\"台湾\",\"text\":\"汉\"}\n{\"text\":\"漢\"}\n{\"title\":\"臺\",\"text\":{\"a\":1}}\n")
        #expect(run.stderrText.contains(#"kept 2 invalid lines unchanged: lines 2 3 (the first: line 2: the field "title" is missing)"#),
                "\(run.stderrText)")
    }

    /// A leading byte order mark is not part of the first record, and is kept at the start of
    /// the output as every command keeps it (docs/CLI.md).
    @Test func aByteOrderMarkIsKeptAndBlankLinesAreNotInvalid() throws {
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Self.valid + [0x0A, 0x0A, 0x20, 0x0D, 0x0A] + Self.valid
        let run = try H.run(Self.arguments + ["--invalid", "fail"], input: input)
        #expect(run.status == 0, "\(run.stderrText)")
        #expect(run.stdout == [0xEF, 0xBB, 0xBF] + Self.validConverted + [0x0A, 0x0A, 0x20, 0x0D, 0x0A] + Self.validConverted)
        // A byte order mark cut short is not one: the line is invalid.
        let cut = try H.run(Self.arguments + ["--invalid", "keep"], input: [0xEF, 0xBB] + Self.valid)
        #expect(cut.stdout == [0xEF, 0xBB] + Self.valid)
        #expect(cut.stderrText.contains("kept 1 invalid line unchanged: line 1"))
    }

    /// Many generated records with invalid lines among them, large enough to be processed in
    /// pieces on several threads: one output line per input line, the invalid ones unchanged,
    /// the valid ones what `--invalid skip` gives, whatever the number of threads.
    @Test func generatedInputKeepsOneLinePerLineOnAnyNumberOfThreads() throws {
        var rng = SeededGenerator(seed: 15)
        let words = ["漢字", "臺灣", "測試，", "中文。", "abc", " ", "\\n", "\\u81fa", "「引號」", "\\\""]
        var lines: [[UInt8]] = []
        var invalid: [Int] = []
        var size = 0
        while size < 2_200_000 {
            if rng.chance(0.02) {
                lines.append(Self.invalidLines[rng.int(0...(Self.invalidLines.count - 1))].line)
                invalid.append(lines.count)
            } else {
                var text = ""
                for _ in 0..<rng.int(0...200) { text += words[rng.int(0...(words.count - 1))] }
                lines.append(Array("{\"n\":\(lines.count),\"text\":\"\(text)\",\"x\":[1,{\"y\":null}]}".utf8))
            }
            size += lines.last!.count + 1
        }
        let input = Array(lines.joined(separator: [0x0A]))
        var outputs: [[UInt8]] = []
        for jobs in ["1", "2", "3"] {
            let run = try H.run(Self.arguments + ["--invalid", "keep", "-j", jobs], input: input)
            #expect(run.status == 0)
            #expect(run.stderrText.contains("kept \(invalid.count) invalid lines unchanged: lines \(invalid.prefix(1000).map(String.init).joined(separator: " "))"))
            outputs.append(run.stdout)
        }
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
        let out = outputs[0].split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(out.count == lines.count)
        let invalidSet = Set(invalid)
        for n in invalid { #expect(Array(out[n - 1]) == lines[n - 1]) }
        let skip = try H.run(Self.arguments + ["--invalid", "skip", "-j", "2"], input: input)
        let kept = out.enumerated().filter { !invalidSet.contains($0.offset + 1) }.map { Array($0.element) }
        #expect(skip.stdout.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init) == kept)
    }

    @Test func usageErrors() throws {
        for arguments in [["clean", "--invalid", "keep"], ["clean", "--jsonl", "--invalid", "drop"],
                          ["clean", "--jsonl", "--skip-invalid", "--invalid", "keep"]] {
            let run = try H.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stdout.isEmpty)
        }
        let alias = try H.run(["clean", "--jsonl", "--skip-invalid", "--invalid", "skip"], input: Self.valid)
        #expect(alias.status == 0)
    }
}
