import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hanzi
import HanziCore

/// `hanzi detect`: Simplified, Traditional, mixed or neither, per input.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Tell whether text is Simplified, Traditional, mixed or neither, with a confidence figure.",
        discussion: """
        The evidence is OpenCC's own dictionaries: the characters t2s changes are \
        Traditional-only, the ones s2t changes Simplified-only. A text whose distinguishing \
        characters are 90% or more of one kind is of that script, otherwise mixed; a text \
        without Han characters, or without distinguishing ones, is neither. For Traditional \
        text the regional forms are named when the Hong Kong or Taiwan variant tables (hk2t, \
        tw2t) tell them apart. The confidence (0 to 1) is the share of distinguishing \
        characters that agree, discounted when there are only a few. The whole input is read.

        One line per input: NAME<TAB>SCRIPT<TAB>CONFIDENCE; with --json, one JSON object per line. \
        With --jsonl, one JSON object per record of a JSON Lines input, over the fields named by \
        --field (default: text): {"line":N,"script":...,"variant":...,"label":...,"confidence":...}; \
        a line that is not a JSON object with those string fields gets {"line":N,"error":...}, so \
        that the output has one line per input line.

        Examples:
          hanzi detect seeds/*.txt
          hanzi detect --json < page.txt
          hanzi detect --jsonl --field text corpus.jsonl > scripts.jsonl
        """
    )

    @Argument(help: ArgumentHelp("Files to examine; none or '-' reads standard input.", valueName: "file"), completion: .file())
    var files: [String] = []

    @Flag(help: "Print one JSON object per input.")
    var json = false

    @Flag(help: "Read JSON Lines and print one JSON object per record (its line number, script, regional standard, confidence).")
    var jsonl = false

    @Option(help: ArgumentHelp("With --jsonl, a top-level string field to examine (repeatable; default: text).", valueName: "name"))
    var field: [String] = []

    @Option(help: ArgumentHelp("The input encoding (as for clean).", valueName: "name"))
    var encoding: InputEncoding = .utf8

    mutating func validate() throws {
        if !field.isEmpty, !jsonl { throw ValidationError("--field goes with --jsonl.") }
        if json, jsonl { throw ValidationError("use --json or --jsonl, not both.") }
    }

    /// A line longer than this goes to the detector in parts, so that memory stays bounded.
    static let longestLine = 16 << 20

    func run() throws {
        let detector: ScriptDetector
        do {
            detector = try ScriptDetector()
        } catch {
            throw ValidationError("cannot load OpenCC: \(error)")
        }
        let diagnostics = Diagnostics(quiet: false)
        var stdout = BufferedWriter(fd: 1, path: Runner.standardOutputName)
        for name in files.isEmpty ? ["-"] : files {
            let path = PathBytes(argument: name)
            let item = InputItem(path: name == "-" ? nil : path, relativeOutputPath: path, size: -1)
            var input: DecodedInput?
            do {
                input = try DecodedInput(item, encoding: encoding)
                if jsonl {
                    try detectRecords(&input!, with: detector, into: &stdout)
                    continue
                }
                let result = try detect(&input!, with: detector)
                let display = item.displayName
                try stdout.write(Array((json ? jsonLine(display, result) : textLine(display, result)).utf8))
            } catch {
                try? stdout.flush()
                diagnostics.error(item.displayName, Runner.message(for: error, encoding: encoding,
                                                                   chunk: input?.lastChunk ?? [], chunkStart: input?.chunkStart ?? 0))
            }
        }
        try stdout.flush()
        if diagnostics.failures > 0 { throw ExitCode(1) }
    }

    /// Reads `input` to its end, validating it, and detects its script, whole lines at a time.
    private func detect(_ input: inout DecodedInput, with detector: ScriptDetector) throws -> ScriptDetection {
        var validator = UTF8StreamValidator()
        var accumulator = ScriptDetector.Accumulator(detector: detector)
        var text: [UInt8] = []
        while let (chunk, _) = try input.next() {
            try validator.validate(chunk, appendingTo: &text)
            // Whole lines go to the detector; the rest waits for the next chunk.
            let cut = LineBoundary.lineFeed.last(in: text)
            if cut > 0 || text.count >= DetectCommand.longestLine {
                let end = cut > 0 ? cut : text.count
                accumulator.add(Array(text[0..<end]))
                text.removeSubrange(0..<end)
            }
        }
        try input.finish()
        try validator.finish()
        if !text.isEmpty { accumulator.add(text) }
        return accumulator.result
    }

    /// Detects the script of every record of a JSON Lines input, writing one JSON object per
    /// line; the fields' values of one record are examined together.
    private func detectRecords(_ input: inout DecodedInput, with detector: ScriptDetector,
                               into stdout: inout BufferedWriter) throws {
        let rewriter = JSONLineRewriter(fields: field.isEmpty ? ["text"] : field, requiresStringFields: true)
        var text: [UInt8] = []
        var lineNumber = 0
        var scratch: [UInt8] = []
        func record(_ line: ArraySlice<UInt8>) throws {
            lineNumber += 1
            var accumulator = ScriptDetector.Accumulator(detector: detector)
            scratch.removeAll(keepingCapacity: true)
            var body = line
            if lineNumber == 1, body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            if body.last == ASCII.carriageReturn { body = body.dropLast() }
            let out: String
            if (try? UTF8Validator.validate(Array(body))) == nil {
                out = "{\"line\":\(lineNumber),\"error\":\"not UTF-8\"}\n"
            } else {
                do {
                    try rewriter.rewrite(body, into: &scratch) { value in
                        accumulator.add(value)
                        return value
                    }
                    out = recordLine(lineNumber, accumulator.result)
                } catch {
                    out = "{\"line\":\(lineNumber),\"error\":\(jsonQuoted(error.description))}\n"
                }
            }
            try stdout.write(Array(out.utf8))
        }
        while let (chunk, _) = try input.next() {
            text += chunk
            var start = 0
            while let end = text[start...].firstIndex(of: ASCII.lineFeed) {
                try record(text[start..<end])
                start = end + 1
            }
            text.removeSubrange(0..<start)
        }
        try input.finish()
        if !text.isEmpty { try record(text[...]) }
    }

    private func recordLine(_ line: Int, _ result: ScriptDetection) -> String {
        let variant = result.variant.map { "\"\($0.rawValue)\"" } ?? "null"
        return "{\"line\":\(line),\"script\":\"\(result.script.rawValue)\",\"variant\":\(variant),"
            + "\"label\":\(jsonQuoted(result.label)),\"confidence\":\(printfFormat("%.4f", result.confidence))}\n"
    }

    private func textLine(_ name: String, _ result: ScriptDetection) -> String {
        "\(name)\t\(result.label)\t\(printfFormat("%.2f", result.confidence))\n"
    }

    private func jsonLine(_ name: String, _ result: ScriptDetection) -> String {
        let c = result.counts
        let variant = result.variant.map { "\"\($0.rawValue)\"" } ?? "null"
        return "{\"file\":\(jsonQuoted(name)),\"script\":\"\(result.script.rawValue)\",\"variant\":\(variant),"
            + "\"label\":\(jsonQuoted(result.label)),\"confidence\":\(printfFormat("%.4f", result.confidence)),"
            + "\"han\":\(c.han),\"traditionalOnly\":\(c.traditionalOnly),\"simplifiedOnly\":\(c.simplifiedOnly),"
            + "\"hongKongForms\":\(c.hongKongForms),\"taiwanForms\":\(c.taiwanForms)}\n"
    }
}

/// `s` as a JSON string.
func jsonQuoted(_ s: String) -> String {
    var out: [UInt8] = []
    JSONLineRewriter.encodeString(Array(s.utf8), into: &out)
    return String(decoding: out, as: UTF8.self)
}
