/// How messages show a byte: two uppercase hexadecimal digits (`"0A"`, `"E4"`), the one
/// formatter for the bad bytes that error messages name.
package enum HexadecimalByte {
    private static let digits: [Character] = Array("0123456789ABCDEF")

    /// `byte` as two uppercase hexadecimal digits.
    package static func text(_ byte: UInt8) -> String {
        String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// `bytes` as two-digit hexadecimal numbers separated by single spaces (`"E4 B8"`).
    package static func text(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { text($0) }.joined(separator: " ")
    }
}
