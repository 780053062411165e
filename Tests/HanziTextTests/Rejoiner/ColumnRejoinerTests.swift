import HanziTestSupport
import Foundation
import Testing
@testable import HanziText

/// The rejoiner on the cases the specification names, on the file format, and on large
/// inputs.
enum ColumnRejoinerGeneratedInvariant {
    static func check(input: String, output: String) -> Bool {
        RejoinGeneratedTests.checkInvariant(input: input, output: output)
    }
}

@Suite struct ColumnRejoinerTests {
    let rejoiner = ColumnRejoiner()

    func rejoin(_ s: String) -> [UInt8] { Array(rejoiner.rejoin(s).utf8) }
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// A column of about 18 characters from a newspaper: blank lines separate paragraphs,
    /// first lines are 2 em narrower, one blank line is a column break mid-word.
    static let column = """
        “为了人民而改革，改革才有意义；依
        靠人民而改革，改革才有动力。”

        近年来，医药卫生体制改革推进国家
        组织药品和高值耗材集中采购和使用，医
        药费用过快增长势头得到初步遏制。

        药品价格降下来，民生温度升上去。
        深化医药卫生体制改革铺就一条健

        康中国之路——持续提高基本医保和大
        病保险水平，将更多群众急需药品纳入医
        保报销范围，住院和门诊费用实现跨省直
        接结算。全面推开公立医院综合改革，持
        续提升县域医疗卫生服务能力，完善分级
        诊疗体系。

        “老百姓关心什么、期盼什么，
        改革就要抓住什么、推进什么”

        以 改 革 促 进 教 育 公 平 和 质 量 提
        升——从推动城乡义务教育一体化发展，

        到完善职业教育和培训体系，深化产教融
        合、校企合作；从深化教育体制机制改革，
        到全面深化新时代教师队伍建设改革，教
        育改革深刻体现着办好人民满意的教育
        的坚定初心。

        """

    @Test func newspaperColumn() {
        let out = rejoiner.rejoin(Self.column)
        let paragraphs = out.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
        #expect(paragraphs.count == 6, "\(paragraphs)")
        #expect(paragraphs.contains("药品价格降下来，民生温度升上去。"))
        #expect(paragraphs.contains { $0.hasPrefix("深化医药卫生体制改革铺就一条健康中国之路——持续") })
        #expect(paragraphs.contains("“老百姓关心什么、期盼什么，改革就要抓住什么、推进什么”"))
        #expect(paragraphs.contains { $0.hasPrefix("以改革促进教育公平和质量提升——从推动城乡义务教育一体化发展，到完善") })
        #expect(out.hasSuffix("的坚定初心。\n"))
    }

    @Test func blankLineAfterEveryLine() {
        let text = """
            王毅说，仲夏时节，习近平主席开启中亚

            之行。这是党的二十大后我国最高领导人再

            次出访中亚，对引领上海合作组织发展方向、

            深化中国同地区国家睦邻友好、推动周边命

            运共同体建设走深走实具有重要意义。

            一、弘扬“上海精神”，推动上
            海合作组织发展实现新跨越

            王毅表示，上海合作组织是首个我国参

            与创建、以我国城市命名的国际组织。上海合

            作组织成员国始终以“上海精神”为指引。

            """
        #expect(rejoin(text) == bytes("""
            王毅说，仲夏时节，习近平主席开启中亚之行。这是党的二十大后我国最高领导人再次出访中亚，对引领上海合作组织发展方向、深化中国同地区国家睦邻友好、推动周边命运共同体建设走深走实具有重要意义。

            一、弘扬“上海精神”，推动上海合作组织发展实现新跨越

            王毅表示，上海合作组织是首个我国参与创建、以我国城市命名的国际组织。上海合作组织成员国始终以“上海精神”为指引。

            """))
    }

    @Test func realSpacesStay() {
        let text = """
            想的步伐。（记者齐中熙 姜琳 高敬 严赋
            憬 李晓婷）

            新华社北京7月6日电 2024年7月2日至
            6日，国家主席习近平出席在阿斯塔纳举行
            的上海合作组织成员国元首理事会会议。

            弘扬“上海精神” 深化睦邻友好

            """
        let out = rejoiner.rejoin(text)
        #expect(out.contains("（记者齐中熙 姜琳 高敬 严赋憬 李晓婷）"))
        #expect(out.contains("\n\n新华社北京7月6日电 2024年7月2日至6日，"))
        #expect(out.contains("\n\n弘扬“上海精神” 深化睦邻友好\n"))
    }

    @Test func paragraphEndsByIndentListAndDateline() {
        let text = """
            　　第一段的文字在这里继续写下去，一直
            写到这一行的末尾为止，没有结束的标点
            　　第二段从全角缩进开始，内容也很长很
            长，一直写到这里。
            一、列表的第一项写在这里，内容比较长
            二、列表的第二项
            （一）带括号的编号
            1. 阿拉伯数字编号的一项
            ① 带圈数字编号的一项
            • 项目符号的一项
            新华社北京7月6日电 电头开始新的段落
            """
        let out = rejoiner.rejoin(text)
        let paragraphs = out.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 9, "\(paragraphs)")
        #expect(paragraphs.first == "第一段的文字在这里继续写下去，一直写到这一行的末尾为止，没有结束的标点")
    }

    @Test func listLikeWordsInsideASentence() {
        // `统` + `一、协调` continues a full line that stops mid-word
        let text = "在新时代的伟大变革中，以习近平同志为核\n心的党中央坚持全国一盘棋，推进全国统\n一、协调、规范的市场体系建设，让各地\n区共享发展成果。此前一天，记者从会上\n获悉，各方面推出的改革方案已经超过了\n预期的数量，改革的步伐还在继续加快。\n"
        #expect(rejoin(text) == bytes(text.replacingOccurrences(of: "\n", with: "") + "\n"))
    }

    @Test func pageFurnitureStandsAlone() {
        let text = "第一段在这里写了很长很长的文字内容，一\n直写到这一页的末尾，还没有写完这个段落\n\u{0C}— 3 —\n然后在下一页继续写下去，直到段落结束。\n"
        #expect(rejoin(text) == bytes("第一段在这里写了很长很长的文字内容，一直写到这一页的末尾，还没有写完这个段落\n\n— 3 —\n\n然后在下一页继续写下去，直到段落结束。\n"))
    }

    @Test func oneCharacterPerLineAndBreakBeforePunctuation() {
        #expect(rejoin("改\n革\n开\n放\n是\n决\n定\n命\n运\n的\n关\n键\n。\n") == bytes("改革开放是决定命运的关键。\n"))
        let text = "全面深化改革必须以促进社会公平正义\n，增进人民福祉为出发点和落脚点，从人\n民利益出发谋划改革思路。\n"
        #expect(rejoin(text) == bytes("全面深化改革必须以促进社会公平正义，增进人民福祉为出发点和落脚点，从人民利益出发谋划改革思路。\n"))
    }

    @Test func mixedScriptJoinsFollowTheDocument() {
        // the document writes a space between CJK and Latin/digits: the join gets one
        let spaced = "在 Rust 中，所有权规则由编译器检查，我们用 Rust\n编写了 3 个服务，每个服务都有 2 个副本和\n3 个备份。\n"
        #expect(rejoin(spaced) == bytes("在 Rust 中，所有权规则由编译器检查，我们用 Rust 编写了 3 个服务，每个服务都有 2 个副本和 3 个备份。\n"))
        // the document writes them solid: the join gets none
        let solid = "各方面推出的2000多个改革方案，大写的人字贯穿始终，已有\n3个国家和10个组织参加了会议。\n"
        #expect(rejoin(solid) == bytes("各方面推出的2000多个改革方案，大写的人字贯穿始终，已有3个国家和10个组织参加了会议。\n"))
    }

    @Test func englishHyphens() {
        let text = """
            The compiler checks the types statical-
            ly and reports the errors early in the
            build. The tool was written by Chia-
            liang Wang; run get-
            dependencies first, or pass --
            undo to revert the last change now.

            """
        #expect(rejoin(text) == bytes("The compiler checks the types statically and reports the errors early in the build. The tool was written by Chia-liang Wang; run get-dependencies first, or pass --undo to revert the last change now.\n"))
        let soft = "The library is widely used in soft\u{AD}\nware that needs to be fast and safe.\n"
        #expect(rejoin(soft) == bytes("The library is widely used in software that needs to be fast and safe.\n"))
    }

    @Test func lineBreakForms() {
        let lf = "第一行文字写在这里没有结束，\n第二行文字写完了。\n\n另一段。\n"
        let expected = rejoin(lf)
        #expect(expected == bytes("第一行文字写在这里没有结束，第二行文字写完了。\n\n另一段。\n"))
        #expect(rejoin(lf.replacingOccurrences(of: "\n", with: "\r\n")) == expected)
        #expect(rejoin(lf.replacingOccurrences(of: "\n", with: "\r")) == expected)
        #expect(rejoin("  " + lf.replacingOccurrences(of: "\n", with: "  \n")) == expected)
        // a form feed at a page end is not a paragraph break
        #expect(rejoin("第一行文字写在这里没有结束，\n\u{0C}第二行文字写完了。\n\n另一段。\n") == expected)
        #expect(rejoin("第一行文字写在这里没有结束，\u{2028}第二行文字写完了。\u{2029}另一段。") == expected)
    }

    @Test func outputFormat() {
        #expect(rejoin("") == [])
        #expect(rejoin("\n\n  \n") == [])
        #expect(rejoin("一行") == bytes("一行\n"))
        #expect(rejoin("\n\n一行\n\n\n") == bytes("一行\n"))
        let lines = ColumnRejoiner(options: .init(paragraphSeparator: .newline))
        #expect(Array(lines.rejoin("第一段。\n\n第二段。\n").utf8) == bytes("第一段。\n第二段。\n"))
    }

    @Test func utf8FormMatchesStringForm() {
        let text = Self.column
        #expect(rejoiner.rejoin(utf8: Array(text.utf8)) == rejoin(text))
        #expect(rejoiner.rejoin(utf8: text.utf8) == rejoin(text))
        // invalid bytes pass through unchanged
        let invalid: [UInt8] = [0xFF, 0x0A, 0xE4, 0xB8, 0x0A, 0x41]
        let out = rejoiner.rejoin(utf8: invalid)
        #expect(out.filter { $0 > 0x20 } == invalid.filter { $0 > 0x20 })
    }

    @Test func explainNamesEveryLineBreak() {
        let e = rejoiner.explain(Self.column)
        let textLines = Self.column.split(separator: "\n").filter { !$0.isEmpty }.count
        #expect(e.count == textLines)
        #expect(e.last?.reason == .endOfText)
        #expect(e.contains { $0.reason == .blankAfterFullOpenLine })
    }

    @Test func largeSingleLineAndSingleParagraph() {
        // 5 MB on one line, and 5 MB of one paragraph wrapped at 18 characters: both must
        // stay linear (a quadratic step would not finish).
        let unit = "改革开放是决定当代中国命运的关键一招，"
        let line = String(repeating: unit, count: 90_000)
        let out = rejoiner.rejoin(line)
        #expect(out.utf8.count == line.utf8.count + 1)
        var wrapped = ""
        wrapped.reserveCapacity(line.utf8.count + 400_000)
        var scalars = 0
        for s in line.unicodeScalars {
            wrapped.unicodeScalars.append(s)
            scalars += 1
            if scalars % 18 == 0 { wrapped.unicodeScalars.append("\n") }
        }
        let out2 = rejoiner.rejoin(wrapped)
        #expect(Array(out2.utf8) == Array(out.utf8))
    }

    @Test func longLinesAreCutIdenticallyForAnyChunking() {
        // lines far longer than maxLineBytes, with spaces, Latin words and CJK, cut into
        // pieces the same way whatever the chunks; memory stays bounded
        var rng = RejoinRNG(seed: 5)
        let words = ["改革", "开放", "Rust", " ", "  ", "，", "2024", "\u{3000}", "发展", "a-b", "。"]
        var text = ""
        for _ in 0..<3 {
            for _ in 0..<60_000 { text += words[rng.int(0...words.count - 1)] }
            text += "\n短的一行。\n\n"
        }
        let bytes = Array(text.utf8)
        let whole = rejoiner.rejoin(utf8: bytes)
        #expect(ColumnRejoinerGeneratedInvariant.check(input: text, output: String(decoding: whole, as: UTF8.self)))
        for size in [1, 7, 4096, 65_537, 300_000] {
            var stream = rejoiner.makeStream()
            var out: [UInt8] = []
            var i = 0
            var maxBuffer = 0
            while i < bytes.count {
                let j = min(bytes.count, i + size)
                stream.feed(bytes[i..<j], into: &out)
                maxBuffer = max(maxBuffer, stream.buffer.count)
                i = j
            }
            stream.finish(into: &out)
            #expect(out == whole, "chunk size \(size)")
            #expect(maxBuffer <= (ColumnRejoiner.lookAheadLines + 4) * ColumnRejoiner.maxLineBytes + 2 * size + 131_072)
        }
    }

    @Test func streamHoldsBoundedLines() {
        // however long the text, the stream keeps no more than the look-ahead window
        var stream = rejoiner.makeStream()
        var out: [UInt8] = []
        let line = Array("改革开放是决定当代中国命运的关键一招，\n".utf8)
        for _ in 0..<20_000 {
            stream.feed(line, into: &out)
            #expect(stream.lines.count - (stream.next - stream.linesBase) <= ColumnRejoiner.lookAheadLines + 2)
            #expect(stream.buffer.count <= 65_536 * 2 + line.count * (ColumnRejoiner.lookAheadLines + 2))
            if out.count > 1 << 20 { out.removeAll(keepingCapacity: true) }
        }
        stream.finish(into: &out)
        #expect(out.last == 0x0A)
    }

    /// After a full line that ends a sentence, a line as wide as an indented first line that
    /// ends a sentence too is likelier the paragraph's last line than a paragraph of one line.
    @Test func lastLineAsWideAsAnIndentedFirstLineEndsTheParagraph() {
        let column = [
            "这是一个用来测试的段落，我们先写一些完整", "的行，让列宽可以被估计出来，然后在这里",
            "把句子写完。接下来的一行刚好在行末结束。", "最后一行差不多和首行一样宽的样子。",
            "第二段从这里开始，它的首行也是完整的行", "宽，然后继续写下去直到段落结束为止。",
        ]
        let out = rejoiner.rejoin(column.joined(separator: "\n") + "\n")
        #expect(out.contains("行末结束。最后一行差不多和首行一样宽的样子。\n\n第二段"), "\(out)")
    }

    /// A short question after a full line that ends a sentence is a heading (an FAQ's), not
    /// the paragraph's last line.
    @Test func shortQuestionAfterAFullLineIsAHeading() {
        let column = [
            "软件包管理工具会检查依赖关系，并在安装", "之前提示用户需要额外下载的软件包，有些",
            "软件包被标记为必备，管理工具会拒绝卸载", "它们，因为系统必须要有它们才能正常运行。",
            "什么是虚拟软件包？", "虚拟软件包是一个通用的名称，适合称呼一", "组软件包中的任意一个，这些软件包都提供",
            "类似的基本功能。",
        ]
        let out = rejoiner.rejoin(column.joined(separator: "\n") + "\n")
        #expect(out.contains("才能正常运行。\n\n什么是虚拟软件包？\n\n虚拟软件包"), "\(out)")
    }

    /// In a column whose paragraphs begin indented (the extractor dropped the indents), a
    /// heading about as wide as an indented first line is told from one by the line after it:
    /// that line is itself as narrow as an indented first line and stops mid-sentence, with a
    /// full line after it, so it begins the paragraph, and the heading stays on its own.
    @Test func headingBeforeAnIndentedFirstLineStaysApart() {
        let column = [
            "在這個項目裡我們先把原始碼整理好，再",
            "把測試用例逐一補齊，然後在每個模組裡檢查",
            "所有的邊界情況並記錄下來，這些規則會在下",
            "一節裡詳細說明，並給出可以直接執行的範例",
            "程式和結果。",
            "復原網址識別功能的幾種不同設定方式",
            "當您在鍵入時注意到文字已經自動轉換",
            "為超連結時，請按下復原按鈕取消此格式，或",
            "者在自動校正選項中關閉網址的識別功能，這",
            "樣以後輸入的網址都不會再被轉換。",
        ]
        let out = rejoiner.rejoin(column.joined(separator: "\n") + "\n")
        #expect(out.contains("範例程式和結果。\n\n復原網址識別功能的幾種不同設定方式\n\n當您在鍵入時注意到文字已經自動轉換為超連結時，"), "\(out)")
        // a first line with the same width and no punctuation, followed by full lines, goes on
        var flowing = column
        flowing[6] = "當您在鍵入時注意到文字已經自動轉換為超連"
        flowing[7] = "結時，請按下復原按鈕取消此格式，或者在自"
        flowing[8] = "動校正選項中關閉網址的識別功能，這樣以後"
        flowing[9] = "輸入的網址都不會再被轉換。"
        let out2 = rejoiner.rejoin(flowing.joined(separator: "\n") + "\n")
        #expect(out2.contains("\n\n復原網址識別功能的幾種不同設定方式當您在鍵入時注意到"), "\(out2)")
    }

    /// Headings narrower than an indented first line (about the column less 2 em) are no
    /// evidence that the extractor dropped first-line indents: in a column whose paragraphs
    /// begin flush, the paragraph after a heading is not measured against an indented line's
    /// width, and the heading (`復原URL識別功能`) stays a paragraph of its own.
    @Test func headingsAreNoEvidenceOfIndentedFirstLines() {
        let column = """
            如果您不想在寫入時自動
            識別網址，可有許多方式
            取消此標誌的設定：
            復原URL識別功能
            當您在鍵入時注意到文字
            已經自動轉換為超連結
            時，請按撤銷鍵取消此格
            式。
            關閉URL識別功能
            如果您移除識別網址之前
            的標記，將不會自動以超
            連結替代字詞。
            設定網址的樣式
            您可以在選項對話方塊中
            變更超連結的字元樣式，
            並且套用到整份文件中。

            """
        let expected = """
            如果您不想在寫入時自動識別網址，可有許多方式取消此標誌的設定：

            復原URL識別功能

            當您在鍵入時注意到文字已經自動轉換為超連結時，請按撤銷鍵取消此格式。

            關閉URL識別功能

            如果您移除識別網址之前的標記，將不會自動以超連結替代字詞。

            設定網址的樣式

            您可以在選項對話方塊中變更超連結的字元樣式，並且套用到整份文件中。

            """
        #expect(rejoin(column) == bytes(expected))
    }
}
