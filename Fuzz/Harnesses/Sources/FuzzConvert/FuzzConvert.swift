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
/// longer than converting a fuzz input), for the configurations the installed libopencc has:
/// `opencc_open` answers `(opencc_t)-1`, not NULL, for one it lacks (1.1.x has no `s2hkp` or
/// `hk2sp`), and converting with that handle would read address -1.
struct RawHandle: @unchecked Sendable {
    // @unchecked Sendable: used only by libFuzzer's one thread.
    let raw: opencc_t
}
let rawHandles: [ChineseConverter.Configuration: RawHandle] = Dictionary(
    uniqueKeysWithValues: configurations.compactMap { configuration in
        guard let raw = opencc_open(configuration.configFileName), raw != UnsafeMutableRawPointer(bitPattern: -1) else {
            return nil
        }
        return (configuration, RawHandle(raw: raw))
    })

/// The library's two ways to the installed data, which the raw handle is the oracle for: the
/// native engine on the installed dictionaries, and the libopencc engine.
let installedDataConverters: [ChineseConverter.Configuration: [ChineseConverter]] = Dictionary(
    uniqueKeysWithValues: rawHandles.keys.map { configuration in
        (configuration, [try! ChineseConverter(configuration, options: .init(dictionaries: .system)),
                         try! ChineseConverter(configuration, options: .init(engine: .libopencc))])
    })

/// libopencc's C API over valid UTF-8 `text`, taking what the library documents it repairs: the
/// C API stops at a NUL, so the text between NULs is converted piece by piece and the NULs kept.
func libopenccOracle(_ handle: opencc_t, _ text: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    for (k, segment) in text.split(separator: 0, omittingEmptySubsequences: false).enumerated() {
        if k > 0 { result.append(0) }
        guard !segment.isEmpty else { continue }
        let converted = segment.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { opencc_convert_utf8(handle, $0.baseAddress, $0.count) }
        }
        guard let converted else {
            invariant(false, "libopencc refuses valid UTF-8: \(opencc_error().map { String(cString: $0) } ?? "")")
            return []
        }
        defer { opencc_convert_utf8_free(converted) }
        result += UnsafeRawBufferPointer(start: converted, count: strlen(converted))
    }
    return result
}

/// Conversion. Options byte: the configuration.
/// Invariants: malformed UTF-8 is an error at the standard library's offset; on valid UTF-8,
/// where the installed libopencc has the configuration, the native engine on the installed
/// data and the libopencc engine give libopencc's C API's bytes (text between NULs converted,
/// NULs kept); the default converter (native engine, bundled OpenCC 1.4.2 data, for which no
/// in-process oracle exists: `make diffcheck` compares it with OpenCC 1.4.2) gives the same bytes
/// in one call, in small pieces, streamed in input-derived chunks and concurrently.
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
    if let handle = rawHandles[configuration]?.raw {
        let expected = libopenccOracle(handle, text)
        for installed in installedDataConverters[configuration]! {
            let actual = try! installed.convert(utf8: text)
            invariantEqual(expected, actual, "convert \(name) \(installed.options.engine) engine on the installed data: == libopencc between NULs")
        }
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
    static func main() {
        // Every converter is loaded before the first input: loading them all under
        // AddressSanitizer takes longer than libFuzzer's timeout for one input.
        for configuration in configurations { _ = try! ChineseConverter.shared(configuration) }
        _ = (smallPieces.count, rawHandles.count, installedDataConverters.count)
        runLibFuzzer(fuzzConvert)
    }
}
