import Foundation
import Hanzi
import Testing

/// Every stream takes `Data`, arrays and slices, and appends to an output buffer; the
/// whole-file helper gives the bytes of the one-call API.
@Suite struct StreamShapeTests {
    static let extracted = "新华社北京7月6日电 全面深化改革\n从解决群众最关心最直接最现实的\n利益问题切入。\n\n人民是历史的创造者。\n"

    @Test func theCleanerStreamTakesDataAndSlices() throws {
        let cleaner = try TextCleaner(options: .init(style: .mainland))
        let bytes = Array(Self.extracted.utf8)
        let expected = try cleaner.clean(utf8: bytes)
        var stream = cleaner.makeStream()
        var output: [UInt8] = []
        try stream.feed(Data(bytes[0..<10]), into: &output)
        try stream.feed(bytes[10..<40], into: &output)
        try stream.feed(Array(bytes[40...]), into: &output)
        try stream.finish(into: &output)
        #expect(output == expected)
    }

    @Test func theConverterStreamAppendsToABuffer() throws {
        var stream = StreamingConverter(converter: try .shared(.s2t))
        var output: [UInt8] = []
        let bytes = Array("汉字\n简体字".utf8)
        for (index, byte) in bytes.enumerated() {
            // A byte at a time, as Data or as an array: cut inside every character.
            if index.isMultiple(of: 2) { try stream.feed(Data([byte]), into: &output) } else { try stream.feed([byte], into: &output) }
        }
        try stream.finish(into: &output)
        #expect(output == Array("漢字\n簡體字".utf8))
    }

    @Test func aFileIsCleanedAsTheOneCallAPICleansItsBytes() throws {
        let cleaner = try TextCleaner(options: .init(style: .mainland))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hanzi-clean-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        // UTF-16 with a byte order mark, found without being named.
        let utf16: [UInt8] = [0xFF, 0xFE] + Self.extracted.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try Data(utf16).write(to: url)
        #expect(try cleaner.clean(contentsOf: url) == cleaner.clean(utf8: Array(Self.extracted.utf8)))
    }
}
