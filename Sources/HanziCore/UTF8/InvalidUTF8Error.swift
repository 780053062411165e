/// The input bytes are not well-formed UTF-8.
///
/// The byte-level conversion APIs check the whole input (or, when streaming, every chunk)
/// before any byte reaches libopencc, and throw this error for the first malformed sequence.
/// ``byteOffset`` counts from the start of the input, or of the whole stream.
public struct InvalidUTF8Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why a byte sequence is not well-formed UTF-8.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// A continuation byte (`80`–`BF`) where a character should start.
        case unexpectedContinuationByte
        /// A byte that never occurs in UTF-8 (`F8`–`FF`).
        case invalidByte
        /// A lead byte not followed by enough continuation bytes, either because another
        /// character starts or because the input ends.
        case truncatedSequence
        /// A character encoded with more bytes than needed (`C0`, `C1`, `E0 80`–`9F`, `F0 80`–`8F`).
        case overlongEncoding
        /// A UTF-16 surrogate code point (U+D800–U+DFFF, `ED A0`–`BF`).
        case surrogate
        /// A code point above U+10FFFF (`F4 90`–`BF`, `F5`–`F7`).
        case beyondUnicode

        /// A short phrase naming the problem.
        public var description: String {
            switch self {
            case .unexpectedContinuationByte: "unexpected continuation byte"
            case .invalidByte: "byte that never occurs in UTF-8"
            case .truncatedSequence: "truncated multi-byte sequence"
            case .overlongEncoding: "overlong encoding"
            case .surrogate: "encoded UTF-16 surrogate"
            case .beyondUnicode: "code point beyond U+10FFFF"
            }
        }
    }

    /// The offset of the first bad byte: the lead byte of a malformed multi-byte sequence,
    /// or the stray byte itself.
    public let byteOffset: Int
    /// What is wrong with the bytes at ``byteOffset``.
    public let reason: Reason
    /// The bad bytes: the malformed sequence (at most four bytes) starting at ``byteOffset``.
    public let bytes: [UInt8]

    /// Creates an error for the malformed `bytes` found at `byteOffset`.
    public init(byteOffset: Int, reason: Reason, bytes: [UInt8]) {
        self.byteOffset = byteOffset
        self.reason = reason
        self.bytes = bytes
    }

    /// A one-line description: the offset, the reason and the bytes in hexadecimal.
    public var description: String {
        "invalid UTF-8 at byte offset \(byteOffset): \(reason) (\(HexadecimalByte.text(bytes)))"
    }

    /// The same error with its offset moved by `base` bytes, for errors found in a piece of
    /// a larger input.
    func shifted(by base: Int) -> InvalidUTF8Error {
        InvalidUTF8Error(byteOffset: byteOffset + base, reason: reason, bytes: bytes)
    }
}
