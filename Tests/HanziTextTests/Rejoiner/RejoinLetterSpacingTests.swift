import Testing
@testable import HanziText

/// Letter spacing of justified lines that hold Latin letters and digits: fully spaced lines
/// (`新 版 本 支 持 U b u n t u`) and spaced runs of half-width characters inside solid CJK
/// text (`定一个J S O N 文件`) lose their letter spacing; spaces of the text stay.
@Suite struct RejoinLetterSpacingTests {
    let rejoiner = ColumnRejoiner()

    func rejoin(_ s: String) -> [UInt8] { Array(rejoiner.rejoin(s).utf8) }
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// A column of 16 em; the line under test is the last line of a paragraph.
    func column(_ middle: String) -> String {
        "关于版本支持的说明如下所示这是一\n个很长的句子用于测试我们的程序吗\n\(middle)。\n系统，并且保持了很好的兼容性与稳\n定性，欢迎大家下载使用。\n"
    }

    func expectRejoined(_ middle: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let out = rejoiner.rejoin(column(middle))
        let want = "关于版本支持的说明如下所示这是一个很长的句子用于测试我们的程序吗\(expected)。\n\n系统，并且保持了很好的兼容性与稳定性，欢迎大家下载使用。\n"
        #expect(Array(out.utf8) == bytes(want), "\(out)", sourceLocation: sourceLocation)
    }

    @Test func fullyLetterSpacedLineWithLatinLetters() {
        expectRejoined("支 持 U b u n t u", "支持Ubuntu")
    }

    @Test func fullyLetterSpacedLineWithDigitsAndComma() {
        expectRejoined("1 , 2 6 0 次 代 码", "1,260次代码")
    }

    @Test func shortLetterSpacedLineWithDigit() {
        let out = rejoiner.rejoin("（ 新 華 社 北 京 7 月\n7 日 電 ）\n")
        #expect(Array(out.utf8) == bytes("（新華社北京7月7日電）\n"), "\(out)")
    }

    @Test func wordsOfSeveralLettersKeepTheirSpaceInALetterSpacedLine() {
        let out = rejoiner.rejoin("以 改 革 促 进 Wi Fi 网 络 覆 盖 率 大 大 提 升\n")
        #expect(Array(out.utf8) == bytes("以改革促进Wi Fi网络覆盖率大大提升\n"), "\(out)")
    }

    @Test func spacedHalfWidthRunsInsideSolidText() {
        expectRejoined("定一个J S O N 文件，例如配置", "定一个JSON文件，例如配置")
        expectRejoined("共有5 7 名贡献者提交了代码", "共有57名贡献者提交了代码")
        expectRejoined("1 , 2 6 0 次代码。项目采用", "1,260次代码。项目采用")
    }

    @Test func spacedRunBetweenSpacedNeighboursKeepsTheOuterSpaces() {
        // the document spaces CJK from Latin: only the letter spacing inside the run goes
        expectRejoined("包含大量表格的 P D F 时", "包含大量表格的 PDF 时")
    }

    @Test func realSpacesSurvive() {
        // words, version numbers and two single letters spaced from CJK on both sides
        for line in ["使用 Rust 1.80 版本编写的程序", "在 A B 两地之间往返运行", "使用 Swift 6 编写的程序代码", "变量 x 和 y 的取值范围"] {
            let out = rejoiner.rejoin(column(line))
            #expect(Array(out.utf8).containsRun(bytes(line)), "\(line) -> \(out)")
        }
        // a row of numbers is no letter spacing
        let row = "1 2 3 4 5 6\n"
        #expect(rejoin(row) == bytes(row))
    }

    @Test func measuringRunsIsExact() {
        let line = "定一个J S O N 文件"
        var copy = line
        copy.withUTF8 { buf in
            let r = RejoinLetterSpacing.measureRuns(buf.baseAddress!, from: 0, to: buf.count)
            #expect(r.droppedWidth == 8)  // three inside the run, one after it
            var out: [UInt8] = []
            RejoinLetterSpacing.writeCollapsingRuns(buf.baseAddress!, from: 0, to: buf.count, into: &out)
            #expect(out == Array("定一个JSON文件".utf8))
        }
    }

    /// In a column a few characters wide, a paragraph's first line (its indent dropped by the
    /// extractor) that holds three characters is stretched to the column, its gaps read as
    /// spaces (`天 地 不`): it goes on into the next line, not a spaced heading. Two spaced
    /// characters (`前 言`) stay a heading.
    @Test func stretchedFirstLineOfANarrowColumnGoesOn() {
        let text = ["天 地 不", "仁，以万物为", "刍狗；圣人不", "仁，以百姓为", "刍狗。", "其 犹 橐", "籥乎？虚而不",
                    "屈，动而愈出", "。多言数穷，", "不如守中。"].joined(separator: "\n") + "\n"
        let out = rejoiner.rejoin(text)
        #expect(!out.contains("不\n") && !out.contains("橐\n"), "\(out)")
        #expect(out.contains("刍狗。\n\n其"), "\(out)")
        let heading = ["前 言", "天地不仁，以", "万物为刍狗；", "圣人不仁，以", "百姓为刍狗。"].joined(separator: "\n") + "\n"
        #expect(rejoiner.rejoin(heading).hasPrefix("前 言\n\n天地不仁"), "\(rejoiner.rejoin(heading))")
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs as a contiguous run.
    func containsRun(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        for i in 0...(count - needle.count) where self[i] == needle[0] && Array(self[i..<(i + needle.count)]) == needle {
            return true
        }
        return false
    }
}
