import CFuzzOpenCC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FuzzSupport
import Hanzi

let configurations = ChineseConverter.Configuration.builtIn
/// One converter per configuration with the smallest piece size, so that inputs of a few KB are
/// cut into pieces as a large file is.
let smallPieces: [ChineseConverter.Configuration: ChineseConverter] = Dictionary(
    uniqueKeysWithValues: configurations.map { ($0, try! ChineseConverter($0, pieceSize: 1)) })

/// libopencc's own converters, opened once per configuration (loading the dictionaries takes
/// longer than converting a fuzz input).
struct RawHandle: @unchecked Sendable {
    // @unchecked Sendable: used only by libFuzzer's one thread.
    let raw: opencc_t
}
let rawHandles: [ChineseConverter.Configuration: RawHandle] = Dictionary(
    uniqueKeysWithValues: configurations.map { ($0, RawHandle(raw: opencc_open($0.configFileName)!)) })

/// Conversion. Options byte: the configuration.
/// Invariants: malformed UTF-8 is an error at the standard library's offset; on valid UTF-8 one
/// call gives libopencc's bytes for the whole buffer (when there is no NUL, where the C API
/// stops), and the same bytes as small pieces, as the streaming converter fed in input-derived
/// chunks, and as the concurrent converter.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConvert(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let configuration = input.pick(configurations, shift: 0)
    let converter = try! ChineseConverter.shared(configuration)
    let name = configuration.openCCName

    if let expected = standardLibraryFirstError(input.payload) {
        do {
            _ = try converter.convert(utf8: input.payload)
            invariant(false, "convert \(name): malformed UTF-8 accepted")
        } catch {
            invariant(error.byteOffset == expected.offset,
                      "convert \(name): error at \(error.byteOffset), the standard library's at \(expected.offset)")
        }
    }

    let text = input.validPayload
    let whole = try! converter.convert(utf8: text)
    if !text.contains(0) {
        let raw = text.withUnsafeBufferPointer { buffer -> [UInt8] in
            let handle = rawHandles[configuration]!.raw
            let converted = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                opencc_convert_utf8(handle, $0, buffer.count)
            }!
            defer { opencc_convert_utf8_free(converted) }
            return converted.withMemoryRebound(to: UInt8.self, capacity: strlen(converted)) {
                Array(UnsafeBufferPointer(start: $0, count: strlen(converted)))
            }
        }
        if !text.isEmpty { invariantEqual(raw, whole, "convert \(name): == libopencc over the whole buffer") }
    }
    let pieces = try! smallPieces[configuration]!.convert(utf8: text)
    invariantEqual(whole, pieces, "convert \(name): small pieces == one call")

    var streaming = StreamingConverter(converter: converter, flushThreshold: 1 + Int(input.options >> 4))
    var streamed: [UInt8] = []
    for chunk in input.chunks(of: text) { try! streaming.feed(chunk, to: { streamed += $0 }) }
    try! streaming.finish(to: { streamed += $0 })
    invariantEqual(whole, streamed, "convert \(name): streamed in chunks == one call")

    let concurrent = try! smallPieces[configuration]!.convertConcurrently(utf8: text, maxConcurrency: 2)
    invariantEqual(whole, concurrent, "convert \(name): concurrent == one call")
    return 0
}

@main
enum FuzzConvertMain {
    static func main() { runLibFuzzer(fuzzConvert) }
}
