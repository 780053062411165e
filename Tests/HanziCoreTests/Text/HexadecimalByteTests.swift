import Testing

@testable import HanziCore

@Suite struct HexadecimalByteTests {
    @Test func everyByteIsTwoUppercaseDigitsThatReadBackAsTheByte() {
        for byte in UInt8.min...UInt8.max {
            let text = HexadecimalByte.text(byte)
            #expect(text.utf8.count == 2)
            #expect(text == text.uppercased())
            #expect(UInt8(text, radix: 16) == byte)
        }
    }

    @Test func bytesAreSeparatedBySingleSpaces() {
        #expect(HexadecimalByte.text([0x0A, 0xE4, 0xB8]) == "0A E4 B8")
        #expect(HexadecimalByte.text([UInt8]()) == "")
        #expect(InvalidUTF8Error(byteOffset: 3, reason: .invalidByte, bytes: [0xFF]).description
            == "invalid UTF-8 at byte offset 3: byte that never occurs in UTF-8 (FF)")
    }
}
