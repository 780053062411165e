#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One iconv conversion to UTF-8, owned by a ``TextDecoder``. Not `Sendable`: an iconv handle
/// keeps state between calls (UTF-16's byte order, for one).
final class IconvConverter {
    /// What one call did with its input.
    enum Outcome {
        /// Every byte was decoded.
        case complete(Int)
        /// The first `n` bytes were decoded; the rest starts a character cut by the input's end.
        case cutCharacter(Int)
        /// The bytes from this offset are not valid in the encoding.
        case invalid(at: Int)
    }

    private let handle: iconv_t

    init(from encoding: TextEncoding) throws(UnsupportedEncodingError) {
        guard let handle = iconv_open("UTF-8", encoding.iconvName), handle != iconv_t(bitPattern: -1) else {
            throw UnsupportedEncodingError(encoding: encoding, code: errno)
        }
        self.handle = handle
    }

    deinit { iconv_close(handle) }

    /// The smallest output buffer of one iconv call.
    private static let minimumOutputChunk = 4096

    /// Converts as much of `input` as it can, appending UTF-8 to `output`.
    func convert(_ input: [UInt8], appendingTo output: inout [UInt8]) -> Outcome {
        var input = input
        let total = input.count
        if total == 0 { return .complete(0) }
        // UTF-8 takes at most twice the bytes of these encodings (three for two-byte characters,
        // four for UTF-16 surrogate pairs); a smaller buffer only means more iconv calls.
        var outChunk = [UInt8](repeating: 0, count: max(Self.minimumOutputChunk, total * 2))
        return input.withUnsafeMutableBufferPointer { inBuffer -> Outcome in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
                .assumingMemoryBound(to: CChar.self)
            var inLeft = total
            while inLeft > 0 {
                let (produced, failure): (Int, Int32) = outChunk.withUnsafeMutableBufferPointer { outBuffer in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (outBuffer.count - outLeft, result == -1 ? errno : 0)
                }
                output.append(contentsOf: outChunk[0..<produced])
                switch failure {
                case 0, E2BIG: continue
                case EINVAL: return .cutCharacter(total - inLeft)
                default: return .invalid(at: total - inLeft)
                }
            }
            return .complete(total)
        }
    }
}
