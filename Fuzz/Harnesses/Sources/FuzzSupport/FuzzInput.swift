/// One fuzz input split into what a harness needs: an options byte (the first byte, which picks
/// styles, options and configurations), the payload (the rest), and a chunking of any bytes
/// derived from the input, so that a crash file reproduces the same chunks.
public struct FuzzInput: Sendable {
    /// The first byte of the input (0 for an empty input).
    public let options: UInt8
    /// The bytes after the options byte.
    public let payload: [UInt8]
    /// The whole input, for reports.
    public let raw: [UInt8]

    /// Reads libFuzzer's buffer.
    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        let raw = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
        self.raw = raw
        self.options = raw.first ?? 0
        self.payload = Array(raw.dropFirst())
    }

    /// The payload with every malformed UTF-8 sequence replaced by U+FFFD, the standard
    /// library's repair: for the entry points whose contract is valid UTF-8.
    public var validPayload: [UInt8] { Array(String(decoding: payload, as: UTF8.self).utf8) }

    /// Bit `n` of the options byte.
    public func flag(_ n: Int) -> Bool { options & (1 << n) != 0 }

    /// The element of `all` picked by the options bits from `shift` up.
    public func pick<T>(_ all: [T], shift: Int) -> T { all[Int(options >> shift) % all.count] }

    /// `bytes` cut into consecutive chunks whose sizes come from a generator seeded by the input:
    /// some of one to three bytes (cutting UTF-8 sequences and CRLF pairs), some larger.
    /// The generator is the test suites' `SeededGenerator` (SplitMix64): FuzzSupport compiles
    /// that one file through a symbolic link to Tests/HanziTestSupport, since the main package
    /// does not export its test support as a product.
    public func chunks(of bytes: [UInt8], salt: UInt64 = 0) -> [ArraySlice<UInt8>] {
        var generator = SeededGenerator(seed: FuzzInput.hash(raw) ^ salt)
        var chunks: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count {
            let r = generator.next()
            let limit: UInt64 = switch r % 4 { case 0: 3; case 1: 17; case 2: 257; default: 4099 }
            let size = Int(1 + (r >> 8) % limit)
            let end = min(bytes.count, start + size)
            chunks.append(bytes[start..<end])
            start = end
        }
        return chunks
    }

    /// FNV-1a over `bytes`.
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
