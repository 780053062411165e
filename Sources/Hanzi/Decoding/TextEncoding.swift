/// The text encodings Hanzi decodes to UTF-8: UTF-8 itself, the Chinese national and legacy
/// encodings, and UTF-16.
///
/// ```swift
/// let encoding = TextEncoding(name: "GB18030")      // .gb18030
/// let utf8 = try TextDecoder.decode(fileBytes, from: .big5)
/// ```
public enum TextEncoding: String, CaseIterable, Sendable, Hashable {
    /// UTF-8; a byte order mark is dropped, and a UTF-16 byte order mark switches to UTF-16.
    case utf8 = "utf-8"
    /// GB 18030, the Chinese national standard (a superset of GBK and GB 2312).
    case gb18030
    /// GBK.
    case gbk
    /// Big5, as used in Taiwan.
    case big5
    /// Big5 with the Hong Kong Supplementary Character Set.
    case big5HKSCS = "big5-hkscs"
    /// UTF-16 in the byte order its byte order mark gives, big-endian without one.
    case utf16 = "utf-16"
    /// UTF-16, little-endian (a leading byte order mark is kept as U+FEFF).
    case utf16LE = "utf-16le"
    /// UTF-16, big-endian (a leading byte order mark is kept as U+FEFF).
    case utf16BE = "utf-16be"

    /// The encoding a name denotes, in any case: the raw values, and the spellings `utf8`,
    /// `utf16`, `big5hkscs` and `gb-18030`; `nil` for any other name.
    public init?(name: String) {
        let lower = name.lowercased()
        switch lower {
        case "utf8": self = .utf8
        case "utf16": self = .utf16
        case "big5hkscs": self = .big5HKSCS
        case "gb-18030": self = .gb18030
        default:
            guard let found = TextEncoding(rawValue: lower) else { return nil }
            self = found
        }
    }

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
}
