#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HanziCore

extension TextCleaner {
    /// The size of one read of ``clean(contentsOf:encoding:)``.
    public static let fileReadSize = SystemIO.readSize

    /// Cleans the file at `url`, read in pieces and decoded from `encoding` on the way (UTF-16
    /// with a byte order mark is found by itself), through the same stream as any other input.
    ///
    /// ```swift
    /// let clean = try cleaner.clean(contentsOf: URL(fileURLWithPath: "legacy.txt"), encoding: .gb18030)
    /// ```
    ///
    /// - Throws: a `POSIXError` when the file cannot be opened or read, `UnsupportedEncodingError`,
    ///   `TextDecodingError` with the file offset of bytes the encoding cannot decode,
    ///   `InvalidUTF8Error`, or a conversion error.
    public func clean(contentsOf url: URL, encoding: TextEncoding = .utf8) throws -> [UInt8] {
        let decoder = try TextDecoder(from: encoding)
        var stream = makeStream()
        var decoded: [UInt8] = []
        var output: [UInt8] = []
        try POSIXError.forSystemCalls {
            try SystemIO.readPieces(atPath: url.path, pieceSize: TextCleaner.fileReadSize) { piece in
                decoded.removeAll(keepingCapacity: true)
                try decoder.feed(piece, into: &decoded)
                try stream.feed(decoded, into: &output)
            }
        }
        decoded.removeAll(keepingCapacity: true)
        try decoder.finish(into: &decoded)
        try stream.feed(decoded, into: &output)
        try stream.finish(into: &output)
        return output
    }
}
