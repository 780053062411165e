import HanziTestSupport
import Testing
import HanziCore

@Suite struct UTF8StreamValidatorTests {
    /// The offset of the first ill-formed sequence according to the standard library's decoder.
    static func referenceFirstError(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    static func randomBytes(_ rng: inout SeededGenerator) -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("汉字".utf8), Array("a".utf8), Array("𠀀".utf8), Array("é".utf8), [0xE4], [0xB8], [0xF0, 0x9F],
            [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x0A], Array("。".utf8),
        ]
        var out: [UInt8] = []
        let count = Int.random(in: 0...12, using: &rng)
        for _ in 0..<count {
            // Mostly valid pieces, so that errors come at various depths.
            let index = Int.random(in: 0..<100, using: &rng) < 85
                ? [0, 1, 2, 3, 11, 12].randomElement(using: &rng)!
                : Int.random(in: 0..<pieces.count, using: &rng)
            out += pieces[index]
        }
        return out
    }

    @Test func agreesWithTheStandardLibraryOverRandomInputsAndChunkings() throws {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<3000 {
            let bytes = Self.randomBytes(&rng)
            let expected = Self.referenceFirstError(bytes)
            // Chunked at random places.
            var validator = UTF8StreamValidator(dropsByteOrderMark: false)
            var output: [UInt8] = []
            var found: InvalidUTF8Error?
            var start = 0
            do {
                while start < bytes.count {
                    let end = min(bytes.count, start + Int.random(in: 1...5, using: &rng))
                    try validator.validate(Array(bytes[start..<end]), appendingTo: &output)
                    start = end
                }
                try validator.finish()
            } catch {
                found = error
            }
            #expect(found?.byteOffset == expected, "\(bytes)")
            // However the stream is cut, the error is the one for the whole input at once
            // (its bytes may stop early, at the end of the chunk where it was found).
            let whole = UTF8ValidationTests.failure(bytes)
            #expect(found?.reason == whole?.reason, "\(bytes)")
            if let found, let whole {
                #expect(found.bytes.count <= whole.bytes.count && whole.bytes.starts(with: found.bytes), "\(bytes)")
            }
            if expected == nil { #expect(output == bytes) }
        }
    }

    @Test func dropsOnlyALeadingByteOrderMarkEvenWhenSplit() throws {
        let text: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("汉\u{FEFF}字".utf8)
        for split in 0...text.count {
            var validator = UTF8StreamValidator()
            var output: [UInt8] = []
            try validator.validate(Array(text[..<split]), appendingTo: &output)
            try validator.validate(Array(text[split...]), appendingTo: &output)
            try validator.finish()
            #expect(output == Array("汉\u{FEFF}字".utf8), "split at \(split)")
        }
    }

    @Test func reportsTheOffsetOfATruncatedSequenceAtTheEnd() {
        var validator = UTF8StreamValidator()
        var output: [UInt8] = []
        #expect(throws: InvalidUTF8Error(byteOffset: 3, reason: .truncatedSequence, bytes: [0xE6, 0xB1])) {
            try validator.validate(Array("abc".utf8) + [0xE6, 0xB1], appendingTo: &output)
            try validator.finish()
        }
    }
}
