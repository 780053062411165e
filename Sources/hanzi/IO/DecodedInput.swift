import Hanzi
import HanziCore

/// One input read in large chunks and decoded to UTF-8 when it is in another encoding (or is
/// UTF-16 with a byte order mark: the library's `TextDecoder` detects it). The text is not
/// validated here: that is the first step of what processes it.
///
/// The last raw chunk and its offset stay available after an error, for a message that
/// names the bytes (and guesses their encoding).
struct DecodedInput {
    let reader: FileReader
    /// `nil` once UTF-8 input is known to be UTF-8: its bytes are passed on as read.
    private var decoder: TextDecoder?
    private var raw = [UInt8](repeating: 0, count: SystemIO.readSize)
    /// How many bytes of `raw` the last read filled.
    private var rawCount = 0
    /// A short read's bytes (a pipe gives less than `raw` holds), in the same array every time.
    private var partial: [UInt8] = []
    private var decoded: [UInt8] = []
    private var offset = 0

    /// The last chunk read, as read.
    var lastChunk: [UInt8] { rawCount == raw.count ? raw : Array(raw[0..<rawCount]) }
    /// The input offset of ``lastChunk``.
    private(set) var chunkStart = 0

    /// Opens `item` (a file, or standard input) in `encoding`.
    init(_ item: InputItem, encoding: InputEncoding) throws {
        if let path = item.path {
            reader = try FileReader(path: path)
        } else {
            reader = FileReader(standardInputNamed: item.displayName)
        }
        decoder = try TextDecoder(from: encoding)
    }

    /// Whether the next read would have to wait (a pipe or terminal with nothing in it yet).
    var wouldWait: Bool { reader.wouldWait }

    /// The next chunk as UTF-8, and how many input bytes it came from; `nil` at the end.
    mutating func next() throws -> (text: [UInt8], inputBytes: Int)? {
        let n = try raw.withUnsafeMutableBytes { try reader.read(into: $0) }
        if n == 0 {
            // The decoder's last bytes (an input shorter than a byte order mark), or its error
            // for a character cut by the end of the input.
            guard let decoder else { return nil }
            self.decoder = nil
            decoded.removeAll(keepingCapacity: true)
            try decoder.finish(into: &decoded)
            return decoded.isEmpty ? nil : (decoded, 0)
        }
        rawCount = n
        chunkStart = offset
        offset += n
        // A full read is passed on as it is, a short one in the same array every time: a
        // fresh megabyte per chunk, or a copy of it, costs more than the work on it.
        let chunk: [UInt8]
        if n == raw.count {
            chunk = raw
        } else {
            partial.removeAll(keepingCapacity: true)
            partial.append(contentsOf: raw[0..<n])
            chunk = partial
        }
        guard let decoder else { return (chunk, n) }
        if decoder.encoding == .utf8, chunkStart == 0, TextDecoder.startKind(of: chunk) == .utf8 {
            // UTF-8 from its first bytes on: the decoder would copy the chunk and give it back.
            self.decoder = nil
            return (chunk, n)
        }
        decoded.removeAll(keepingCapacity: true)
        try decoder.feed(chunk, into: &decoded)
        if decoder.encoding == .utf8, decoder.detectedEncoding == .utf8 {
            self.decoder = nil
        }
        return (decoded, n)
    }

    /// Ends the input: a character cut by its end is an error.
    func finish() throws {
        var rest: [UInt8] = []
        try decoder?.finish(into: &rest)
        assert(rest.isEmpty, "next() returns the decoder's last bytes before it returns nil")
    }
}
