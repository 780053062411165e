import Foundation
import HanziCore
import HanziTestSupport
import Testing

/// Every command example in README.md and docs/CLI.md, run on the real binary so that the
/// documents cannot drift from the tool.
///
/// A shell block is read in two forms. A transcript (`$ command` lines followed by their
/// output) is checked exactly: `$ cat FILE` defines the file, and every other command must
/// print what the document shows. A list of commands (lines starting with `hanzi`) is run on
/// small fixture inputs made for the file names it mentions, and must exit with status 0.
@Suite struct DocumentedCommandsTests {
    static let documents = ["README.md", "docs/CLI.md"]

    /// One command from a document.
    struct Example: CustomTestStringConvertible, Sendable {
        var document: String
        var line: Int
        var command: String
        /// The output the document shows (transcripts only).
        var expectedOutput: String?
        /// Files the transcript defined before this command (`$ cat FILE`).
        var files: [String: String]

        var testDescription: String { "\(document):\(line): \(command)" }
    }

    static let examples: [Example] = RepositoryRoot.required("the documented commands") {
        try documents.flatMap { try examples(in: $0) }
    }

    static func examples(in document: String) throws -> [Example] {
        let lines = try RepositoryRoot.text(document).components(separatedBy: "\n")
        var examples: [Example] = []
        var inShell = false
        var files: [String: String] = [:]
        var pending: (line: Int, command: String, output: [String])?
        func closePending() {
            guard let current = pending else { return }
            pending = nil
            let output = current.output.joined(separator: "\n") + (current.output.isEmpty ? "" : "\n")
            let words = current.command.split(separator: " ").map(String.init)
            if words.first == "cat", words.count == 2 {
                files[words[1]] = output
            } else {
                examples.append(Example(
                    document: document, line: current.line, command: current.command,
                    expectedOutput: output, files: files))
            }
        }
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("```") {
                if inShell { closePending() }
                inShell = !inShell && (line == "```sh" || line == "```bash" || line == "```console")
                if inShell { files = [:] }
                continue
            }
            guard inShell else { continue }
            if line.hasPrefix("$ ") {
                closePending()
                pending = (index + 1, withoutComment(String(line.dropFirst(2))), [])
            } else if pending != nil {
                pending?.output.append(line)
            } else if line.hasPrefix("hanzi ") || line == "hanzi" {
                examples.append(Example(
                    document: document, line: index + 1, command: withoutComment(line),
                    expectedOutput: nil, files: [:]))
            }
        }
        return examples
    }

    /// The command without its trailing `# comment` (a `#` after two spaces, outside quotes).
    static func withoutComment(_ line: String) -> String {
        guard let range = line.range(of: "  #") ?? line.range(of: " # ") else {
            return line.trimmingCharacters(in: .whitespaces)
        }
        return String(line[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
    }

    /// A few lines of column-wrapped Simplified text with a quote, the kind of input every
    /// command takes.
    static let sampleText = "新华社北京7月6日电 全面深化改革\n从解决群众最关心最直接最现实的\n利益问题切入，\"深入推进\"就业。\n\n人民是历史的创造者。\n"

    /// Makes the inputs `command` names inside `folder`: every word that looks like a file
    /// (`.txt`, `.md`, `.jsonl`) and is not an output, the folder given to `-r`, and one file
    /// for each glob such as `notes/*.txt`.
    static func makeInputs(for command: String, in folder: URL) throws {
        let words = command.split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }
        let outputFlags: Set<String> = ["-o", "--output", ">", "--output-dir"]
        let encodingIndex = words.firstIndex(of: "--encoding")
        for (index, word) in words.enumerated() {
            if index > 0, outputFlags.contains(words[index - 1]) { continue }
            if index > 0, ["--include", "--exclude", "--field", "--backup"].contains(words[index - 1]) { continue }
            if index > 0, words[index - 1] == "-r" {
                try write(sampleText, to: folder.appendingPathComponent("\(word)/a.txt"))
                try write(sampleText, to: folder.appendingPathComponent("\(word)/sub/b.txt"))
                continue
            }
            let isFile = [".txt", ".md", ".jsonl"].contains { word.hasSuffix($0) }
            guard isFile else { continue }
            let path = word.replacingOccurrences(of: "*", with: "sample")
            let url = folder.appendingPathComponent(path)
            if index > 0, words[index - 1] == "--phrases" {
                // A phrases file: key<TAB>value lines, as in OpenCC's text dictionaries.
                try write("鼠标\t滑鼠\n软件\t軟體\n", to: url)
            } else if word.hasSuffix(".jsonl") {
                let record = "{\"id\":1,\"text\":\"全面深化改革\\n从解决群众最关心的\"}\n"
                try write(record + record.replacingOccurrences(of: "1", with: "2"), to: url)
            } else if let encodingIndex, encodingIndex + 1 < words.count {
                try write(sampleText, to: url)
                try reencode(url, to: words[encodingIndex + 1])
            } else {
                try write(sampleText, to: url)
            }
        }
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Re-encodes a UTF-8 file with the `iconv` command.
    static func reencode(_ url: URL, to encoding: String) throws {
        let iconv = try ExternalTool.require("iconv")
        let process = Process()
        process.executableURL = iconv
        process.arguments = ["-f", "UTF-8", "-t", encoding.uppercased(), url.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "iconv to \(encoding)")
        try data.write(to: url)
    }

    /// Runs `command` with bash in `folder`, with the built binary first on PATH and nothing
    /// on standard input.
    static func run(_ command: String, in folder: URL) throws -> HanziBinary.Result {
        let path = HanziBinary.url.deletingLastPathComponent().path + ":"
            + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        return try HanziBinary.run(
            executable: try ExternalTool.require("bash"), ["-c", command], environment: ["PATH": path], in: folder)
    }

    @Test func theDocumentsHaveExamples() {
        for document in Self.documents {
            #expect(Self.examples.contains { $0.document == document }, "no command found in \(document)")
        }
        #expect(Self.examples.contains { $0.expectedOutput != nil }, "README's transcript was not found")
    }

    @Test(arguments: examples)
    func documentedCommandWorks(_ example: Example) throws {
        let folder = try HanziBinary.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(folder) }
        if example.expectedOutput == nil {
            try Self.makeInputs(for: example.command, in: folder)
        }
        for (name, text) in example.files {
            try Self.write(text, to: folder.appendingPathComponent(name))
        }
        let result = try Self.run(example.command, in: folder)
        #expect(result.status == 0, "\(example.testDescription) exited \(result.status): \(result.stderrText)")
        if let expected = example.expectedOutput {
            #expect(Array(result.stdout) == Array(expected.utf8), "\(example.testDescription) printed:\n\(result.stdoutText)")
        }
    }
}
