import FuzzSupport
import Hanzi

/// The cleaning pipeline. Options byte: bit 0 rejoins, bit 1 one paragraph per line, bit 2
/// normalises, bits 3-4 the spacing, bit 5 removes the indent, bit 6 converts s2t, bit 7 uses
/// two threads; the style comes from the payload's length.
/// Invariants: the stream fed in input-derived chunks (small pieces, one or two threads, with
/// `flushReady` calls) gives the bytes of one `clean(utf8:)` call, and fails at the same offset
/// on malformed UTF-8; without conversion, cleaning twice changes nothing; without
/// normalisation or conversion no non-white-space character is lost (but what the rejoiner may
/// drop: a soft hyphen, the hyphen of a dehyphenated word, and a leading byte order mark).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCleanStream(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let converts = input.flag(6)
    let options = TextCleaner.Options(
        rejoins: input.flag(0),
        rejoinOptions: .init(paragraphSeparator: input.flag(1) ? .newline : .blankLine),
        normalizes: input.flag(2),
        style: PunctuationNormalizer.Style.allCases[input.payload.count % 3],
        normalizationOptions: .init(
            spacing: PunctuationNormalizer.Spacing.allCases[Int(input.options >> 3) % 3],
            indent: input.flag(5) ? .remove : .keep),
        conversions: converts ? [.s2t] : [])
    let cleaner = try! TextCleaner(options: options)
    let name = "(rejoins \(options.rejoins), one paragraph per line \(input.flag(1)), normalizes \(options.normalizes) "
        + "\(options.style)/\(options.normalizationOptions.spacing)/indent \(options.normalizationOptions.indent), s2t \(converts))"

    var whole: [UInt8] = []
    var wholeError: (any Error)?
    do { whole = try cleaner.clean(utf8: input.payload) } catch { wholeError = error }

    var stream = cleaner.makeStream(maxConcurrency: input.flag(7) ? 2 : 1, pieceSize: 1 + input.payload.count % 97)
    var streamed: [UInt8] = []
    var streamError: (any Error)?
    do {
        for (k, chunk) in input.chunks(of: input.payload).enumerated() {
            try stream.feed(chunk, into: &streamed)
            if k % 3 == 2 { try stream.flushReady(into: &streamed) }
        }
        try stream.finish(into: &streamed)
    } catch {
        streamError = error
    }
    if let wholeError {
        let a = (wholeError as? InvalidUTF8Error)?.byteOffset
        let b = (streamError as? InvalidUTF8Error)?.byteOffset
        invariant(a != nil && a == b, "clean \(name): stream error \(String(describing: streamError)), whole \(wholeError)")
        return 0
    }
    invariant(streamError == nil, "clean \(name): the stream fails (\(String(describing: streamError))) where the whole does not")
    invariantEqual(whole, streamed, "clean \(name): stream in chunks == whole")

    if !converts {
        let twice = try! cleaner.clean(utf8: whole)
        invariantEqual(whole, twice, "clean \(name): idempotent",
                       id: options.rejoins ? "clean.idempotent.rejoining" : "clean.idempotent")
    }
    if !converts && !options.normalizes {
        var text = input.payload
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
        let lost = firstLostScalar(text, in: whole, droppable: options.rejoins ? rejoinerMayDrop : { _, _ in false })
        invariant(lost == nil, "clean \(name): every non-white-space character kept: \(lost ?? "")")
    }
    return 0
}

@main
enum FuzzCleanStreamMain {
    static func main() { runLibFuzzer(fuzzCleanStream) }
}
