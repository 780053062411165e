import Testing
import Hanzi
import HanziTestSupport

/// Inputs the fuzz harness FuzzCleanStream found where cleaning twice changes the text
/// (Fuzz/Corpus/FuzzCleanStream/found-*; Fuzz/known-open.txt: clean.idempotent.rejoining).
@Suite struct TextCleanerIdempotenceTests {
    /// A newspaper column extracted with a blank line after every line: the first clean kept
    /// 正在堵口 and “第二道防线” apart, the second joined them (the rejoiner's defect, through
    /// the default pipeline).
    @Test
    func cleaningTwiceChangesNothingOnABlankLineColumn() throws {
        let lines = [
            "到出动命令，迅速组织300余名民兵携", "冲锋舟、橡皮艇等装备驰援，开展抢险",
            "救灾、转移群众等工作。18时许，武警", "第二机动总队某支队官兵抵达决口现",
            "场，紧急进行加固作业等。20时许，", "武警湖南总队100余名官兵进入岳",
            "阳市君山区钱粮湖镇二门闸等地，随", "即展开抢险救援，在二门闸南侧堤坝",
            "铺设数公里彩条布，保护堤坝安全。", "湖南华容团洲垸现场决口内外水位已齐平，正在堵口",
            "“第二道防线”加固工作紧张进行", "7月6日，湖", "南省岳阳市华容", "县团洲垸，抢险",
            "人员卸载砂石尝", "试封堵决口（无", "人机照片）。", "新华社记者", "陈思汗摄",
        ]
        let text = lines.joined(separator: "\n\n") + "\n\n\n"
        let cleaner = try TextCleaner()
        let once = try cleaner.clean(utf8: Array(text.utf8))
        #expect(try cleaner.clean(utf8: once) == once)
    }

    /// One paragraph per line, spacing inserted: the second clean joins 第二行。9 and
    /// “張号”, which the first kept apart.
    @Test
    func cleaningTwiceChangesNothingWithOneParagraphPerLine() throws {
        let text = "\u{FEFF}第一行没有结束\u{D}\u{A}第二行。9\u{A}\u{D}\u{A}“張号”(括号)\u{A}"
        let cleaner = try TextCleaner(options: .init(
            rejoinOptions: .init(paragraphSeparator: .newline), normalizationOptions: .init(spacing: .insert)))
        let once = try cleaner.clean(utf8: Array(text.utf8))
        #expect(try cleaner.clean(utf8: once) == once)
    }

    /// Three lines, each followed by blank lines (carriage returns): the first clean kept `z`
    /// and `-` apart; the second read the single blank line after every line as carrying no
    /// information and joined the two one-character lines. Three lines are too few to show
    /// that blank lines say nothing (Fuzz/Corpus/FuzzCleanStream/found-6581052a7023).
    @Test
    func cleaningTwiceKeepsBlankLineBreaksBetweenFewLines() throws {
        let text = ".\u{0}\u{0}\u{0}\r\r\r\rz\r\r\r\r\r\r\r-\r\r\r\r"
        let cleaner = try TextCleaner(options: .init(
            rejoins: true, rejoinOptions: .init(paragraphSeparator: .blankLine), normalizes: false,
            normalizationOptions: .init(spacing: .insert, indent: .remove), conversions: []))
        let once = try cleaner.clean(utf8: Array(text.utf8))
        #expect(once == Array(".\u{0}\u{0}\u{0}\n\nz\n\n-\n".utf8))
        #expect(try cleaner.clean(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzCleanStream/found-5c7c9e059954, read as the harness reads it (rejoined with
    /// a blank line between paragraphs, normalised with spacing inserted): `z` ⏎ `l目Ran` was
    /// joined with a space between the two Latin letters, and the normaliser spaced `目` from
    /// them; the second rejoining read `z l 目` as a spaced run of half-width characters (a
    /// justified line's letter spacing) and dropped its spaces. The joint now puts no space
    /// where a second reading would take it for letter spacing.
    ///
    /// Fuzz/Corpus/FuzzCleanStream/found-0222ba00a33a (one paragraph per line, normalised with
    /// spacing inserted): `t` ⏎ `(?第` was joined `t (?第`, and the normaliser made the `?`
    /// full width; the second rejoining read `t (` before `？` as a spaced run and closed it up.
    /// Only letters and digits make a spaced run now: a bracket or a mark spaced from a letter is
    /// the text's own spacing.
    @Test(arguments: ["found-5c7c9e059954", "found-0222ba00a33a"])
    func cleaningTwiceKeepsTheJointBetweenSingleLetters(_ name: String) throws {
        let raw = try RepositoryRoot.bytes("Fuzz/Corpus/FuzzCleanStream/" + name)
        let (cleaner, payload) = try Self.harnessCleaner(raw)
        let once = try cleaner.clean(utf8: payload)
        #expect(try cleaner.clean(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzCleanStream/found-0428feced86b (options byte 0x3F: one paragraph per
    /// line, normalised with spacing inserted, indent removed): `t` FF `(?第` was kept apart by
    /// the first cleaning, at the page break; the normaliser made the `?` full width, and the
    /// second cleaning, on a line one column wider and without the page break, joined it
    /// `t (？第`. A short text the normaliser changed is rejoined again until it is settled.
    @Test
    func cleaningTwiceKeepsABreakAtAPageBreakBeforeABracket() throws {
        let raw = try RepositoryRoot.bytes("Fuzz/Corpus/FuzzCleanStream/found-0428feced86b")
        let (cleaner, payload) = try Self.harnessCleaner(raw)
        let once = try cleaner.clean(utf8: payload)
        #expect(try cleaner.clean(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzCleanStream/found-95cd334b2117 (one paragraph per line, spacing
    /// inserted): a text starting with two byte order marks lost one to the first cleaning and
    /// the other to the second. A cleaning drops the whole run, whole or streamed a byte at a
    /// time; conversion alone keeps all but the first, as OpenCC does.
    @Test
    func cleaningDropsEveryLeadingByteOrderMark() throws {
        let raw = try RepositoryRoot.bytes("Fuzz/Corpus/FuzzCleanStream/found-95cd334b2117")
        let (cleaner, payload) = try Self.harnessCleaner(raw)
        let once = try cleaner.clean(utf8: payload)
        #expect(try cleaner.clean(utf8: once) == once)

        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let text = mark + mark + mark + Array("第一行\n".utf8)
        for options in [TextCleaner.Options(), .init(rejoins: false), .init(normalizes: false)] {
            let cleaner = try TextCleaner(options: options)
            #expect(try cleaner.clean(utf8: text) == Array("第一行\n".utf8))
            #expect(try cleaner.clean(validUTF8: text) == Array("第一行\n".utf8))
            var stream = cleaner.makeStream()
            var streamed: [UInt8] = []
            for byte in text { try stream.feed([byte], into: &streamed) }
            try stream.finish(into: &streamed)
            #expect(streamed == Array("第一行\n".utf8))
        }
        let converter = try TextCleaner(options: .init(rejoins: false, normalizes: false, conversions: [.s2t]))
        #expect(try converter.clean(utf8: text) == mark + mark + Array("第一行\n".utf8))
    }

    /// Short texts made of what moves the rejoiner's evidence when normalised (half-width
    /// marks the normaliser widens, Latin letters and digits it spaces from Han characters,
    /// page breaks, brackets, quotes, blank lines, indents), cleaned with every paragraph
    /// layout, style and spacing: cleaning twice changes nothing, fed whole or in chunks.
    @Test(arguments: [ColumnRejoiner.Options.ParagraphSeparator.newline, .blankLine])
    func cleaningTwiceChangesNothingOnGeneratedShortTexts(_ separator: ColumnRejoiner.Options.ParagraphSeparator) throws {
        let pieces = [
            "第", "中文", "段落", "国家", "t", "ab", "x", "9", "2024", "%", "?", "!", ",", ".", ":", "(", ")",
            "\"", "'", "“", "”", "（", "）", "？", "。", "，", "、", "…", "——", "-", " ", "  ", "\u{3000}",
            "\u{C}", "\n", "\n", "\n", "\n\n", "\r\n", "\t",
        ]
        var rng = SeededGenerator(seed: 428)
        var texts: [[UInt8]] = []
        for _ in 0..<120 {
            var text = ""
            for _ in 0..<rng.int(4...120) { text += pieces[rng.int(0...(pieces.count - 1))] }
            texts.append(Array(text.utf8))
        }
        for style in PunctuationNormalizer.Style.allCases {
            for spacing in PunctuationNormalizer.Spacing.allCases {
                let cleaner = try TextCleaner(options: .init(
                    rejoinOptions: .init(paragraphSeparator: separator), style: style,
                    normalizationOptions: .init(spacing: spacing)))
                for text in texts {
                    let once = try cleaner.clean(utf8: text)
                    let twice = try cleaner.clean(utf8: once)
                    #expect(twice == once, "\(style), \(spacing): \(String(decoding: text, as: UTF8.self).debugDescription)")
                    var stream = cleaner.makeStream()
                    var streamed: [UInt8] = []
                    for byte in text { try stream.feed([byte], into: &streamed) }
                    try stream.finish(into: &streamed)
                    #expect(streamed == once)
                }
            }
        }
    }

    /// A FuzzCleanStream input read as the harness reads it: the first byte selects the options
    /// (bit 0 rejoin, bit 1 one paragraph per line, bit 2 normalise, bits 3-4 spacing, bit 5
    /// indent removed; the style from the payload's length), the rest, with every malformed UTF-8
    /// sequence replaced by U+FFFD, is the text.
    private static func harnessCleaner(_ raw: [UInt8]) throws -> (TextCleaner, [UInt8]) {
        let payload = Array(String(decoding: raw.dropFirst(), as: UTF8.self).utf8)
        let options = raw[0]
        let flag = { (n: Int) in options & (1 << n) != 0 }
        let cleaner = try TextCleaner(options: .init(
            rejoins: flag(0), rejoinOptions: .init(paragraphSeparator: flag(1) ? .newline : .blankLine),
            normalizes: flag(2), style: PunctuationNormalizer.Style.allCases[payload.count % 3],
            normalizationOptions: .init(spacing: PunctuationNormalizer.Spacing.allCases[Int(options >> 3) % 3],
                                        indent: flag(5) ? .remove : .keep),
            conversions: []))
        return (cleaner, payload)
    }
}
