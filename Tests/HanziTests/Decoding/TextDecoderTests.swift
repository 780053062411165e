import Foundation
import Hanzi
import HanziTestSupport
import Testing

/// The library's decoder: every encoding to the same UTF-8 whatever the chunking, invalid
/// bytes reported at their input offset, UTF-16 found by its byte order mark.
@Suite struct TextDecoderTests {
    static let text = "汉字漢字，A1\n"

    /// `text` in `encoding`, with known bytes: 汉字 and 漢字 in each legacy encoding.
    static func encoded(_ encoding: TextEncoding) -> [UInt8] {
        switch encoding {
        case .utf8: Array(text.utf8)
        case .gb18030, .gbk: [0xBA, 0xBA, 0xD7, 0xD6, 0x9D, 0x68, 0xD7, 0xD6, 0xA3, 0xAC, 0x41, 0x31, 0x0A]
        case .big5, .big5HKSCS: big5
        case .utf16: [0xFF, 0xFE] + utf16(littleEndian: true)
        case .utf16LE: utf16(littleEndian: true)
        case .utf16BE: utf16(littleEndian: false)
        }
    }

    /// `text` in Big5: 汉 is not in Big5, so the text is checked in its own test
    /// (``big5AndBig5HKSCSDecodeTraditionalText()``); this is its Big5 part only.
    static let big5: [UInt8] = [0xBA, 0x7E, 0xA6, 0x72, 0x0A]

    static func utf16(littleEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            return littleEndian ? [low, high] : [high, low]
        }
    }

    @Test(arguments: [TextEncoding.gb18030, .gbk, .utf16, .utf16LE, .utf16BE, .utf8])
    func decodesToTheSameUTF8WhateverTheChunking(_ encoding: TextEncoding) throws {
        let input = Self.encoded(encoding)
        let expected = Array(Self.text.utf8)
        #expect(try TextDecoder.decode(input, from: encoding) == expected)
        #expect(try TextDecoder.decode(Data(input), from: encoding) == expected)
        for cut in 0...input.count {
            for second in cut...input.count {
                let decoder = try TextDecoder(from: encoding)
                var output: [UInt8] = []
                try decoder.feed(input[0..<cut], into: &output)
                try decoder.feed(input[cut..<second], into: &output)
                try decoder.feed(input[second...], into: &output)
                try decoder.finish(into: &output)
                #expect(output == expected, "\(encoding) cut at \(cut), \(second)")
            }
        }
    }

    @Test func big5AndBig5HKSCSDecodeTraditionalText() throws {
        // 漢字 in Big5: BA 7E A6 72; 香港 in Big5: AD BB B4 E4.
        let big5: [UInt8] = [0xBA, 0x7E, 0xA6, 0x72, 0xAD, 0xBB, 0xB4, 0xE4, 0x0A]
        for encoding in [TextEncoding.big5, .big5HKSCS] {
            #expect(try TextDecoder.decode(big5, from: encoding) == Array("漢字香港\n".utf8), "\(encoding)")
        }
    }

    @Test(arguments: [TextEncoding.gb18030, .gbk, .big5])
    func anInvalidSequenceIsReportedAtItsInputOffset(_ encoding: TextEncoding) throws {
        // 0xFF is never a lead byte in these encodings; it sits at offset 6 in the input.
        let input: [UInt8] = [0x41, 0x42, 0xBA, 0xBA, 0x43, 0x44, 0xFF, 0x45, 0x0A]
        for chunkSize in 1...input.count {
            let decoder = try TextDecoder(from: encoding)
            var output: [UInt8] = []
            let error = #expect(throws: TextDecodingError.self) {
                for start in stride(from: 0, to: input.count, by: chunkSize) {
                    try decoder.feed(input[start..<min(start + chunkSize, input.count)], into: &output)
                }
                try decoder.finish(into: &output)
            }
            #expect(error?.byteOffset == 6, "\(encoding), chunks of \(chunkSize)")
            #expect(error?.atEnd == false)
        }
    }

    @Test func aCharacterCutByTheEndIsReportedByFinish() throws {
        let decoder = try TextDecoder(from: .gb18030)
        var output: [UInt8] = []
        try decoder.feed([0x41, 0xBA, 0xBA, 0xD7], into: &output)
        #expect(output == Array("A汉".utf8))
        let error = #expect(throws: TextDecodingError.self) { try decoder.finish(into: &output) }
        #expect(error == TextDecodingError(encoding: .gb18030, byteOffset: 3, atEnd: true))
    }

    @Test(arguments: [true, false])
    func utf8InputWithAUTF16ByteOrderMarkIsDecodedAsUTF16(_ littleEndian: Bool) throws {
        let input = (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) + Self.utf16(littleEndian: littleEndian)
        for cut in 0...3 {
            let decoder = try TextDecoder(from: .utf8)
            var output: [UInt8] = []
            try decoder.feed(input[0..<cut], into: &output)
            try decoder.feed(input[cut...], into: &output)
            try decoder.finish(into: &output)
            #expect(output == Array(Self.text.utf8))
            #expect(decoder.detectedEncoding == .utf16)
        }
    }

    @Test func utf8PassesThroughUnchangedWithItsByteOrderMarkAndInvalidBytes() throws {
        // Validation (and dropping the UTF-8 byte order mark) is the pipeline's, at input offsets.
        for input: [UInt8] in [[0xEF, 0xBB, 0xBF, 0x41], [0x41, 0xFF, 0xFE], [0xFF], [], [0xFE]] {
            #expect(try TextDecoder.decode(input, from: .utf8) == input)
        }
    }

    @Test func aFileIsDecodedWhole() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hanzi-decoder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Self.encoded(.gb18030)).write(to: url)
        #expect(try TextDecoder.decode(contentsOf: url, from: .gb18030) == Array(Self.text.utf8))
    }

    @Test func aFileThatCannotBeReadIsAPOSIXErrorWithItsCode() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/hanzi-decoder-\(UUID().uuidString)")
        let error = try #require(throws: POSIXError.self) { try TextDecoder.decode(contentsOf: missing, from: .utf8) }
        #expect(error.code == .ENOENT)
        let folder = try #require(throws: POSIXError.self) {
            try TextCleaner().clean(contentsOf: FileManager.default.temporaryDirectory)
        }
        #expect(folder.code == .EISDIR)
    }

    @Test func namesInAnyCaseAndTheUsualSpellings() {
        #expect(TextEncoding(name: "GB18030") == .gb18030)
        #expect(TextEncoding(name: "utf8") == .utf8)
        #expect(TextEncoding(name: "Big5HKSCS") == .big5HKSCS)
        #expect(TextEncoding(name: "UTF-16LE") == .utf16LE)
        #expect(TextEncoding(name: "latin1") == nil)
    }
}
