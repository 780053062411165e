import HanziTestSupport
import Testing
@testable import HanziCore

@Suite struct LineTerminatorTests {
    /// Every terminator of the text, the slow way: its offset, kind and length.
    static func terminators(_ bytes: [UInt8]) -> [(Int, LineTerminator, Int)] {
        var result: [(Int, LineTerminator, Int)] = []
        var i = 0
        while i < bytes.count {
            let rest = Array(bytes[i...])
            if rest.starts(with: [0xE2, 0x80, 0xA9]) { result.append((i, .paragraph, 3)); i += 3; continue }
            if rest.starts(with: [0xE2, 0x80, 0xA8]) { result.append((i, .line, 3)); i += 3; continue }
            if rest.starts(with: [0xC2, 0x85]) { result.append((i, .line, 2)); i += 2; continue }
            switch bytes[i] {
            case 0x0A, 0x0B, 0x0D: result.append((i, .line, 1))
            case 0x0C: result.append((i, .page, 1))
            default: break
            }
            i += 1
        }
        return result
    }

    /// Text of terminators, near misses (the lead bytes of NEL, U+2028 and U+2029 in other
    /// characters, control bytes that end no line) and ordinary characters.
    static func randomText(_ random: inout SeededGenerator) -> [UInt8] {
        let pieces: [[UInt8]] = [
            [0x0A], [0x0B], [0x0C], [0x0D], [0x0D, 0x0A], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9],
            Array("“”…—é字，".utf8), [0xC2, 0xA0], [0xE2, 0x80, 0x9C], [0x09], [0x00], [0x0E], [0x61], [0x20],
        ]
        var bytes: [UInt8] = []
        for _ in 0..<random.int(0...40) { bytes += pieces[random.int(0...(pieces.count - 1))] }
        return bytes
    }

    @Test func findsEveryTerminatorAsTheSlowWayDoes() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<3000 {
            let bytes = Self.randomText(&random)
            var found: [(Int, LineTerminator, Int)] = []
            bytes.withUnsafeBufferPointer { text in
                var i = 0
                while true {
                    i = LineTerminator.firstCandidate(in: text, from: i, to: text.count)
                    guard i < text.count else { break }
                    switch LineTerminator.match(in: text, at: i, end: text.count) {
                    case .terminator(let kind, let length):
                        found.append((i, kind, length))
                        i += length
                    case .incomplete, .none:
                        i += 1
                    }
                }
            }
            let expected = Self.terminators(bytes)
            #expect(found.map(\.0) == expected.map(\.0), "\(bytes)")
            #expect(found.map(\.1) == expected.map(\.1), "\(bytes)")
            #expect(found.map(\.2) == expected.map(\.2), "\(bytes)")
        }
    }

    @Test func candidatesSkipOnlyBytesThatBeginNoTerminator() {
        let bytes = Array("中文字abc，“”".utf8) + [0x0E, 0x7F, 0xC3, 0xA9]
        bytes.withUnsafeBufferPointer { text in
            // `“` and `”` begin with E2: candidates, not terminators
            let first = LineTerminator.firstCandidate(in: text, from: 0, to: text.count)
            #expect(first == Array("中文字abc，".utf8).count)
            #expect(LineTerminator.match(in: text, at: first, end: text.count) == .none)
            #expect(LineTerminator.firstCandidate(in: text, from: first + 6, to: text.count) == text.count)
        }
    }

    @Test func aTerminatorCutByTheEndIsIncomplete() {
        for bytes: [UInt8] in [[0xC2], [0xE2], [0xE2, 0x80]] {
            bytes.withUnsafeBufferPointer { text in
                #expect(LineTerminator.match(in: text, at: 0, end: text.count) == .incomplete)
            }
        }
        [UInt8]([0xE2, 0x81, 0xA8]).withUnsafeBufferPointer { text in
            #expect(LineTerminator.match(in: text, at: 0, end: text.count) == .none)
        }
    }

    /// Every byte value at every position of two vector blocks and the eight- and one-byte
    /// steps after them, from every start: the first candidate is the first byte below 0x0E or
    /// equal to C2 or E2 at or after the start, as the byte-at-a-time definition gives.
    @Test func theVectorStepsFindTheFirstCandidateAtEveryPosition() {
        let filler = Array("中文，字".utf8)  // no byte below 0x0E, no C2 or E2
        for length in [15, 16, 17, 31, 33, 47] {
            let base = (0..<length).map { filler[$0 % filler.count] }
            for position in 0..<length {
                for value in 0...255 {
                    var bytes = base
                    bytes[position] = UInt8(value)
                    bytes.withUnsafeBufferPointer { text in
                        for start in [0, 1, position, min(position + 1, length)] {
                            let expected = (start..<length).first {
                                bytes[$0] < 0x0E || bytes[$0] == 0xC2 || bytes[$0] == 0xE2
                            } ?? length
                            let found = LineTerminator.firstCandidate(in: text, from: start, to: length)
                            if found != expected {
                                Issue.record("byte \(value) at \(position) of \(length), from \(start): \(found), not \(expected)")
                            }
                        }
                    }
                }
            }
        }
    }
}

