import HanziTestSupport
import Testing
@testable import Hanzi

/// The pipeline as stages: any converter plugs into the conversion stage, and what it throws
/// reaches the caller.
@Suite struct TextCleanerStageTests {
    /// A converter that upper-cases ASCII letters, and fails on the byte `!`.
    struct UppercasingConverter: ScriptConverter {
        struct Failure: Error, Equatable {}

        func appendConversion(ofValid text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) throws {
            for byte in text {
                if byte == UInt8(ascii: "!") { throw Failure() }
                output.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
            }
        }
    }

    static let options = TextCleaner.Options(rejoins: false, normalizes: false)

    @Test func theConversionStageTakesAnyConverter() throws {
        let cleaner = TextCleaner(options: Self.options, converters: [UppercasingConverter()])
        #expect(try cleaner.clean(utf8: Array("abc 漢字\nxyz\n".utf8)) == Array("ABC 漢字\nXYZ\n".utf8))
        #expect(cleaner.stages.map(\.locality) == [.line])
    }

    @Test func aConversionErrorReachesEveryCaller() throws {
        let cleaner = TextCleaner(options: Self.options, converters: [UppercasingConverter()])
        let failing = Array("fine\nnot fine!\n".utf8)
        #expect(throws: UppercasingConverter.Failure()) { try cleaner.clean(utf8: failing) }
        #expect(throws: UppercasingConverter.Failure()) { try cleaner.clean("not fine!") }
        #expect(throws: UppercasingConverter.Failure()) { try cleaner.clean(validUTF8: failing) }
        for threads in [1, 3] {
            var stream = cleaner.makeStream(maxConcurrency: threads, pieceSize: 4)
            var output: [UInt8] = []
            #expect(throws: UppercasingConverter.Failure()) {
                try stream.feed(failing, into: &output)
                try stream.finish(into: &output)
            }
        }
        var records = JSONLinesStream(fields: ["text"]) { try cleaner.clean(validUTF8: $0) }
        var output: [UInt8] = []
        #expect(throws: UppercasingConverter.Failure()) {
            try records.feed(Array(#"{"text":"ok"}"#.utf8 + [0x0A] + #"{"text":"no!"}"#.utf8), into: &output)
            try records.finish(into: &output)
        }
        // The record before the failing one was written; the failing one was not.
        #expect(output == Array(#"{"text":"OK"}"#.utf8 + [0x0A]))
    }

    @Test func stagesDeclareWhereTheTextMayBeCut() throws {
        let paragraphs = try TextCleaner(options: .init(conversions: [.t2s]))
        #expect(paragraphs.stages.map(\.locality) == [.stream, .paragraph, .line])
        let lines = try TextCleaner(options: .init(rejoinOptions: .init(paragraphSeparator: .newline)))
        #expect(lines.stages.map(\.locality) == [.stream, .line])
    }
}
