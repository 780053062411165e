import HanziTestSupport
import Testing
@testable import HanziCore

@Suite struct UTF8CodecTests {
    /// Decodes all of `bytes` with the codec.
    static func scalars(_ bytes: [UInt8]) -> [UInt32] {
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            var out: [UInt32] = []
            while i < buffer.count {
                let (scalar, length) = UTF8Codec.decode(buffer, i)
                out.append(scalar)
                i += length
            }
            return out
        }
    }

    /// Encodes `scalars` with both encoders and checks that they agree.
    static func bytes(_ scalars: [UInt32]) -> [UInt8] {
        var appended: [UInt8] = []
        for scalar in scalars { UTF8Codec.encode(scalar, into: &appended) }
        var written = [UInt8](repeating: 0, count: scalars.count * UTF8Codec.maximumSequenceLength)
        let count = written.withUnsafeMutableBufferPointer { buffer in
            var k = 0
            for scalar in scalars { UTF8Codec.encode(scalar, into: buffer, at: &k) }
            return k
        }
        #expect(Array(written[..<count]) == appended)
        return appended
    }

    @Test func everyScalarRoundTripsAndMatchesTheStandardLibrary() {
        var value: UInt32 = 0
        while value <= 0x10_FFFF {
            defer { value += value < 0x1_0000 ? 1 : 97 }  // every BMP scalar, a sample above
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Array(String(Character(scalar)).utf8)
            let encoded = Self.bytes([value])
            #expect(encoded == expected, "U+\(String(value, radix: 16))")
            #expect(UTF8Codec.encodedLength(value) == expected.count)
            #expect(Self.scalars(expected) == [value], "U+\(String(value, radix: 16))")
        }
        #expect(Self.scalars(Array("\u{10FFFF}".utf8)) == [0x10_FFFF])
    }

    @Test(arguments: [
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE6, 0xB1], [0xF0, 0x9F, 0x98], [0xC3],
    ] as [[UInt8]])
    func malformedLeadBytesDecodeAsThemselves(_ bytes: [UInt8]) {
        let decoded = Self.scalars(bytes)
        // The lead byte stands for itself; what follows is decoded on its own.
        #expect(decoded.first == UTF8Codec.invalidByteBase + UInt32(bytes[0]))
        #expect(UTF8Codec.encodedLength(decoded[0]) == 1)
        #expect(Self.bytes(decoded) == bytes)
    }

    @Test func aSequenceCutByTheEndIsNotReadPastTheEnd() {
        let text = Array("汉😀".utf8)
        text.withUnsafeBufferPointer { buffer in
            // `end` cuts the four-byte sequence: its lead byte decodes as a raw byte.
            let cut = UTF8Codec.decode(buffer.baseAddress!, 3, 5)
            #expect(cut.scalar == UTF8Codec.invalidByteBase + 0xF0 && cut.length == 1)
            let whole = UTF8Codec.decode(buffer.baseAddress!, 3, 7)
            #expect(whole.scalar == 0x1F600 && whole.length == 4)
        }
    }

    @Test func randomBytesRoundTripAndValidTextDecodesLikeTheStandardLibrary() throws {
        var random = SeededGenerator(seed: 9)
        let pieces: [[UInt8]] = [
            Array("漢字".utf8), Array("a".utf8), Array("😀".utf8), Array("é".utf8), [0x80], [0xE6, 0xB1], [0xFF],
            [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x0A], [0x0D],
        ]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.int(0...40) { bytes += pieces[random.int(0...(pieces.count - 1))] }
            let decoded = Self.scalars(bytes)
            #expect(Self.bytes(decoded) == bytes)
            let valid = bytes.withUnsafeBufferPointer { buffer in
                (try? UTF8Validator.validate(buffer)) != nil
            }
            // The codec calls a byte invalid exactly when the validator rejects the text.
            #expect(valid == decoded.allSatisfy { $0 < UTF8Codec.invalidByteBase })
            if valid {
                let expected = String(decoding: bytes, as: UTF8.self).unicodeScalars.map(\.value)
                #expect(decoded == expected)
            }
        }
    }
}
