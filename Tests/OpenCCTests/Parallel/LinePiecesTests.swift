import Testing
@testable import OpenCC

@Suite struct LinePiecesTests {
    private func pieces(_ text: String, limit: Int) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var result: [String] = []
            var start = 0
            while start < bytes.count {
                let end = LinePieces.pieceEnd(buffer.baseAddress!, from: start, to: bytes.count, limit: limit)
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

    @Test func piecesJoinToTheInput() {
        var generator = TextGenerator(seed: 7)
        for _ in 0..<500 {
            let text = generator.next(maxPieces: 80)
            for limit in [1, 2, 5, 40, 1000] {
                let cut = pieces(text, limit: limit)
                #expect(Array(cut.joined().utf8) == Array(text.utf8))
                #expect(cut.dropLast().allSatisfy { $0.utf8.last == 0x0A || $0.utf8.last == 0x0D })
            }
        }
    }
}
