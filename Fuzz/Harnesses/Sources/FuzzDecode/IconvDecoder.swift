#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings `--encoding` accepts.
enum InputEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case gb18030
    case gbk
    case big5
    case big5HKSCS = "big5-hkscs"
    case utf16 = "utf-16"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"

    /// The name iconv knows the encoding by.
    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .gbk: "GBK"
        case .big5: "BIG5"
        case .big5HKSCS: "BIG5-HKSCS"
        case .utf16: "UTF-16"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        }
    }

    init?(name: String) {
        let lower = name.lowercased()
        switch lower {
        case "utf-8", "utf8": self = .utf8
        case "utf16": self = .utf16
        case "big5hkscs": self = .big5HKSCS
        case "gb-18030": self = .gb18030
        default:
            guard let found = InputEncoding(rawValue: lower) else { return nil }
            self = found
        }
    }
}

/// Bytes that the chosen encoding cannot decode. (Not `DecodingError`: that is the standard
/// library's error of `Decodable`.)
struct IconvDecodingError: Error, CustomStringConvertible {
    var encoding: InputEncoding
    var offset: Int
    var atEnd: Bool

    var description: String {
        atEnd
            ? "the input ends inside a character (\(encoding.rawValue)) at byte \(offset)"
            : "invalid \(encoding.rawValue) at byte \(offset)"
    }
}

/// Decodes a stream in a legacy encoding to UTF-8 with iconv, chunk by chunk.
final class IconvDecoder {
    let encoding: InputEncoding
    private let cd: iconv_t
    private var pending: [UInt8] = []
    private var consumed = 0

    init(_ encoding: InputEncoding) throws {
        self.encoding = encoding
        let cd = iconv_open("UTF-8", encoding.iconvName)
        if cd == iconv_t(bitPattern: -1) {
            throw FileError(path: encoding.rawValue, operation: "this system cannot decode \(encoding.rawValue)", code: errno)
        }
        self.cd = cd!
    }

    deinit { iconv_close(cd) }

    /// The smallest output buffer of one iconv call.
    static let minimumOutputChunk = 4096

    /// Decodes `chunk`, appending UTF-8 to `output`; a character cut by the end of the chunk
    /// waits for the next one.
    func decode(_ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws {
        var input = pending
        input.append(contentsOf: chunk)
        pending.removeAll(keepingCapacity: true)
        let used = try convert(input, appendingTo: &output)
        if used < input.count { pending.append(contentsOf: input[used...]) }
    }

    /// Ends the stream.
    func finish() throws {
        if !pending.isEmpty {
            throw IconvDecodingError(encoding: encoding, offset: consumed, atEnd: true)
        }
    }

    /// Converts as much of `input` as possible; returns how many bytes were used.
    private func convert(_ input: [UInt8], appendingTo output: inout [UInt8]) throws -> Int {
        var input = input
        let total = input.count
        // UTF-8 takes at most twice the bytes of these encodings (three for two-byte characters,
        // four for UTF-16 surrogate pairs); a smaller buffer only means more iconv calls.
        var outChunk = [UInt8](repeating: 0, count: max(IconvDecoder.minimumOutputChunk, total * 2))
        return try input.withUnsafeMutableBufferPointer { inBuffer -> Int in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
                .assumingMemoryBound(to: CChar.self)
            var inLeft = total
            while inLeft > 0 {
                let (produced, err): (Int, Int32) = outChunk.withUnsafeMutableBufferPointer { outBuffer in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    return (outBuffer.count - outLeft, r == -1 ? errno : 0)
                }
                output.append(contentsOf: outChunk[0..<produced])
                let usedSoFar = total - inLeft
                switch err {
                case 0:
                    continue
                case E2BIG:
                    continue
                case EINVAL:
                    // A character cut by the end of the chunk.
                    consumed += usedSoFar
                    return usedSoFar
                default:
                    throw IconvDecodingError(encoding: encoding, offset: consumed + usedSoFar, atEnd: false)
                }
            }
            consumed += total
            return total
        }
    }

    /// Whether all of `sample` (but a character cut by its end) decodes, and the decoded scalars
    /// look like Chinese text: used to suggest an encoding for input that is not UTF-8.
    static func looksLike(_ encoding: InputEncoding, _ sample: [UInt8]) -> Bool {
        guard let decoder = try? IconvDecoder(encoding) else { return false }
        var utf8: [UInt8] = []
        guard (try? sample.withUnsafeBytes { try decoder.decode($0, appendingTo: &utf8) }) != nil else { return false }
        var nonASCII = 0
        var chinese = 0
        for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars where scalar.value >= 0x80 {
            nonASCII += 1
            switch scalar.value {
            case 0x4E00...0x9FFF, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2010...0x2027: chinese += 1
            default: break
            }
        }
        // A few characters are no evidence (a UTF-8 sequence cut by the end of the input).
        return nonASCII >= 4 && chinese * 100 >= nonASCII * 95
    }
}
