import HanziTestSupport
import Testing
import HanziCore

/// The validator's sixteen-byte vector path (and the sequence-at-a-time path it falls back to)
/// against a byte-at-a-time reference of The Unicode Standard's table 3-7, kept here as
/// the oracle: the same result, error offset, reason and bytes, and the same complete prefix
/// with an incomplete tail allowed, over long generated and adversarial texts.
@Suite struct UTF8ValidatorWordPathTests {
    /// Byte at a time, as the validator was before its word paths: the first malformed
    /// sequence's error, or the count of bytes that form complete characters.
    static func reference(_ bytes: [UInt8], allowingIncompleteTail: Bool) -> Result<Int, InvalidUTF8Error> {
        func error(_ reason: InvalidUTF8Error.Reason, _ offset: Int, _ maximumLength: Int) -> Result<Int, InvalidUTF8Error> {
            var end = offset + 1
            while end < bytes.count && end - offset < maximumLength && bytes[end] & 0xC0 == 0x80 { end += 1 }
            return .failure(InvalidUTF8Error(byteOffset: offset, reason: reason, bytes: Array(bytes[offset..<end])))
        }
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            var above = InvalidUTF8Error.Reason.overlongEncoding
            switch lead {
            case 0x80...0xBF: return error(.unexpectedContinuationByte, i, 1)
            case 0xC0, 0xC1: return error(.overlongEncoding, i, 2)
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xED: length = 3; high = 0x9F; above = .surrogate
            case 0xE1...0xEF: length = 3
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F; above = .beyondUnicode
            case 0xF5...0xF7: return error(.beyondUnicode, i, 4)
            default: return error(.invalidByte, i, 1)
            }
            for k in 1..<length {
                if i + k >= bytes.count {
                    return allowingIncompleteTail ? .success(i) : error(.truncatedSequence, i, k)
                }
                let byte = bytes[i + k]
                if byte & 0xC0 != 0x80 { return error(.truncatedSequence, i, k) }
                if k == 1 && byte < low { return error(.overlongEncoding, i, length) }
                if k == 1 && byte > high { return error(above, i, length) }
            }
            i += length
        }
        return .success(bytes.count)
    }

    static func validator(_ bytes: [UInt8], allowingIncompleteTail: Bool) -> Result<Int, InvalidUTF8Error> {
        bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(InvalidUTF8Error) in
                try UTF8Validator.validate(buffer, allowingIncompleteTail: allowingIncompleteTail)
            }
        }
    }

    /// Text made of runs: ASCII, three-byte characters (with E0 and ED leads among them), two-
    /// and four-byte characters, each run long enough to take the word paths several times.
    static func text(_ random: inout SeededGenerator) -> [UInt8] {
        let threeByte = Array("汉字中文，。漢測試\u{800}\u{D7FF}\u{E000}\u{FFFF}\u{FF01}".unicodeScalars)
        let others = Array("aZ0 \n\té\u{7FF}😀\u{10FFFF}\u{10000}".unicodeScalars)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            let run = Int.random(in: 0...40, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0, 1: for _ in 0..<run { scalars.append(threeByte.randomElement(using: &random)!) }
            case 2: for _ in 0..<run { scalars.append(Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &random))) }
            default: for _ in 0..<run / 4 { scalars.append(others.randomElement(using: &random)!) }
            }
        }
        return Array(String(scalars).utf8)
    }

    @Test func wellFormedTextWithOneByteChangedAgreesWithTheReference() {
        var random = SeededGenerator(seed: 0x5EED_0010)
        // Bytes that break each check of the word paths: lead and continuation bits, the
        // restricted leads E0 and ED, surrogates, four-byte leads, invalid bytes.
        let replacements: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                     0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xF8, 0xFF]
        for round in 0..<4_000 {
            var bytes = Self.text(&random)
            if round % 8 != 0, !bytes.isEmpty {
                for _ in 0..<(round % 3 + 1) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = replacements.randomElement(using: &random)!
                }
            }
            if round % 5 == 0, !bytes.isEmpty {
                bytes.removeLast(Int.random(in: 0...min(3, bytes.count), using: &random))
            }
            for allowing in [false, true] {
                let expected = Self.reference(bytes, allowingIncompleteTail: allowing)
                #expect(Self.validator(bytes, allowingIncompleteTail: allowing) == expected, "round \(round): \(bytes)")
            }
            // And the standard library's decoder agrees on where the text stops being UTF-8.
            let expected = UTF8StreamValidatorTests.referenceFirstError(bytes)
            if case .failure(let error) = Self.validator(bytes, allowingIncompleteTail: false) {
                #expect(error.byteOffset == expected, "round \(round): \(bytes)")
            } else {
                #expect(expected == nil, "round \(round): \(bytes)")
            }
        }
    }

    /// Every byte at every position of a text whose two-, three- and four-byte sequences
    /// straddle the sixteen-byte blocks at every offset (the text shifted by 0 to 15 ASCII
    /// bytes), and every pair of bytes at the two positions around each block edge: the
    /// lanes that look back into the block before are where a vector check can go wrong.
    @Test func everyByteAroundTheBlockEdgesOfAMixedTextAgreesWithTheReference() {
        let mixed = Array("a汉é😀\u{800}字\u{7FF}\u{10FFFF}。b\u{D7FF}\u{E000}ñ\u{10000}中\n文\u{FFFF}".utf8)
        let edgeBytes: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                  0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        for shift in 0..<16 {
            let text = Array(repeating: UInt8(ascii: "x"), count: shift) + mixed
            let candidates: [UInt8] = shift == 0 ? Array(0...255) : edgeBytes
            // (shifted, the positions within three bytes of a block edge)
            for position in 0..<text.count where shift == 0 || position % 16 < 4 || position % 16 > 12 {
                for byte in candidates {
                    var bytes = text
                    bytes[position] = byte
                    for allowing in [false, true] {
                        #expect(
                            Self.validator(bytes, allowingIncompleteTail: allowing)
                                == Self.reference(bytes, allowingIncompleteTail: allowing),
                            "shift \(shift): \(bytes)")
                    }
                }
            }
            for edge in stride(from: 16, to: text.count, by: 16) {
                for first in edgeBytes {
                    for second in edgeBytes {
                        var bytes = text
                        bytes[edge - 1] = first
                        bytes[edge] = second
                        #expect(Self.validator(bytes, allowingIncompleteTail: false)
                                    == Self.reference(bytes, allowingIncompleteTail: false), "shift \(shift): \(bytes)")
                    }
                }
            }
            // and the text cut at every length
            for length in 0...text.count {
                let bytes = Array(text[..<length])
                for allowing in [false, true] {
                    #expect(Self.validator(bytes, allowingIncompleteTail: allowing)
                                == Self.reference(bytes, allowingIncompleteTail: allowing), "shift \(shift): \(bytes)")
                }
            }
        }
    }

    @Test func everyByteAtEveryPositionOfAThreeByteRunAgreesWithTheReference() {
        // 16 characters: the four-at-a-time path runs several times, then the one-at-a-time path.
        let text = Array("汉字中文漢字測試中文汉字測試漢字".utf8)
        for position in 0..<text.count {
            for byte in 0...255 {
                var bytes = text
                bytes[position] = UInt8(byte)
                for allowing in [false, true] {
                    #expect(
                        Self.validator(bytes, allowingIncompleteTail: allowing)
                            == Self.reference(bytes, allowingIncompleteTail: allowing),
                        "\(bytes)")
                }
            }
        }
    }
}
