import HanziTestSupport
import Foundation
import Testing
import OpenCC

@Suite struct ConversionTests {
    /// The configurations OpenCC 1.1.6 ships test cases for (every built-in one but `t2tw`).
    static let testedByOpenCC: [ChineseConverter.Configuration] = RepositoryRoot.required("OpenCC's test cases") {
        let names = Set(try OpenCCFixtures.names())
        return ChineseConverter.Configuration.installed.filter { names.contains($0.openCCName) }
    }

    @Test func openCCShipsThirteenTestCases() {
        #expect(ConversionTests.testedByOpenCC.count == 13)
    }

    @Test(arguments: ConversionTests.testedByOpenCC)
    func passesOpenCCsOwnTestCases(configuration: ChineseConverter.Configuration) throws {
        let input = try Repository.bytes(of: OpenCCFixtures.input(configuration.openCCName))
        let answer = try Repository.bytes(of: OpenCCFixtures.answer(configuration.openCCName))
        let converter = try ChineseConverter.shared(configuration, options: .libopencc)
        #expect(try converter.convert(utf8: input) == answer)
        let text = try #require(String(validating: input, as: UTF8.self))
        #expect(Array(converter.convert(text).utf8) == answer)
    }

    @Test func fiveSeedDocumentsArePresent() {
        #expect(Repository.seedFiles.count == 5)
    }

    @Test(arguments: ChineseConverter.Configuration.installed)
    func matchesTheCommandLineToolOnTheSeeds(configuration: ChineseConverter.Configuration) throws {
        let converter = try ChineseConverter.shared(configuration, options: .libopencc)
        for seed in Repository.seedFiles {
            let input = try Repository.bytes(of: seed)
            let expected = try Reference.commandLine(input, configuration: configuration)
            #expect(try converter.convert(utf8: input) == expected, "\(seed.lastPathComponent)")
        }
    }

    @Test(arguments: ChineseConverter.Configuration.installed)
    func everyBuiltInConfigurationChangesItsExample(configuration: ChineseConverter.Configuration) throws {
        let converter = try ChineseConverter.shared(configuration, options: .libopencc)
        let example = configuration.exampleInput
        #expect(Array(converter.convert(example).utf8) != Array(example.utf8))
    }

    @Test(arguments: ChineseConverter.Configuration.installed)
    func matchesLibOpenCCOnGeneratedText(configuration: ChineseConverter.Configuration) throws {
        let converter = try ChineseConverter.shared(configuration, options: .libopencc)
        let raw = RawOpenCC(configuration)
        var generator = TextGenerator(seed: 0xC0FFEE &+ UInt64(configuration.openCCName.utf8.count))
        var all: [UInt8] = []
        for round in 0..<250 {
            let text = generator.next()
            let bytes = Array(text.utf8)
            let expected = raw.convertLines(bytes)
            #expect(try converter.convert(utf8: bytes) == expected, "round \(round): \(text.debugDescription)")
            #expect(Array(converter.convert(text).utf8) == expected, "round \(round)")
            all += bytes
        }
        // All the texts at once through the smallest pieces: the same bytes as libopencc's
        // line-by-line result, and, without the NULs, as one libopencc call over everything.
        let small = try ChineseConverter(configuration, options: .libopencc, pieceSize: 1024)
        #expect(try small.convert(utf8: all) == raw.convertLines(all))
        let withoutNUL = all.map { $0 == 0 ? 0x20 : $0 }
        #expect(try small.convert(utf8: withoutNUL) == raw.convertWhole(withoutNUL))
    }

    @Test(arguments: ChineseConverter.Configuration.installed)
    func matchesTheCommandLineToolOnABigGeneratedBatch(configuration: ChineseConverter.Configuration) throws {
        // The command-line tool stops at NUL, so this batch has none.
        var generator = TextGenerator(seed: 0xBA7C4, includeNUL: false)
        var batch: [UInt8] = []
        for _ in 0..<2000 {
            batch += Array(generator.next().utf8)
            batch.append(0x0A)
        }
        let expected = try Reference.commandLine(batch, configuration: configuration)
        let converter = try ChineseConverter.shared(configuration, options: .libopencc)
        #expect(try converter.convert(utf8: batch) == expected)
        #expect(RawOpenCC(configuration).convertWhole(batch) == expected)
    }

    @Test func smallPiecesGiveTheSameBytesAsOneCall() throws {
        // A converter with the smallest piece size cuts the seeds into many libopencc calls.
        let small = try ChineseConverter(.s2twp, options: .libopencc, pieceSize: 1024)
        let raw = RawOpenCC(.s2twp)
        for seed in Repository.seedFiles {
            let input = try Repository.bytes(of: seed)
            let expected = raw.convertWhole(input)
            var output: [UInt8] = [1, 2, 3]
            try small.convert(utf8: input, into: &output)
            #expect(output == [1, 2, 3] + expected, "\(seed.lastPathComponent)")
        }
    }

    @Test func byteAPIsAgree() throws {
        let converter = try ChineseConverter.shared(.s2t, options: .libopencc)
        let text = "汉字\r\n后面\0发展"
        let bytes = Array(text.utf8)
        let expected = try converter.convert(utf8: bytes)
        #expect(try converter.convert(utf8: Data(bytes)) == expected)
        #expect(try converter.convert(utf8: bytes[...]) == expected)
        #expect(try converter.convert(utf8: bytes.lazy.map { $0 }) == expected)  // not contiguous
        var output: [UInt8] = []
        try bytes.withUnsafeBytes { raw in try converter.convert(utf8: raw, into: &output) }
        #expect(output == expected)
        #expect(expected == Array("漢字\r\n後面\0發展".utf8))
    }

    @Test func sharedConvertersAreLoadedOnce() throws {
        let first = try ChineseConverter.shared(.t2s, options: .libopencc)
        let second = try ChineseConverter.shared(.traditionalToSimplified, options: .libopencc)
        #expect(first === second)
        #expect(first.configuration == .t2s)
    }
}
