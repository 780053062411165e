/// Bytes that an encoding cannot decode, with the input offset where they start.
public struct TextDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The encoding the input was decoded from.
    public var encoding: TextEncoding
    /// The offset, from the start of the input, of the first byte that cannot be decoded.
    public var byteOffset: Int
    /// Whether the input ends inside a character (rather than holding an invalid sequence).
    public var atEnd: Bool

    public init(encoding: TextEncoding, byteOffset: Int, atEnd: Bool) {
        self.encoding = encoding
        self.byteOffset = byteOffset
        self.atEnd = atEnd
    }

    public var description: String {
        atEnd
            ? "the input ends inside a character (\(encoding.rawValue)) at byte \(byteOffset)"
            : "invalid \(encoding.rawValue) at byte \(byteOffset)"
    }
}
