import Testing
import OpenCC

/// Text cut into pieces converts as the whole text does, also where an ideographic
/// description sequence runs over a line break (OpenCC 1.3.2 and later keep "⿰\n发" whole, so
/// 发 stays as it is) and where chunks end inside a character or a dictionary key.
@Suite struct DescriptionSequenceStreamingTests {
    /// Lines where a cut after the line break would change the conversion, and keys and
    /// characters that the chunks cut.
    static let text: [UInt8] = {
        var text = ""
        text += "发展⿰\n发展了\n"                         // an operator ends the line: ⿰ \n 发 is one sequence
        text += "⿲\n\n发展\n\n后来\n"                     // three operands over a blank line
        text += "⿰⿱\n发\n面\n头发\n"                      // nested, each operand on its own line
        text += "⿰\r\n发\r\n"                            // CR LF: the sequence is ⿰ CR LF
        text += "干部的头发和面条\n⿺\n"                    // keys and an operator at the very end
        return Array(text.utf8)
    }()

    /// `text` repeated with filler lines between, so that cuts fall everywhere.
    static func long(repeats: Int) -> [UInt8] {
        var long: [UInt8] = []
        for index in 0..<repeats {
            long += text
            long += Array(String(repeating: "简体中文的头发问题。", count: index % 7).utf8)
            long += index % 3 == 0 ? [0x0A] : [0x0A, 0x0A]
        }
        return long
    }

    @Test(arguments: ["s2t", "s2tw", "t2s"])
    func streamingInAnyChunksIsTheWholeConversion(name: String) throws {
        let converter = try ChineseConverter(try #require(ChineseConverter.Configuration(openCCName: name)))
        let input = Self.long(repeats: 40)
        let whole = try converter.convert(utf8: input)
        // The sequences are kept: 发 after ⿰ and a line break is not converted.
        if name != "t2s" { #expect(whole.starts(with: Array("發展⿰\n发展了\n".utf8))) }
        for flushThreshold in [1, 5, 64, 1 << 20] {
            for chunkSize in [1, 2, 3, 7, 100] {
                var stream = StreamingConverter(converter: converter, flushThreshold: flushThreshold)
                var streamed: [UInt8] = []
                var offset = 0
                while offset < input.count {
                    let end = min(offset + chunkSize, input.count)
                    try stream.feed(input[offset..<end]) { streamed += $0 }
                    offset = end
                }
                try stream.finish { streamed += $0 }
                #expect(
                    Self.firstDifference(streamed, whole) == nil,
                    "\(name): chunks of \(chunkSize) bytes, flush threshold \(flushThreshold)")
            }
        }
    }

    @Test(arguments: ["s2t", "s2tw"])
    func piecesOnSeveralThreadsAreTheWholeConversion(name: String) throws {
        let converter = try ChineseConverter(try #require(ChineseConverter.Configuration(openCCName: name)))
        let input = Self.long(repeats: 6000)  // over a megabyte: cut into many pieces
        #expect(input.count > 1 << 20)
        let whole = try converter.convert(utf8: input)
        #expect(Self.firstDifference(try converter.convertConcurrently(utf8: input, maxConcurrency: 4), whole) == nil)
    }

    /// The first byte offset where `a` and `b` differ (a short description), or `nil`.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String? {
        let common = zip(a, b).prefix { $0 == $1 }.count
        if common == a.count && common == b.count { return nil }
        let start = max(0, common - 12)
        return "differs at byte \(common) of \(b.count): "
            + "\(String(decoding: a[start..<min(a.count, common + 12)], as: UTF8.self).debugDescription) instead of "
            + "\(String(decoding: b[start..<min(b.count, common + 12)], as: UTF8.self).debugDescription)"
    }
}
