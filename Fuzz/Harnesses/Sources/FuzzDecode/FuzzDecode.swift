import FuzzSupport
import Hanzi

let encodings = TextEncoding.allCases.filter { $0 != .utf8 }

/// Decoding input in another encoding (`--encoding`) with the library's `TextDecoder`, over any bytes.
/// Options byte: the encoding.
/// Invariants: decoding in input-derived chunks gives the bytes and the error (offset, cut at the
/// end) of decoding the whole at once; the output is valid UTF-8; UTF-16LE and UTF-16BE decode
/// exactly what the standard library decodes without error, to the same text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let encoding = input.pick(encodings, shift: 0)

    func decode(_ chunks: [ArraySlice<UInt8>]) -> (text: [UInt8], error: TextDecodingError?) {
        let decoder = try! TextDecoder(from: encoding)
        var text: [UInt8] = []
        do {
            for chunk in chunks { try decoder.feed(chunk, into: &text) }
            try decoder.finish(into: &text)
            return (text, nil)
        } catch {
            return (text, error)
        }
    }
    let whole = decode([input.payload[...]])
    let chunked = decode(input.chunks(of: input.payload))
    invariant(whole.error?.byteOffset == chunked.error?.byteOffset && whole.error?.atEnd == chunked.error?.atEnd,
              "decode \(encoding): chunked error \(String(describing: chunked.error)), whole \(String(describing: whole.error))")
    if whole.error == nil {
        invariantEqual(whole.text, chunked.text, "decode \(encoding): chunked == whole")
        invariant(standardLibraryFirstError(whole.text) == nil, "decode \(encoding): the output is valid UTF-8")
    }

    if encoding == .utf16LE || encoding == .utf16BE {
        let bytes = input.payload
        var units: [UInt16] = []
        for i in stride(from: 0, to: bytes.count - 1, by: 2) {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(encoding == .utf16LE ? a | b << 8 : a << 8 | b)
        }
        var standard: [UInt8] = []
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) {
            standard.append($0)
        }
        let valid = !failed && bytes.count % 2 == 0
        invariant(valid == (whole.error == nil),
                  "decode \(encoding): iconv \(whole.error == nil ? "accepts" : "rejects"), the standard library \(valid ? "accepts" : "rejects")")
        if valid { invariantEqual(standard, whole.text, "decode \(encoding): == the standard library") }
    }
    return 0
}

@main
enum FuzzDecodeMain {
    static func main() { runLibFuzzer(fuzzDecode) }
}
