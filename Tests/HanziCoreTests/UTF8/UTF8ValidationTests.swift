import HanziTestSupport
import Foundation
import Testing
@testable import HanziCore

@Suite struct UTF8ValidationTests {
    /// The error ``UTF8Validator`` reports for `bytes` in one piece, if any.
    static func failure(_ bytes: [UInt8]) -> InvalidUTF8Error? {
        do {
            _ = try bytes.withUnsafeBufferPointer { buffer throws(InvalidUTF8Error) in
                try UTF8Validator.validate(buffer)
            }
            return nil
        } catch {
            return error
        }
    }

    @Test func wellFormedInputIsAccepted() throws {
        for text in ["", "a", "汉字", "😀", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
                     "\u{FEFF}BOM", "ascii only, long enough to take the sixteen-byte path twice over",
                     "\u{D7FF}\u{E000}", "a\0b"] {
            #expect(Self.failure(Array(text.utf8)) == nil, "\(text)")
        }
    }

    @Test(arguments: [
        ([0xFF, 0xFE], 0, InvalidUTF8Error.Reason.invalidByte),
        ([0x41, 0x80, 0x41], 1, .unexpectedContinuationByte),
        (Array("汉字".utf8) + [0xE5, 0xAD], 6, .truncatedSequence),
        ([0x41, 0xE5, 0x41], 1, .truncatedSequence),
        ([0xED, 0xA0, 0x80], 0, .surrogate),
        ([0x61, 0xED, 0xBF, 0xBF], 1, .surrogate),
        ([0xC0, 0xAF], 0, .overlongEncoding),
        ([0xC1, 0xBF], 0, .overlongEncoding),
        ([0xE0, 0x80, 0xAF], 0, .overlongEncoding),
        ([0xF0, 0x8F, 0xBF, 0xBF], 0, .overlongEncoding),
        ([0xF4, 0x90, 0x80, 0x80], 0, .beyondUnicode),
        ([0xF5, 0x80, 0x80, 0x80], 0, .beyondUnicode),
        ([0xF8, 0x88, 0x80, 0x80, 0x80], 0, .invalidByte),
        ([0xF0, 0x9F, 0x98], 0, .truncatedSequence),
        ([0xF0, 0x9F, 0x98, 0x41], 0, .truncatedSequence),
        ([0xC3], 0, .truncatedSequence),
    ] as [([UInt8], Int, InvalidUTF8Error.Reason)])
    func malformedInputIsRejectedAtItsOffset(bytes: [UInt8], offset: Int, reason: InvalidUTF8Error.Reason) throws {
        // Put the bad bytes after runs of ASCII and Han of several lengths, so both the
        // sixteen-byte ASCII path and the multi-byte path lead to them.
        for prefix in ["", "a", String(repeating: "x", count: 37), "汉字 and ascii: 0123456789abcdef"] {
            let input = Array(prefix.utf8) + bytes
            let error = try #require(Self.failure(input))
            #expect(error.byteOffset == prefix.utf8.count + offset, "\(input)")
            #expect(error.reason == reason, "\(input)")
            #expect(error.description.contains("byte offset \(prefix.utf8.count + offset)"))
        }
    }

    @Test func incompleteTailIsCarriedWhenAllowed() throws {
        let text = Array("汉字😀".utf8)
        for cut in 0...text.count {
            let prefix = Array(text[..<cut])
            let valid = try prefix.withUnsafeBufferPointer { buffer throws(InvalidUTF8Error) in
                try UTF8Validator.validate(buffer, allowingIncompleteTail: true)
            }
            let boundaries = [0, 3, 6, 10]
            #expect(valid == boundaries.last(where: { $0 <= cut }), "cut at \(cut)")
        }
        // A tail that is already wrong is rejected even when incomplete tails are allowed.
        let bad: [UInt8] = [0x41, 0xE0, 0x80]
        #expect(throws: InvalidUTF8Error.self) {
            try bad.withUnsafeBufferPointer { buffer throws(InvalidUTF8Error) in
                try UTF8Validator.validate(buffer, allowingIncompleteTail: true)
            }
        }
    }

    /// The offset of the first ill-formed subsequence according to the standard library's
    /// UTF-8 parser, or `nil` for well-formed input.
    private func standardLibraryErrorOffset(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var random = SeededGenerator(seed: 0x5EED_0001)
        // Bytes biased towards the interesting ranges: ASCII, continuation bytes, lead bytes.
        let pool: [UInt8] = Array(0x00...0x7F) + Array(0x80...0xBF) + Array(0x80...0xBF) + Array(0xC0...0xFF)
            + [0xE0, 0xED, 0xF0, 0xF4, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9]
        let text = Array("汉字，漢字。abc😀".utf8)
        for round in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &random) {
                if Bool.random(using: &random) {
                    bytes.append(pool.randomElement(using: &random)!)
                } else {
                    let start = Int.random(in: 0..<text.count, using: &random)
                    bytes += text[start..<min(text.count, start + Int.random(in: 1...6, using: &random))]
                }
            }
            let expected = standardLibraryErrorOffset(bytes)
            let found = Self.failure(bytes)
            #expect(found?.byteOffset == expected, "round \(round): \(bytes)")
            if found == nil {
                #expect(String(validating: bytes, as: UTF8.self) != nil)
            }
        }
    }

    /// Runs of three-byte characters (the validator's fast path) with one byte replaced at
    /// every position, and cut at every length: the same first error as the standard library,
    /// and the same complete prefix when an incomplete tail is allowed.
    @Test func runsOfThreeByteCharactersWithOneBadByteAgreeWithTheStandardLibrary() throws {
        // E0 and ED leads (restricted second bytes), other three-byte leads, ASCII, two- and four-byte.
        let text = Array("汉字\u{800}\u{D7FF}中文，\u{FFFF}\u{E000}a漢字é😀測試".utf8)
        let replacements: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF,
                                     0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for position in 0..<text.count {
            for replacement in replacements {
                var bytes = text
                bytes[position] = replacement
                for cut in [bytes.count, position + 1, position + 2, position + 3] where cut <= bytes.count {
                    let input = Array(bytes[..<cut])
                    let expected = standardLibraryErrorOffset(input)
                    #expect(Self.failure(input)?.byteOffset == expected, "\(input)")
                    let tail: Int? = try? input.withUnsafeBufferPointer { buffer throws(InvalidUTF8Error) in
                        try UTF8Validator.validate(buffer, allowingIncompleteTail: true)
                    }
                    if let tail {
                        // The accepted prefix is well-formed, and what is held back is a cut character.
                        #expect(String(validating: input[..<tail], as: UTF8.self) != nil, "\(input)")
                        #expect(input.count - tail < 4, "\(input)")
                        #expect(expected == nil || expected! >= tail, "\(input)")
                    } else {
                        #expect(expected != nil, "\(input)")
                    }
                }
            }
        }
    }
}
