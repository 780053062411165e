/// The system cannot decode an encoding (its iconv does not know it).
public struct UnsupportedEncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The encoding.
    public var encoding: TextEncoding
    /// The system's `errno` from `iconv_open`.
    public var code: Int32

    public init(encoding: TextEncoding, code: Int32) {
        self.encoding = encoding
        self.code = code
    }

    public var description: String { "this system cannot decode \(encoding.rawValue)" }
}
