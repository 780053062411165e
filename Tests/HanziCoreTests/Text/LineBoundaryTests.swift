import HanziTestSupport
import Testing
@testable import HanziCore

@Suite struct LineBoundaryTests {
    /// Every offset just after a boundary, found the slow way.
    static func boundaries(_ bytes: [UInt8], _ boundary: LineBoundary) -> [Int] {
        var result: [Int] = []
        for i in stride(from: 1, through: bytes.count, by: 1) {
            let previous = bytes[i - 1]
            switch boundary {
            case .lineBreak where previous == 0x0A || previous == 0x0D: result.append(i)
            case .lineFeed where previous == 0x0A: result.append(i)
            case .blankLine where previous == 0x0A:
                if bytes[..<(i - 1)].last == 0x0A || bytes[..<(i - 1)].suffix(2) == [0x0A, 0x0D] { result.append(i) }
            default: break
            }
        }
        return result
    }

    static func randomText(_ random: inout SeededGenerator) -> [UInt8] {
        let pieces: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], Array("字".utf8), [0x61], [0x20]]
        var bytes: [UInt8] = []
        for _ in 0..<random.int(0...30) { bytes += pieces[random.int(0...(pieces.count - 1))] }
        return bytes
    }

    @Test(arguments: [LineBoundary.lineBreak, .lineFeed, .blankLine])
    func scansAgreeWithTheSlowWay(_ boundary: LineBoundary) {
        var random = SeededGenerator(seed: 41)
        for _ in 0..<3000 {
            let bytes = Self.randomText(&random)
            let all = Self.boundaries(bytes, boundary)
            let start = random.int(0...bytes.count)
            let end = random.int(start...bytes.count)
            bytes.withUnsafeBufferPointer { text in
                let inRange = all.filter { $0 > start && $0 <= end }
                #expect(boundary.last(in: text, from: start, to: end) == inRange.last)
                #expect(boundary.first(in: text, from: start, to: end) == inRange.first)
                let limit = random.int(1...12)
                let pieceEnd = boundary.pieceEnd(in: text, from: start, to: end, limit: limit)
                if end - start <= limit {
                    #expect(pieceEnd == end)
                } else if let last = all.last(where: { $0 > start && $0 <= start + limit }) {
                    #expect(pieceEnd == last)
                } else {
                    #expect(pieceEnd == (all.first { $0 > start + limit && $0 <= end } ?? end))
                }
            }
            #expect(boundary.last(in: bytes) == (all.last ?? 0))
        }
    }

    @Test func aCarriageReturnLineFeedIsOneBlankLineBoundary() {
        let bytes = Array("a\n\r\nb\n\nc".utf8)
        bytes.withUnsafeBufferPointer { text in
            #expect(LineBoundary.blankLine.first(in: text) == 4)
            #expect(LineBoundary.blankLine.last(in: text) == 7)
            #expect(LineBoundary.lineBreak.first(in: text) == 2)
            #expect(LineBoundary.lineFeed.last(in: text, from: 0, to: 5) == 4)
        }
    }

    /// `text` cut into pieces of at most `limit` bytes after line breaks (LF or CR).
    private func pieces(_ text: String, limit: Int) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var result: [String] = []
            var start = 0
            while start < bytes.count {
                let end = LineBoundary.lineBreak.pieceEnd(in: buffer, from: start, to: bytes.count, limit: limit)
                result.append(String(decoding: bytes[start..<end], as: UTF8.self))
                start = end
            }
            return result
        }
    }

    @Test func piecesEndAfterTheLastLineBreakWithinTheLimit() {
        #expect(pieces("ab\ncd\nef", limit: 7) == ["ab\ncd\n", "ef"])
        #expect(pieces("ab\ncd\nef", limit: 100) == ["ab\ncd\nef"])
        #expect(pieces("ab\r\ncd\ref", limit: 4) == ["ab\r\n", "cd\r", "ef"])
        #expect(pieces("ab\r\ncd", limit: 3) == ["ab\r", "\ncd"])
    }

    @Test func aLongLineIsNeverCut() {
        #expect(pieces("abcdefgh\nij", limit: 3) == ["abcdefgh\n", "ij"])
        #expect(pieces("abcdefgh\rij\nk", limit: 3) == ["abcdefgh\r", "ij\n", "k"])
        #expect(pieces("abcdefgh", limit: 3) == ["abcdefgh"])
        #expect(pieces("汉字汉字汉字", limit: 4) == ["汉字汉字汉字"])
    }
}
