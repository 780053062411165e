import Testing
@testable import HanziText
import HanziTestSupport

/// Inputs the fuzz harness FuzzRejoin found where rejoining twice changes the text
/// (Fuzz/Corpus/FuzzRejoin/found-*).
@Suite struct ColumnRejoinerIdempotenceTests {
    /// Three short lines of OpenCC's test text: the first pass kept them as paragraphs
    /// separated by blank lines; the second read blank lines after every line as carrying no
    /// information and joined the paragraph that ends without punctuation to the next.
    @Test
    func rejoiningTwiceChangesNothingOnShortParagraphs() {
        let text = "為了眾人化妝床頭裡面衛生，醞釀群峰鐵鉤嘆氣事件\n在廚房裡做手擀麵\n想到自己一緊張就口吃，我就沒胃口吃飯"
        let rejoiner = ColumnRejoiner()
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// One paragraph per line, with every kind of line break (LS, PS, FF, CRLF, CR, VT, NEL):
    /// the second pass joins 第二段 and 第三段, which the first kept apart.
    @Test
    func rejoiningTwiceChangesNothingAcrossLineBreakKinds() {
        let text = "statical-\u{FFFD}ly and C\u{2028}第二段\u{2029}第三段\u{C}下一页\u{D}\u{A}回车\u{D}换行\u{B}竖\u{85}NEL\u{A}"
        let rejoiner = ColumnRejoiner(options: .init(paragraphSeparator: .newline))
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// Four short lines without a column, of which the first pass joins two (an opening
    /// bracket) and keeps the other breaks: its output has three paragraphs of about one
    /// width that stop without punctuation. The second pass read the blank lines after every
    /// line as carrying no information, took those three for a column and joined them all.
    @Test
    func rejoiningTwiceKeepsParagraphsThatOnlyThreeLinesMakeAColumn() {
        let text = "研究背景与问题的提出\n数据来源和处理方法简述\n实验结果（\n第一组）与分析\n结论。\n"
        let rejoiner = ColumnRejoiner()
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        #expect(String(decoding: once, as: UTF8.self)
                == "研究背景与问题的提出\n\n数据来源和处理方法简述\n\n实验结果（第一组）与分析\n\n结论。\n")
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzRejoin/found-b0e9e2f53621 (the harness's payload, made valid UTF-8):
    /// the second pass estimated a column from three of seven paragraphs and joined `新 局`
    /// to `面` across the blank line between them.
    @Test
    func rejoiningTwiceChangesNothingWhereAColumnRestsOnThreeLines() {
        let text = "以 改 革 促_________________________\u{FFFD}\u{FFFD}\n\u{FFFD}j\u{FFFD} \u{FFFD}/\u{FFFD}\u{FFFD} "
            + "\u{FFFD}\u{18}\u{0}\u{FFFD}\u{FFFD} 新 局\n面\n\n  Q\u{0}\u{0} 新华社北京7月6日由\n"
            + "一\u{FFFD})\u{FFFD}总, go soft\u{AD}\nhyhyphen\n中\u{FFFD}则\n\u{FFFD}圈\n"
        let rejoiner = ColumnRejoiner()
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzRejoin/found-2bbfaf791371 (its first 28 lines), one paragraph per
    /// line: the stream's own second reading took three paragraphs of about one width among
    /// twelve for a column and joined `[7]` to the next paragraph; the paragraph that line
    /// made was wider than any column, and the next pass read the text as unwrapped and
    /// joined `info` to `程序`, which both readings of the first pass had kept apart.
    @Test
    func rejoiningTwiceChangesNothingWhereThreeParagraphsLookLikeAColumn() {
        let text = [
            "主要的优点是它是一个超链接系",
            "统。但它并不需要WWW；info",
            "程序可以在纯文本控制台运行。它",
            "是由Richard Stallman在WWW",
            "发明之前设计的。",
            "注 意 ， 通 过 使 用 “dwww”、",
            "“dhelp”或“doccentral”命令",
            "（可使用对应的软件包进行安",
            "装）",
            "\u{FFFD}<\u{FFFD}或者使用“yelp”",
            "，您可以用",
            "WWW浏览器访问您系统中的许",
            "多文档。",
            "有没有可以讨论Debian",
            "的在线资源\u{FFFD}要说脏话；此外，有些人通过封",
            "包无线电来接收邮件列表，这种情",
            "况下说脏话是违法的。",
            "确保您使用合适的邮件列表。不要",
            "将订阅（或退订）请求发送到邮件",
            "列表本身。[7]",
            "关于报告缺陷的注意事项，请阅读",
            "第12.5节“如何报告Debian中的",
            "缺陷？”",
            "。",
            "网络论坛",
            "Debian用户论坛是一个网络论",
            "坛，您可以在上面提出问题，并得",
            "到其他用户的解答。",
        ].joined(separator: "\n") + "\n"
        let rejoiner = ColumnRejoiner(options: .init(paragraphSeparator: .newline))
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzRejoin/found-b430901f0300, one paragraph per line: the stream's
    /// second reading kept the break after a short line that reads as a heading among four
    /// lines; its output has three, too few to tell a heading from a wrapped line, and the
    /// next pass joined it. A heading much narrower than the next line now stays with few
    /// lines too.
    @Test
    func rejoiningTwiceKeepsAHeadingWhenTheOutputHasFewerLines() {
        let text = "stly and C\u{2028}第二段\u{2029}第三\u{FFFD}\u{FFFD}\u{C}下一页"
            + String(repeating: "\u{FFFD}", count: 19)
            + "\u{1}"
            + String(repeating: "\u{FFFD}", count: 4)
            + "\u{D}\u{A}回车\u{D}换行\u{F}竖\u{85}NEL"
            + String(repeating: "\u{FFFD}", count: 33)
            + "当只使用它，而不是混\u{A}发行版\u{FFFD}\u{0}\u{0}\u{0}\u{0}"
            + String(repeating: "\u{FFFD}", count: 6)
            + "\u{A}"
        let rejoiner = ColumnRejoiner(options: .init(paragraphSeparator: .newline))
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzCleanStream/found-f558cefd0bad: one character per line, each followed
    /// by more blank lines than the others; the first pass kept them apart, and its output,
    /// one character per paragraph with a blank line after each, was joined by the second.
    @Test
    func rejoiningTwiceKeepsParagraphsOfOneCharacter() {
        let text = "\u{19}\r\r\r\r\r\u{C}\r\u{0}" + String(repeating: "\r", count: 24) + "z" + String(repeating: "\r", count: 7)
            + "-" + String(repeating: "\r", count: 40) + "=\r\r\r\r"
        let rejoiner = ColumnRejoiner()
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzCleanStream/found-3e715fe92831: lines each followed by many blank
    /// lines, and a lone `-` before a page break and a running head. The first pass kept
    /// every break (more blank lines than the usual three or more, page furniture); the second,
    /// one blank line after each, joined the `-` to the next paragraph as a hyphenated word
    /// and `Dictio` to `.` as lines of a column.
    @Test
    func rejoiningTwiceKeepsBreaksMarkedByManyBlankLines() {
        let text = String(repeating: "\r", count: 5)
            + "\u{C}"
            + String(repeating: "\r", count: 4)
            + "Dictio"
            + String(repeating: "\r", count: 13)
            + "."
            + String(repeating: "\u{0}", count: 8)
            + String(repeating: "\r", count: 24)
            + "z"
            + String(repeating: "\r", count: 7)
            + "-"
            + String(repeating: "\r", count: 23)
            + "\u{C}"
            + String(repeating: "\r", count: 4)
            + "Dictio"
            + String(repeating: "\r", count: 13)
            + "."
            + String(repeating: "\u{0}", count: 8)
            + String(repeating: "\r", count: 24)
            + "z"
            + String(repeating: "\r", count: 20)
            + "="
            + String(repeating: "\r", count: 4)
        let rejoiner = ColumnRejoiner()
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzRejoin/found-271722f7a20c, one paragraph per line, with every kind of
    /// line break: found while the rules for few lines were being changed (an output of few
    /// lines that changed when read again); kept as a guard.
    @Test
    func rejoiningTwiceChangesNothingOnFewLinesWithLineBreakKinds() {
        let text = "statical-\u{FFFD}ly and C\u{2028}第二段\u{2029}第三段\u{C}下一页\u{D}\u{A}\u{FFFD}\u{B}"
            + String(repeating: "\u{0}", count: 6)
            + "\u{FFFD}\u{FFFD}车\u{D}换行\u{B}竖\u{85}NEL\u{A}"
        let rejoiner = ColumnRejoiner(options: .init(paragraphSeparator: .newline))
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzRejoin/found-8330271281bf (the harness's payload, made valid UTF-8), one
    /// paragraph per line: the first pass joined the lines of a column window and kept a break
    /// inside it (`有读了后其` / `中得一…`); the second read the joined lines as a column again
    /// and joined that break.
    @Test
    func rejoiningTwiceKeepsABreakTheFirstPassKeptInAJoinedWindow() throws {
        let text = Self.fuzzPayload(try RepositoryRoot.bytes("Fuzz/Corpus/FuzzRejoin/found-8330271281bf"))
        let rejoiner = ColumnRejoiner(options: .init(paragraphSeparator: .newline))
        let once = rejoiner.rejoin(utf8: text)
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzCleanStream/found-94794de95854 and found-7f9ed60a1745 (options byte 0x21:
    /// rejoin only, a blank line between paragraphs): lines of control characters and NULs,
    /// each followed by many blank lines. The first pass joined some as a column and kept the
    /// rest as paragraphs, which the second joined (`?\0\0\0\0` / `.`): lines of NULs that came
    /// back after page breaks had been read as running heads, which the output, without its
    /// page breaks, no longer shows. Control characters no longer count as a head's text.
    @Test(arguments: ["found-94794de95854", "found-7f9ed60a1745"])
    func rejoiningTwiceKeepsLinesOfControlCharactersApart(_ name: String) throws {
        let text = Self.fuzzPayload(try RepositoryRoot.bytes("Fuzz/Corpus/FuzzCleanStream/" + name))
        let rejoiner = ColumnRejoiner()
        let once = rejoiner.rejoin(utf8: text)
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzCleanStream/found-aa422b78c296 (options byte 0x21: rejoin only, a blank
    /// line between paragraphs): short lines, each followed by many blank lines but `z`
    /// ⏎ `Sequence`. The first pass kept them apart (three lines of about one width are too
    /// little for a column) but joined `z` to `Sequence`; its output, one blank line after every
    /// line, showed four lines of about one width, a column that the second pass joined. Where
    /// blank lines follow every line, the column is now judged on the blocks between them, the
    /// lines the output will have.
    @Test
    func rejoiningTwiceKeepsLinesThatAJoinMadeLookLikeAColumn() throws {
        let text = Self.fuzzPayload(try RepositoryRoot.bytes("Fuzz/Corpus/FuzzCleanStream/found-aa422b78c296"))
        let rejoiner = ColumnRejoiner()
        let once = rejoiner.rejoin(utf8: text)
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzRejoin/found-1935a21d225d (options byte 0x12: a blank line between
    /// paragraphs): a dateline broken by U+FFFD, NULs and control characters (`新华�` ⏎ FF ⏎
    /// `\0�社北月\u{F} \0\0电`), in a narrow "column" of list items. The first pass kept the break
    /// as page furniture (a line wider than the column after a page break); its output has a
    /// blank line there, and the second pass joined the full line that stops mid-sentence to
    /// the wide one. A line wider than the column after a blank line is now another block.
    @Test
    func rejoiningTwiceKeepsTheBreakInsideABrokenDateline() throws {
        let text = Self.fuzzPayload(try RepositoryRoot.bytes("Fuzz/Corpus/FuzzRejoin/found-1935a21d225d"))
        let rejoiner = ColumnRejoiner()
        let once = rejoiner.rejoin(utf8: text)
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// A column, double-spaced (a blank line after every line), with a wider block after a
    /// column break: the blank line before the wide line separates even after a full line
    /// that stops mid-sentence, so the second pass, which sees a blank line where the first
    /// saw a page break, keeps it too.
    @Test
    func aLineWiderThanTheColumnAfterABlankLineIsAnotherBlock() {
        let column = ["我们党推进全面从严治党的决心", "坚定不移，各级组织必须认真贯", "彻落实中央的决策部署，切实把",
                      "各项工作做深做细做实，确保取"]
        let wide = "经济观察 第三版 二〇二一年七月六日 星期二 责任编辑"
        for separator in ["\n\n", "\n\u{C}"] {
            let text = column.joined(separator: "\n") + separator + wide + "\n\n得实际成效。\n"
            let rejoiner = ColumnRejoiner()
            let once = rejoiner.rejoin(utf8: Array(text.utf8))
            #expect(String(decoding: once, as: UTF8.self).contains("确保取\n\n" + wide + "\n\n"))
            #expect(rejoiner.rejoin(utf8: once) == once)
        }
    }

    /// List items of about one width that stop mid-sentence, then one kept apart from the line
    /// after it by a page break or an indent, which the output shows as a blank line only. The
    /// items' lines stop where the next item begins, not where a column wrapped them: they show
    /// no column, to the first reading or the second, which joined `没有` to `页眉`.
    @Test(arguments: ["\u{C}页眉\n", "\n\n    页眉\n"])
    func rejoiningTwiceKeepsABreakAfterListItemsOfOneWidth(_ pageOrIndent: String) {
        let text = "一、关于进一步加强基层治理工作\n二、关于推进全面从严治党决心\n三、关于认真贯彻落实中央部署\n"
            + "四、关于切实把各项工作做深做\n五、然后正文这一行是满的没有" + pageOrIndent + "继续的文字。\n"
        let rejoiner = ColumnRejoiner()
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        #expect(String(decoding: once, as: UTF8.self).contains("没有\n\n页眉\n\n"))
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// A single letter at a line end joined to a line that begins with one glued to CJK text:
    /// a space between them would make a spaced run of half-width characters (`z l目`), which
    /// a second reading takes for letter spacing and closes up; so would a line letter-spaced
    /// as a whole (`目 z l 目`). The joint puts none. Where the letters are words of Latin text
    /// (`Plan A` ⏎ `B is`), the space stays.
    @Test(arguments: [("z\nl目Ran\n", "zl目Ran\n"), (".\u{0}z\nl目Ran\n", ".\u{0}zl目Ran\n"),
                      ("Plan A\nB is here\n", "Plan A B is here\n"), ("目 z\nl 目\n", "目 zl 目\n")])
    func aJointBetweenSingleLettersIsNoLetterSpacing(_ text: String, _ expected: String) {
        let rejoiner = ColumnRejoiner()
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        #expect(String(decoding: once, as: UTF8.self) == expected)
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzRejoin/found-579cdb133de0 (options byte 0xF3: one paragraph per line):
    /// the stream's second reading joined two short lines into one (`\u{7}@` `��`) whose width
    /// made, with two others, a column of three lines among four, which the next pass joined.
    /// An output that short (fewer lines than a window looks ahead) is now read again until it
    /// is settled; fed in chunks of any size, the stream gives the same bytes.
    @Test
    func rejoiningTwiceChangesNothingWhereAJoinCompletesAColumnInAShortOutput() throws {
        let text = Self.fuzzPayload(try RepositoryRoot.bytes("Fuzz/Corpus/FuzzRejoin/found-579cdb133de0"))
        let rejoiner = ColumnRejoiner(options: .init(paragraphSeparator: .newline))
        Self.expectSettled(text, by: rejoiner, chunkSizes: [1, 2, 5])
    }

    /// Fuzz/Corpus/FuzzCleanStream/found-2f74f073c281 (options byte 0x21: rejoin only, a blank
    /// line between paragraphs): four short lines after many blank lines (`t\u{5}ci`, `oD`, `M`,
    /// `$`). The first pass kept the first two as headings among four lines and joined the
    /// one-character lines; its output has three lines, a column of three of about one width
    /// with too little evidence for headings, and the second pass joined them all. A short
    /// text's output in which lines were joined is now read again until it is settled; fed in
    /// chunks of any size, the stream gives the same bytes.
    @Test
    func rejoiningTwiceChangesNothingWhereJoinsLeaveTooFewLinesForHeadings() throws {
        let text = Self.fuzzPayload(try RepositoryRoot.bytes("Fuzz/Corpus/FuzzCleanStream/found-2f74f073c281"))
        let rejoiner = ColumnRejoiner()
        Self.expectSettled(text, by: rejoiner, chunkSizes: [1, 2, 5])
    }

    /// Fuzz/Corpus/FuzzRejoin/found-dc928f3ebd05 and found-4b72302f196b, FuzzCleanStream/
    /// found-debc5c395ca3 (options byte 0x89: rejoin only, a blank line between paragraphs):
    /// the first pass finds no column and keeps `发��` apart as a heading, or `（一）�` apart
    /// from `1�的. 第一` in a text a little longer than a window, or keeps `请安装该软件` apart
    /// from `包。` between page numbers and page breaks; the lines its joins make (letter
    /// spacing closed up, pieces joined, page breaks gone) show a column to the second pass,
    /// which joined them. FuzzRejoin/found-844936f55bee (one paragraph per line): the same
    /// with the second reading that one paragraph per line has, whose output was settled only
    /// where it had too few lines to decide a break before its end. A text of at most 64 KiB
    /// is now held and read again until it is settled, whatever its number of lines; fed in
    /// chunks of any size, the stream gives the same bytes.
    @Test(arguments: [("FuzzRejoin/found-dc928f3ebd05", false), ("FuzzRejoin/found-4b72302f196b", false),
                      ("FuzzCleanStream/found-debc5c395ca3", false), ("FuzzRejoin/found-844936f55bee", true)])
    func rejoiningTwiceChangesNothingInAShortText(_ name: String, _ onePerLine: Bool) throws {
        let text = Self.fuzzPayload(try RepositoryRoot.bytes("Fuzz/Corpus/" + name))
        let rejoiner = ColumnRejoiner(options: .init(paragraphSeparator: onePerLine ? .newline : .blankLine))
        Self.expectSettled(text, by: rejoiner, chunkSizes: [1, 3, 7])
    }

    /// Fuzz/Corpus/FuzzRejoin/found-8f7fedc533d3: a short text of letter-spaced lines, NULs,
    /// list items and runs of page breaks. The first reading joined no lines, so its output was
    /// not read again, though it differed from the input (letter spacing closed up, page breaks
    /// dropped), and the second pass joined `（一）�` to `1�的. 第一`, which the first kept apart.
    /// A short text's output that differs from its input is now read again until it is settled,
    /// joined or not; fed in chunks of any size, the stream gives the same bytes.
    @Test
    func rejoiningTwiceKeepsAListItemAmongPageBreaks() throws {
        let text = Self.fuzzPayload(try RepositoryRoot.bytes("Fuzz/Corpus/FuzzRejoin/found-8f7fedc533d3"))
        Self.expectSettled(text, by: ColumnRejoiner(), chunkSizes: [1, 3, 7])
    }

    /// An output is its input where the two are equal or the output only ends the input's last
    /// line; anything else, even a dropped page break or a second final line break, is not.
    @Test
    func anOutputIsItsInputOnlyUpToTheLastLineBreak() {
        let input = Array("甲\n乙".utf8)
        #expect(ColumnRejoiner.Stream.isInput(input, input))
        #expect(ColumnRejoiner.Stream.isInput(input + [0x0A], input))
        #expect(!ColumnRejoiner.Stream.isInput(input + [0x0A, 0x0A], input))
        #expect(!ColumnRejoiner.Stream.isInput(input + [0x0A], input + [0x0A, 0x0C]))
        #expect(!ColumnRejoiner.Stream.isInput(Array("甲乙\n".utf8), input))
        #expect(!ColumnRejoiner.Stream.isInput(input + [0x0A, 0x0A], input + [0x0A]))
    }

    /// Expects `text` rejoined once to be settled (rejoining the output changes nothing), and
    /// the stream fed in chunks of each of `chunkSizes` bytes to give the same bytes.
    private static func expectSettled(
        _ text: [UInt8], by rejoiner: ColumnRejoiner, chunkSizes: [Int],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let once = rejoiner.rejoin(utf8: text)
        #expect(rejoiner.rejoin(utf8: once) == once, sourceLocation: sourceLocation)
        for size in chunkSizes {
            var stream = rejoiner.makeStream()
            var streamed: [UInt8] = []
            var i = 0
            while i < text.count {
                stream.feed(text[i..<min(text.count, i + size)], into: &streamed)
                i += size
            }
            stream.finish(into: &streamed)
            #expect(streamed == once, "fed in chunks of \(size) bytes", sourceLocation: sourceLocation)
        }
    }

    /// A fuzz input's payload as the harnesses read it: without the options byte, with every
    /// malformed UTF-8 sequence replaced by U+FFFD.
    private static func fuzzPayload(_ raw: [UInt8]) -> [UInt8] {
        Array(String(decoding: raw.dropFirst(), as: UTF8.self).utf8)
    }
}
