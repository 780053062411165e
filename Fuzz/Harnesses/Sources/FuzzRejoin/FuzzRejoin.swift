import FuzzSupport
import Hanzi

/// The column rejoiner. Options byte: bit 0 picks one paragraph per line.
/// Invariants: the byte API, the string API and the stream fed in input-derived chunks give the
/// same bytes (also for malformed UTF-8, which passes through); every non-white-space character
/// is kept, in order, but what the rejoiner documents it drops: a soft hyphen or the hyphen
/// (`-` or U+2010) of a dehyphenated word, both only at a line end; rejoining twice changes nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRejoin(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let rejoiner = ColumnRejoiner(options: .init(paragraphSeparator: input.flag(0) ? .newline : .blankLine))

    // Any bytes: the whole and the stream agree.
    let whole = rejoiner.rejoin(utf8: input.payload)
    var stream = rejoiner.makeStream()
    var streamed: [UInt8] = []
    for chunk in input.chunks(of: input.payload) { stream.feed(chunk, into: &streamed) }
    stream.finish(into: &streamed)
    invariantEqual(whole, streamed, "rejoin: stream in chunks == whole")

    // Valid UTF-8: the string API, no character lost, idempotence.
    let text = input.validPayload
    let once = rejoiner.rejoin(utf8: text)
    let viaString = Array(rejoiner.rejoin(String(decoding: text, as: UTF8.self)).utf8)
    invariantEqual(once, viaString, "rejoin: String API == byte API")
    let lost = firstLostScalar(text, in: once, droppable: rejoinerMayDrop)
    invariant(lost == nil, "rejoin: every non-white-space character kept, in order: \(lost ?? "")")
    let twice = rejoiner.rejoin(utf8: once)
    invariantEqual(once, twice, "rejoin: idempotent", id: "rejoin.idempotent")
    return 0
}

@main
enum FuzzRejoinMain {
    static func main() { runLibFuzzer(fuzzRejoin) }
}
