import ArgumentParser
import Foundation
import Hanzi

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

        One line per input: NAME<TAB>SCRIPT<TAB>CONFIDENCE; with --json, one JSON object per line.

        Examples:
          hanzi detect seeds/*.txt
          hanzi detect --json < page.txt
        """
    )

    @Argument(help: ArgumentHelp("Files to examine; none or '-' reads standard input.", valueName: "file"))
    var files: [String] = []

    @Flag(help: "Print one JSON object per input.")
    var json = false

    @Option(help: ArgumentHelp("The input encoding (as for clean).", valueName: "name"))
    var encoding: String = "utf-8"

    mutating func validate() throws {
        if InputEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)'; use one of: \(InputEncoding.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        let detector: ScriptDetector
        do {
            detector = try ScriptDetector()
        } catch {
            throw ValidationError("cannot load OpenCC: \(error)")
        }
        let encoding = InputEncoding(name: self.encoding) ?? .utf8
        let diagnostics = Diagnostics(quiet: false)
        var stdout = BufferedWriter(fd: 1, path: "<stdout>")
        for name in files.isEmpty ? ["-"] : files {
            let display = name == "-" ? "<stdin>" : name
            var chunk: [UInt8] = []
            var chunkStart = 0
            do {
                let reader = name == "-" ? FileReader(standardInputNamed: display) : try FileReader(path: name)
                let decoder = encoding == .utf8 ? nil : try IconvDecoder(encoding)
                var validator = UTF8StreamValidator()
                var accumulator = ScriptDetector.Accumulator(detector: detector)
                var raw = [UInt8](repeating: 0, count: Runner.readSize)
                var text: [UInt8] = []
                var offset = 0
                while true {
                    let n = try raw.withUnsafeMutableBytes { try reader.read(into: $0) }
                    if n == 0 { break }
                    chunk = Array(raw[0..<n])
                    chunkStart = offset
                    offset += n
                    if let decoder {
                        var decoded: [UInt8] = []
                        try chunk.withUnsafeBytes { try decoder.decode($0, appendingTo: &decoded) }
                        try validator.validate(decoded, appendingTo: &text)
                    } else {
                        try validator.validate(chunk, appendingTo: &text)
                    }
                    // Whole lines go to the detector; the rest waits for the next chunk.
                    let cut = LineLocalStream.lastLineEnd(in: text)
                    if cut > 0 || text.count >= 16 << 20 {
                        let end = cut > 0 ? cut : text.count
                        accumulator.add(Array(text[0..<end]))
                        text.removeSubrange(0..<end)
                    }
                }
                try decoder?.finish()
                try validator.finish()
                if !text.isEmpty { accumulator.add(text) }
                let result = accumulator.result
                try stdout.write(Array((json ? jsonLine(display, result) : textLine(display, result)).utf8))
            } catch {
                try? stdout.flush()
                diagnostics.error(display, Runner.message(for: error, encoding: encoding, chunk: chunk, chunkStart: chunkStart))
            }
        }
        try stdout.flush()
        if diagnostics.failures > 0 { throw ExitCode(1) }
    }

    private func textLine(_ name: String, _ result: ScriptDetection) -> String {
        "\(name)\t\(result.label)\t\(String(format: "%.2f", result.confidence))\n"
    }

    private func jsonLine(_ name: String, _ result: ScriptDetection) -> String {
        let c = result.counts
        let variant = result.variant.map { "\"\($0.rawValue)\"" } ?? "null"
        return "{\"file\":\(jsonQuoted(name)),\"script\":\"\(result.script.rawValue)\",\"variant\":\(variant),"
            + "\"label\":\(jsonQuoted(result.label)),\"confidence\":\(String(format: "%.4f", result.confidence)),"
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
