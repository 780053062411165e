import HanziTestSupport
import Foundation
import Testing
import OpenCC

@Suite struct ConcurrencyTests {
    /// Texts built from the seeds and generated text, different for each index.
    static func text(_ index: Int) throws -> [UInt8] {
        var generator = TextGenerator(seed: UInt64(index) &* 7919)
        let seeds = Repository.seedFiles
        var bytes = try Repository.bytes(of: seeds[index % seeds.count])
        for _ in 0..<200 { bytes += Array(generator.next().utf8) }
        return bytes
    }

    @Test func sixteenTasksShareOneConverter() async throws {
        let converter = try ChineseConverter(.s2twp, options: .libopencc)
        let texts = try (0..<16).map(ConcurrencyTests.text)
        let sequential = try texts.map { try converter.convert(utf8: $0) }
        let concurrent = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask {
                    var output: [UInt8] = []
                    for _ in 0..<3 { output = try converter.convert(utf8: text) }
                    return (index, output)
                }
            }
            var results = [[UInt8]](repeating: [], count: texts.count)
            for try await (index, output) in group { results[index] = output }
            return results
        }
        #expect(concurrent == sequential)
    }

    @Test func sharedIsSafeFromManyTasksAtOnce() async throws {
        let configurations = ChineseConverter.Configuration.installed
        let identities = try await withThrowingTaskGroup(of: (Int, ObjectIdentifier).self) { group in
            for index in 0..<32 {
                group.addTask {
                    (index % 4, ObjectIdentifier(try ChineseConverter.shared(configurations[index % 4], options: .libopencc)))
                }
            }
            var seen: [Int: Set<ObjectIdentifier>] = [:]
            for try await (slot, identity) in group { seen[slot, default: []].insert(identity) }
            return seen
        }
        #expect(identities.values.allSatisfy { $0.count == 1 })
    }

    @Test(arguments: [1, 2, 3, 8])
    func parallelConversionGivesTheSameBytes(maxConcurrency: Int) throws {
        let converter = try ChineseConverter(.t2s, options: .libopencc, pieceSize: 4096)
        var input: [UInt8] = []
        for index in 0..<12 { input += try ConcurrencyTests.text(index) }
        input += Array("\0最後一行，沒有換行".utf8)
        let expected = try converter.convert(utf8: input)
        #expect(try converter.convertConcurrently(utf8: input, maxConcurrency: maxConcurrency) == expected)
        let text = try #require(String(validating: input, as: UTF8.self))
        #expect(Array(converter.convertConcurrently(text, maxConcurrency: maxConcurrency).utf8) == expected)
    }

    @Test func streamingWithManyChunkSizesGivesTheSameBytes() throws {
        let converter = try ChineseConverter(.s2hk, options: .libopencc, pieceSize: 1024)
        var input = try ConcurrencyTests.text(3)
        input += Array("\r\n\u{FEFF}😀\0\r\n尾巴没有换行😀".utf8)
        let expected = try converter.convert(utf8: input)
        for chunkSize in [1, 2, 3, 7, 64, 1000, 4096, 65_537, input.count] {
            var stream = StreamingConverter(converter: converter)
            var output: [UInt8] = []
            var offset = 0
            while offset < input.count {
                let end = min(input.count, offset + chunkSize)
                try stream.feed(input[offset..<end]) { output += $0 }
                offset = end
            }
            #expect(stream.bytesRead == input.count)
            try stream.finish { output += $0 }
            #expect(output == expected, "chunk size \(chunkSize)")
        }
    }

    @Test func streamingRandomChunkBoundariesOverGeneratedText() throws {
        let converter = try ChineseConverter(.s2t, options: .libopencc, pieceSize: 1024)
        var random = SeededGenerator(seed: 42)
        var generator = TextGenerator(seed: 43)
        for round in 0..<200 {
            var input: [UInt8] = []
            for _ in 0..<Int.random(in: 1...30, using: &random) { input += Array(generator.next().utf8) }
            let expected = try converter.convert(utf8: input)
            var stream = StreamingConverter(converter: converter)
            var output: [UInt8] = []
            var offset = 0
            while offset < input.count {
                let end = min(input.count, offset + Int.random(in: 0...300, using: &random))
                try stream.feed(input[offset..<end]) { output += $0 }
                offset = end
            }
            try stream.finish { output += $0 }
            #expect(output == expected, "round \(round)")
        }
    }

    @Test func interactiveStreamsHandOverEveryCompleteLine() throws {
        let converter = try ChineseConverter.shared(.s2t, options: .libopencc)
        var stream = StreamingConverter(converter: converter, flushThreshold: 1)
        var received: [[UInt8]] = []
        try stream.feed(Array("汉字\n后".utf8)) { received.append($0) }
        #expect(received == [Array("漢字\n".utf8)])
        try stream.feed(Array("面\r\n头".utf8)) { received.append($0) }
        #expect(received.last == Array("後面\r\n".utf8))
        try stream.finish { received.append($0) }
        #expect(received.last == Array("頭".utf8))

        var batched = StreamingConverter(converter: converter)
        var output: [UInt8] = []
        try batched.feed(Array("汉字\n后".utf8)) { output += $0 }
        #expect(output.isEmpty)
        try batched.flushCompleteLines { output += $0 }
        #expect(output == Array("漢字\n".utf8))
        try batched.finish { output += $0 }
        #expect(output == Array("漢字\n後".utf8))
        #expect(batched.bytesRead == 10)
        #expect(batched.bytesWritten == 10)
        // The next chunk starts a new stream.
        try batched.feed(Array("发".utf8)) { output += $0 }
        #expect(batched.bytesRead == 3)
        #expect(batched.bytesWritten == 0)
    }

    @Test func streamingErrorsCarryAbsoluteStreamOffsets() throws {
        let converter = try ChineseConverter(.s2t, options: .libopencc, pieceSize: 1024)
        var prefix: [UInt8] = []
        while prefix.count < 5000 { prefix += Array("汉字，第一行。\n".utf8) }
        for bad: [UInt8] in [[0x80], [0xE6, 0x41], [0xED, 0xA0, 0x80]] {
            let input = prefix + bad + Array("后面\n".utf8)
            for chunkSize in [1, 3, 7, 100, 4096] {
                var stream = StreamingConverter(converter: converter)
                var output: [UInt8] = []
                var offset = 0
                let error = try #require(throws: InvalidUTF8Error.self) {
                    while offset < input.count {
                        let end = min(input.count, offset + chunkSize)
                        try stream.feed(input[offset..<end]) { output += $0 }
                        offset = end
                    }
                    try stream.finish { output += $0 }
                }
                #expect(error.byteOffset == prefix.count, "chunk size \(chunkSize)")
                // What was written is converted complete lines from before the bad byte.
                let written = try converter.convert(utf8: prefix)
                #expect(written.starts(with: output))
                // The stream keeps failing until it is reset.
                #expect(throws: InvalidUTF8Error.self) { try stream.finish { _ in } }
                stream.reset()
                try stream.feed(Array("汉字".utf8)) { output += $0 }
            }
        }
        // A stream that ends inside a UTF-8 sequence.
        var stream = StreamingConverter(converter: converter)
        try stream.feed(prefix + [0xE6, 0xB1]) { _ in }
        let error = try #require(throws: InvalidUTF8Error.self) { try stream.finish { _ in } }
        #expect(error.byteOffset == prefix.count)
        #expect(error.reason == .truncatedSequence)
    }

    @Test func streamingFromFilesDescriptorsAndAsyncSequences() async throws {
        let converter = try ChineseConverter.shared(.s2tw, options: .libopencc)
        for seed in Repository.seedFiles {
            let input = try Repository.bytes(of: seed)
            let expected = try converter.convert(utf8: input)

            var stream = StreamingConverter(converter: converter)
            var fromFile: [UInt8] = []
            try stream.convert(contentsOf: seed, readSize: 4093) { fromFile += $0 }
            #expect(fromFile == expected)

            let handle = try FileHandle(forReadingFrom: seed)
            var fromHandle: [UInt8] = []
            try stream.convert(fileDescriptor: handle.fileDescriptor, readSize: 5) { fromHandle += $0 }
            try handle.close()
            #expect(fromHandle == expected)

            let chunks = AsyncStream<[UInt8]> { continuation in
                var offset = 0
                while offset < input.count {
                    let end = min(input.count, offset + 997)
                    continuation.yield(Array(input[offset..<end]))
                    offset = end
                }
                continuation.finish()
            }
            var fromAsync: [UInt8] = []
            try await stream.convert(chunks: chunks) { fromAsync += $0 }
            #expect(fromAsync == expected)

            let bytes = AsyncStream<UInt8> { continuation in
                for byte in input { continuation.yield(byte) }
                continuation.finish()
            }
            var fromBytes: [UInt8] = []
            try await stream.convert(bytes: bytes, chunkSize: 1000) { fromBytes += $0 }
            #expect(fromBytes == expected)
        }
    }

    @Test func streamingFileToFileThroughDescriptors() throws {
        let converter = try ChineseConverter.shared(.s2twp, options: .libopencc)
        let seed = try #require(Repository.seedFiles.first)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("opencc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputURL = folder.appendingPathComponent("out.txt")
        #expect(FileManager.default.createFile(atPath: outputURL.path, contents: nil))
        let input = try FileHandle(forReadingFrom: seed)
        let output = try FileHandle(forWritingTo: outputURL)
        var stream = StreamingConverter(converter: converter)
        try stream.convert(fileDescriptor: input.fileDescriptor, readSize: 777, to: StreamingConverter.writer(to: output.fileDescriptor))
        try input.close()
        try output.close()
        #expect(try Repository.bytes(of: outputURL) == converter.convert(utf8: Repository.bytes(of: seed)))
        #expect(throws: POSIXError.self) { try StreamingConverter.writeAll([0x41], to: -1) }
    }

    @Test func aMissingFileThrowsWhenStreaming() throws {
        var stream = StreamingConverter(converter: try ChineseConverter.shared(.s2t, options: .libopencc))
        let missing = URL(fileURLWithPath: "/nonexistent/input-\(UUID().uuidString).txt")
        let error = try #require(throws: POSIXError.self) {
            try stream.convert(contentsOf: missing) { _ in }
        }
        #expect(error.code == .ENOENT)
    }
}
