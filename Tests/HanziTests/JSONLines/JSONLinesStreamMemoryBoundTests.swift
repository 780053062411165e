import Testing
@testable import Hanzi

/// The JSON Lines stream holds a bounded amount of input whatever `maxConcurrency` (`-j`): a
/// batch is capped by bytes, not by pieceSize × threads. Checked through the stream's own
/// accounting of the bytes it holds, never by timing or by the process's memory.
@Suite struct JSONLinesStreamMemoryBoundTests {
    @Test(arguments: [2, 100_000, Int.max])
    func aBatchIsCappedByBytesWhateverTheThreads(_ threads: Int) {
        let stream = JSONLinesStream(fields: ["text"], maxConcurrency: threads) { $0 }
        let piece = TextCleaner.defaultPieceSize
        let expected = threads > JSONLinesStream.batchByteLimit / piece ? JSONLinesStream.batchByteLimit : piece * threads
        #expect(stream.batchSize == expected)
        #expect(stream.batchSize <= JSONLinesStream.batchByteLimit)
    }

    /// 100 000 threads asked for, batches of at most 64 KiB: the stream never holds more than a
    /// batch and one chunk, and the output is the input record for record.
    @Test func theBytesHeldStayUnderTheCap() throws {
        let limit = 64 << 10
        var stream = JSONLinesStream(fields: ["text"], invalidLines: .fail, maxConcurrency: 100_000, pieceSize: 1024,
                                     batchByteLimit: limit) { $0 }
        #expect(stream.batchSize == limit)
        let record = Array(#"{"id": 1, "text": "中文（测试）"}"#.utf8) + [0x0A]
        let chunk = Array((0..<(4096 / record.count)).map { _ in record }.joined())
        var input: [UInt8] = []
        var output: [UInt8] = []
        for _ in 0..<256 {
            try stream.feed(chunk, into: &output)
            input += chunk
            #expect(stream.peakBufferedBytes <= limit + chunk.count)
        }
        try stream.finish(into: &output)
        #expect(stream.peakBufferedBytes >= limit, "the stream gathers whole batches")
        #expect(output == input)
        #expect(stream.linesSeen == 256 * (4096 / record.count))
    }

    /// A line longer than a batch is held whole (a record is never cut), and the stream goes
    /// back under the cap after it.
    @Test func aLongLineIsHeldWholeThenTheCapHoldsAgain() throws {
        let limit = 4 << 10
        var stream = JSONLinesStream(fields: ["text"], invalidLines: .fail, maxConcurrency: 100_000, pieceSize: 256,
                                     batchByteLimit: limit) { $0 }
        let long = Array(#"{"text": ""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: 64 << 10) + Array("\"}\n".utf8)
        var output: [UInt8] = []
        for start in stride(from: 0, to: long.count, by: 1000) {
            try stream.feed(long[start..<min(long.count, start + 1000)], into: &output)
        }
        #expect(output == long)
        #expect(stream.peakBufferedBytes <= long.count + 1000)
    }
}
