@testable import Hanzi
import HanziCore
import HanziTestSupport
import Testing

/// A chunk that completes a batch is transformed where it is (`feedInPlace`): the cuts it
/// makes must be boundaries of the whole text, even where an ideographic description
/// operator before the chunk keeps a line break inside the chunk from being one.
@Suite struct LineLocalStreamCutTests {
    /// Every piece handed to the transform ends at a boundary of the whole text, and the
    /// pieces put together are the text, for any chunking.
    @Test(arguments: [LineBoundary.lineBreak, .blankLine])
    func everyCutIsABoundaryOfTheWholeText(boundary: LineBoundary) throws {
        var generator = SeededGenerator(seed: 10)
        let parts: [[UInt8]] = [
            Array("字".utf8), Array("ab".utf8), [0x0A], [0x0A, 0x0A], [0x0D, 0x0A],
            [0xE2, 0xBF, 0xB0], Array("⿱⿰".utf8), Array("。".utf8),
        ]
        for round in 0..<200 {
            var text: [UInt8] = []
            let length = Int.random(in: 200...3_000, using: &generator)
            while text.count < length {
                // Mostly text, now and then a line break or an operator.
                let index = Int.random(in: 0..<100, using: &generator)
                text += index < 70 ? parts[0] : index < 80 ? parts[1] : parts[2 + index % 6]
            }
            let ends = Locked<[Int]>([])
            let consumed = Locked(0)
            var stream = LineLocalStream(
                boundary: boundary, maxConcurrency: 1, pieceSize: Int.random(in: 1...600, using: &generator)
            ) { piece, output in
                consumed.withLock { $0 += piece.count }
                let end = consumed.withLock { $0 }
                ends.withLock { $0.append(end) }
                output.append(contentsOf: piece)
            }
            var output: [UInt8] = []
            var offset = 0
            while offset < text.count {
                let size = min(text.count - offset, Int.random(in: 1...900, using: &generator))
                try text[offset..<(offset + size)].withUnsafeBufferPointer { try stream.feed($0, into: &output) }
                offset += size
            }
            try stream.finish(into: &output)
            #expect(output == text, "round \(round)")
            text.withUnsafeBufferPointer { whole in
                for end in ends.withLock({ $0 }) where end < whole.count {
                    #expect(boundary.isBoundary(whole, at: end), "round \(round): a piece ends at \(end), no boundary")
                }
            }
        }
    }
}
