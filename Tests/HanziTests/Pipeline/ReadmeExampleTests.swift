import Testing
@testable import Hanzi

/// The library example of README.md, kept compiling and true.
@Suite struct ReadmeExampleTests {
    @Test func libraryExample() throws {
        let extractedText = "新华社北京7月6日电 全面深化改革\n从解决群众最关心最直接最现实的\n利益问题切入，深入推进就业、教\n育、收入分配等民生领域改革。\n\n人民是历史的创造者，是推动改\n革开放的主体力量。\n"
        let fileBytes = Array("汉字\n".utf8)

        let s2t = try ChineseConverter.shared(.simplifiedToTraditional)
        #expect(Array(s2t.convert("汉字").utf8) == Array("漢字".utf8))
        #expect(try s2t.convert(utf8: fileBytes) == Array("漢字\n".utf8))
        #expect(try s2t.convertConcurrently(utf8: fileBytes) == Array("漢字\n".utf8))
        let byName = ChineseConverter.Configuration(openCCName: "s2t")
        #expect(byName == .s2t)

        let paragraphs = ColumnRejoiner().rejoin(extractedText)
        let mainland = PunctuationNormalizer(style: .mainland).normalize(paragraphs)
        let expected = "新华社北京7月6日电 全面深化改革从解决群众最关心最直接最现实的利益问题切入，深入推进就业、教育、收入分配等民生领域改革。\n\n人民是历史的创造者，是推动改革开放的主体力量。\n"
        #expect(Array(mainland.utf8) == Array(expected.utf8))

        let cleaner = try TextCleaner(options: .init(style: .mainland, conversions: [.hk2s]))
        let clean = try cleaner.clean(extractedText)
        #expect(Array(clean.utf8) == Array(expected.utf8))

        var stream = cleaner.makeStream()
        var output: [UInt8] = []
        let bytes = Array(extractedText.utf8)
        for start in stride(from: 0, to: bytes.count, by: 7) {
            try stream.feed(Array(bytes[start..<min(start + 7, bytes.count)]), into: &output)
        }
        try stream.finish(into: &output)
        #expect(output == Array(expected.utf8))
    }
}
