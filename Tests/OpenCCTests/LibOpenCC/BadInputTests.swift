import Foundation
import Testing
import OpenCC

@Suite struct BadInputTests {
    let converter: ChineseConverter

    init() throws {
        converter = try ChineseConverter.shared(.s2t, options: .libopencc)
    }

    @Test func nulPassesThroughAndTheTextAroundItIsConverted() throws {
        let cases: [(String, String)] = [
            ("汉字\0汉字", "漢字\0漢字"),
            ("\0汉字", "\0漢字"),
            ("汉字\0", "漢字\0"),
            ("\0", "\0"),
            ("\0\0后\0\0", "\0\0後\0\0"),
            ("头发\0\n\0干燥\r\n", "頭髮\0\n\0乾燥\r\n"),
        ]
        for (input, expected) in cases {
            #expect(Array(converter.convert(input).utf8) == Array(expected.utf8), "\(input.debugDescription)")
            #expect(try converter.convert(utf8: Array(input.utf8)) == Array(expected.utf8))
        }
    }

    @Test func aNULDoesNotJoinTheWordsAroundIt() throws {
        // 头发 is one dictionary phrase (頭髮); split by a NUL each half converts on its own.
        let split = Array("头\0发".utf8)
        #expect(try converter.convert(utf8: split)
            == Array(converter.convert("头").utf8) + [0] + Array(converter.convert("发").utf8))
    }

    @Test(arguments: [
        ([0xFF, 0xFE, 0x41], 0),
        (Array("汉字".utf8) + [0x80] + Array("汉字".utf8), 6),
        (Array("汉字ab".utf8) + [0xE6, 0xB1], 8),
        (Array("a\n".utf8) + [0xED, 0xA0, 0x80] + Array("b".utf8), 2),
        (Array("汉".utf8) + [0xC0, 0x80], 3),
        (Array("汉".utf8) + [0xE0, 0x80, 0x80], 3),
        (Array("汉".utf8) + [0xF4, 0x90, 0x80, 0x80], 3),
    ] as [([UInt8], Int)])
    func malformedUTF8IsRejectedWithItsOffset(bytes: [UInt8], offset: Int) throws {
        var output: [UInt8] = Array("kept".utf8)
        let error = try #require(throws: InvalidUTF8Error.self) {
            try converter.convert(utf8: bytes, into: &output)
        }
        #expect(error.byteOffset == offset)
        #expect(output == Array("kept".utf8))
        #expect(throws: InvalidUTF8Error.self) { try converter.convertConcurrently(utf8: bytes) }
        var stream = StreamingConverter(converter: converter)
        let streamed = try #require(throws: InvalidUTF8Error.self) {
            for byte in bytes { try stream.feed([byte]) { _ in } }
            try stream.finish { _ in }
        }
        #expect(streamed.byteOffset == offset)
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        #expect(converter.convert("").isEmpty)
        #expect(try converter.convert(utf8: [UInt8]()).isEmpty)
        #expect(try converter.convertConcurrently(utf8: [UInt8]()).isEmpty)
        var stream = StreamingConverter(converter: converter)
        var calls = 0
        try stream.feed([UInt8]()) { _ in calls += 1 }
        try stream.finish { _ in calls += 1 }
        #expect(calls == 0)
    }

    @Test func crlfAndABOMSurvive() throws {
        let input = Array("\u{FEFF}汉字\r\n后面\r\n\r\n头发\r".utf8)
        let expected = Array("\u{FEFF}漢字\r\n後面\r\n\r\n頭髮\r".utf8)
        #expect(try converter.convert(utf8: input) == expected)
        #expect(try Reference.commandLine(input, configuration: .s2t) == expected)
    }

    @Test func carriageReturnLineEndsAreLineBreaksToo() throws {
        // Text with old Mac line ends (CR only) is cut into pieces at them, with the same result.
        let seed = try Repository.bytes(of: try #require(Repository.seedFiles.first))
        let input = seed.map { $0 == 0x0A ? 0x0D : $0 }
        let small = try ChineseConverter(.s2t, options: .libopencc, pieceSize: 1024)
        #expect(try small.convert(utf8: input) == RawOpenCC(.s2t).convertWhole(input))
        var stream = StreamingConverter(converter: small, flushThreshold: 1)
        var calls = 0
        var output: [UInt8] = []
        for chunk in stride(from: 0, to: input.count, by: 4096) {
            try stream.feed(input[chunk..<min(input.count, chunk + 4096)]) { output += $0; calls += 1 }
        }
        try stream.finish { output += $0; calls += 1 }
        #expect(output == RawOpenCC(.s2t).convertWhole(input))
        #expect(calls > 1)
    }

    @Test func aTwentyMegabyteLineIsConvertedExactly() throws {
        // The seeds with their line breaks turned into spaces, repeated to 20 MB: one line.
        var line: [UInt8] = []
        let seeds = try Repository.seedFiles.map { try Repository.bytes(of: $0) }
        while line.count < 20_000_000 {
            for seed in seeds { line += seed.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 } }
        }
        let expected = RawOpenCC(.s2t).convertWhole(line)
        #expect(try converter.convert(utf8: line) == expected)
        var streamed: [UInt8] = []
        var stream = StreamingConverter(converter: converter)
        var offset = 0
        while offset < line.count {
            let end = min(line.count, offset + 1_000_003)
            try stream.feed(line[offset..<end]) { streamed += $0 }
            offset = end
        }
        try stream.finish { streamed += $0 }
        #expect(streamed == expected)
    }

    @Test func unknownConfigurationNamesAreNil() {
        #expect(ChineseConverter.Configuration(openCCName: "xx") == nil)
        #expect(ChineseConverter.Configuration(openCCName: "") == nil)
        #expect(ChineseConverter.Configuration(openCCName: "s2t.json") == .s2t)
    }

    @Test func aMissingConfigurationFileThrowsNamingIt() throws {
        let url = URL(fileURLWithPath: "/nonexistent/folder/custom-\(UUID().uuidString).json")
        let error = try #require(throws: OpenCCError.self) { try ChineseConverter(.file(url), options: .libopencc) }
        #expect(error.configuration == .file(url))
        #expect(error.description.contains(url.path))
        #expect(!error.message.isEmpty)
        #expect(!error.description.contains("\n"))
        #expect(throws: OpenCCError.self) { try ChineseConverter.shared(.file(url), options: .libopencc) }
    }

    @Test func aConfigurationNamingAMissingDictionaryThrows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("opencc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("broken.json")
        let json = """
            {"name": "Broken", "segmentation": {"type": "mmseg",
              "dict": {"type": "ocd2", "file": "NoSuchDictionary.ocd2"}},
             "conversion_chain": [{"dict": {"type": "ocd2", "file": "NoSuchDictionary.ocd2"}}]}
            """
        try Data(json.utf8).write(to: url)
        let error = try #require(throws: OpenCCError.self) { try ChineseConverter(.file(url), options: .libopencc) }
        #expect(error.description.contains("broken.json"))
        #expect(error.message.contains("NoSuchDictionary"))

        let garbage = folder.appendingPathComponent("garbage.json")
        try Data("{ not json".utf8).write(to: garbage)
        #expect(throws: OpenCCError.self) { try ChineseConverter(.file(garbage), options: .libopencc) }
    }

    @Test func aUsersOwnConfigurationFileWorks() throws {
        let url = try Reference.installedDataFolder().appendingPathComponent("s2t.json")
        let custom = try ChineseConverter(.file(url), options: .libopencc)
        #expect(Array(custom.convert("汉字").utf8) == Array("漢字".utf8))
    }
}
