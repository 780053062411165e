import Testing
@testable import HanziText

/// The widths of half-width scalars learned from the document's own evidently full lines
/// (``RejoinWidthCalibration``).
@Suite struct RejoinWidthCalibrationTests {
    /// A column sixteen Han characters wide whose Latin letters are set wider than half an
    /// em (ten letters take the room of about six Han characters). The scanner measures the
    /// full line `的配置abcdefghijklmnop方式用` two Han characters short, and broke the
    /// paragraph after it; the lines before it show how wide the letters are.
    @Test
    func aFullLineOfLatinLettersIsNotTakenForShort() {
        let text = [
            "我们的系统在这里运行并且支持各种",
            "不同的配置abcdefghij方式用户可",
            "以根据需要选择合适的方案完成安装",
            "过程以后再klmnopqrst进行下一步",
            "操作我们的系统在这里运行并且支持",
            "各种不同的uvwxyzabcd配置方式用",
            "户可以根据需要选择合适的方案完成",
            "安装过程以efghijklmn后再进行下",
            "一步操作我们。",
            "的系统在这里运行并且支持各种不同",
            "的配置abcdefghijklmnop方式用",
            "户可以根据需要选择合适的方案完成",
            "安装过程以后再进行下一步操作我们",
            "的系统在。",
            "这里运行并且支持各种不同的配置方",
            "式用户可以qrstuvwxyz根据需要选",
            "择合适的方案完成安装过程以后再进",
            "行下一步操作我们的。",
        ].joined(separator: "\n") + "\n"
        let out = ColumnRejoiner().rejoin(text)
        #expect(!out.contains("方式用\n"), "broken after the full line: \(out)")
        #expect(out.components(separatedBy: "\n\n").count == 3)
    }

    /// Lines with Latin letters that are set as wide as the scanner measures them teach
    /// nothing new: the widths stay two quarter ems, and a line is never made narrower than
    /// measured.
    @Test
    func widthsStayTwoQuarterEmsWithoutEvidence() {
        var calibration = RejoinWidthCalibration()
        var a = RejoinLine()
        a.halfWidths.letters = 10
        a.collapsedWidth = 64
        a.end = .open
        a.last = 0x4E2D
        var b = RejoinLine()
        b.first = 0x4E2D
        for _ in 0..<8 {
            withUnsafePointer(to: a) { a in
                withUnsafePointer(to: b) { b in
                    calibration.observe(a, before: b, columnWidth: 64, isColumn: true, startsParagraph: false,
                                        baseIndent: 0)
                }
            }
        }
        #expect(abs(calibration.widths.letters - 2) < 0.01)
        var narrow = RejoinLine()
        narrow.halfWidths.marks = 10
        var learned = RejoinHalfWidths()
        learned.marks = 1
        #expect(learned.correction(narrow) == 0)
        narrow.halfWidths.letters = 10
        learned.letters = 2.5
        #expect(learned.correction(narrow) == 0)
        narrow.halfWidths.marks = 0
        #expect(learned.correction(narrow) == 5)
    }

    /// Wider letters in evidently full lines are learned.
    @Test
    func widerLettersAreLearned() {
        var calibration = RejoinWidthCalibration()
        var a = RejoinLine()
        a.halfWidths.letters = 10
        a.collapsedWidth = 60   // ten Han characters and ten letters measured at two
        a.end = .open
        a.last = 0x4E2D
        var b = RejoinLine()
        b.first = 0x4E2D
        for _ in 0..<8 {
            withUnsafePointer(to: a) { a in
                withUnsafePointer(to: b) { b in
                    calibration.observe(a, before: b, columnWidth: 65, isColumn: true, startsParagraph: false,
                                        baseIndent: 0)
                }
            }
        }
        #expect(calibration.widths.letters > 2.4 && calibration.widths.letters < 2.5)
    }
}
