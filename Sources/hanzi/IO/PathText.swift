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
