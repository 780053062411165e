/// File names in messages: a name is bytes, and the bytes that are not UTF-8 are shown as
/// `\xNN` so that the name stays recognisable and the message stays valid text.
enum PathText {
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            // The longest valid prefix as it is, then one invalid byte escaped.
            var end = rest.endIndex
            while end > rest.startIndex, String(validating: rest[rest.startIndex..<end], as: UTF8.self) == nil {
                end -= 1
            }
            text += String(decoding: rest[rest.startIndex..<end], as: UTF8.self)
            if end < rest.endIndex {
                text += "\\x" + String(rest[end], radix: 16, uppercase: true).leftPadded
                rest = rest[(end + 1)...]
            } else {
                rest = rest[end...]
            }
        }
        return text
    }
}

private extension String {
    var leftPadded: String { count == 1 ? "0" + self : self }
}

extension PathText {
    /// The bytes of the command-line argument that `argument` was decoded from, when they are
    /// not valid UTF-8 (the decoding replaced some of them with U+FFFD), else nil.
    static func invalidArgument(decodedAs argument: String) -> [UInt8]? {
        guard argument.unicodeScalars.contains("\u{FFFD}") else { return nil }
        for index in 0..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index] else { continue }
            var bytes: [UInt8] = []
            var p = raw
            while p.pointee != 0 {
                bytes.append(UInt8(bitPattern: p.pointee))
                p += 1
            }
            if String(validating: bytes, as: UTF8.self) == nil, String(decoding: bytes, as: UTF8.self) == argument {
                return bytes
            }
        }
        return nil
    }
}
