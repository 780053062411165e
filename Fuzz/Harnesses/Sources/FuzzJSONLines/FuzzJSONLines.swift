import FuzzSupport
import Hanzi

let normalizer = PunctuationNormalizer(style: .mainland)

/// The JSON Lines stream, over valid UTF-8 fed in input-derived chunks. Options byte: bit 0
/// keeps going past invalid lines (bit 7 then keeps them, else skips them), bit 1 uses two
/// threads, bit 2 calls `flushReady` after every chunk, bits 3-6 the batch size (1-16 bytes,
/// so that batches cut the input everywhere).
/// Invariants: the output is the rewriter's output line by line (the oracle, with the stream's
/// rule that every named field is a string), in order, with invalid lines left out or copied
/// unchanged and counted; otherwise the error names the first invalid line and the output holds
/// exactly the lines before it; the line count is right.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let policy: JSONLinesStream.InvalidLinePolicy = input.flag(0) ? (input.flag(7) ? .keep : .skip) : .fail
    let skips = policy != .fail
    let fields = ["text", "title"]
    let transform: JSONLinesStream.Transform = { normalizer.normalize(utf8: $0) }
    let text = input.validPayload

    // The oracle: one record at a time.
    let rewriter = JSONLineRewriter(fields: fields, requiresStringFields: true)
    var expected: [UInt8] = []
    var expectedInvalid = 0
    var firstInvalidLine: Int?
    var lineCount = 0
    var start = 0
    while start < text.count {
        let end = text[start...].firstIndex(of: 0x0A) ?? text.count
        lineCount += 1
        var record: [UInt8] = []
        do {
            try rewriter.rewrite(text[start..<end], into: &record) { normalizer.normalize(utf8: $0) }
            if firstInvalidLine == nil || skips {
                expected += record
                if end < text.count { expected.append(0x0A) }
            }
        } catch {
            if policy == .keep {
                expected += text[start..<end]
                if end < text.count { expected.append(0x0A) }
            }
            if firstInvalidLine == nil { firstInvalidLine = lineCount }
            expectedInvalid += 1
        }
        start = end + 1
    }

    var stream = JSONLinesStream(
        fields: fields, invalidLines: policy, maxConcurrency: input.flag(1) ? 2 : 1,
        pieceSize: 1 + Int(input.options >> 3) % 16, transform: transform)
    var output: [UInt8] = []
    var failure: (any Error)?
    do {
        for chunk in input.chunks(of: text) {
            try stream.feed(chunk, into: &output)
            if input.flag(2) { try stream.flushReady(into: &output) }
        }
        try stream.finish(into: &output)
    } catch {
        failure = error
    }
    if skips || firstInvalidLine == nil {
        invariant(failure == nil, "JSON Lines: no error expected, got \(failure.map { "\($0)" } ?? "")")
        invariantEqual(expected, output, "JSON Lines: stream == record by record")
        invariant(stream.invalidLineCount == expectedInvalid, "JSON Lines: \(stream.invalidLineCount) counted invalid, \(expectedInvalid) invalid")
        invariant(stream.skippedLines == (policy == .skip ? expectedInvalid : 0), "JSON Lines: \(stream.skippedLines) skipped")
        invariant(stream.linesSeen == lineCount, "JSON Lines: \(stream.linesSeen) lines seen of \(lineCount)")
        if let firstInvalidLine {
            invariant(stream.firstInvalid?.line == firstInvalidLine, "JSON Lines: the first invalid line is \(firstInvalidLine)")
        }
    } else {
        let line = (failure as? JSONLinesError)?.line
        invariant(line == firstInvalidLine!, "JSON Lines: error on line \(line.map { "\($0)" } ?? "none"), first invalid line \(firstInvalidLine!)")
        invariantEqual(expected, output, "JSON Lines: the output holds exactly the lines before the error")
    }
    return 0
}

@main
enum FuzzJSONLinesMain {
    static func main() { runLibFuzzer(fuzzJSONLines) }
}
