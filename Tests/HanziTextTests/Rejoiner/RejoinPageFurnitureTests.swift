import Testing
@testable import HanziText

/// Page numbers and running heads inside the text stream: each is a paragraph of its own,
/// and the text on either side of it is decided as if it were not there.
@Suite struct RejoinPageFurnitureTests {
    let rejoiner = ColumnRejoiner()

    func folio(_ line: String) -> Bool {
        let scalars = line.unicodeScalars.map(\.value).filter { !ScalarClass.isWhitespace($0) }
        var copy = line
        return copy.withUTF8 { buf in
            RejoinPageFurniture.isFurnitureLine(buf.baseAddress!, from: 0, to: buf.count, scalars: scalars.count,
                                        last: scalars.last ?? 0)
        }
    }

    @Test func furnitureLines() {
        for line in ["3", "12", "- 2 -", "— 12 —", "· 4 ·", "2 / 10", "2/10", "第 2 版", "第2版", "第十二版",
                     "第 3 頁", "第3页", "Page 3", "人民日报 2024年7月7日 星期日 要闻 第 2 版",
                     "1人民日报 2024年7月7日 星期日        第 2 版"] {
            #expect(folio(line), "\(line)")
        }
        for line in ["2024年", "- 2", "1.", "12345", "第二章", "一", "中国", "刊登在第 2 版", "2/", "/2",
                     "3.5", "页", "第版", "他说第2版", "Page", "人民日报 2024年7月7日 要闻"] {
            #expect(!folio(line), "\(line)")
        }
    }

    /// A column of 16 em whose paragraph runs across a page number (PyMuPDF writes no
    /// form feed): the number stands alone and the halves are not split further.
    @Test func pageNumberInsideAParagraph() {
        let text = """
            关于版本支持的说明如下所示这是一
            个很长的句子用于测试我们的程序吗
            这是第三行文字内容继续写下去直到
            3
            各国合作，共建人类命运共同体的努
            力正在不断推进之中并取得了成果。

            """
        let out = rejoiner.rejoin(text)
        #expect(Array(out.utf8) == Array("""
            关于版本支持的说明如下所示这是一个很长的句子用于测试我们的程序吗这是第三行文字内容继续写下去直到

            3

            各国合作，共建人类命运共同体的努力正在不断推进之中并取得了成果。

            """.utf8), "\(out)")
    }

    /// A page number, a running head and an edition mark between a heading and the
    /// first line of a paragraph: the heading, the furniture and the paragraph stay apart,
    /// and the paragraph's first line is joined to its second.
    @Test func runningHeadBetweenPageNumbers() {
        let text = """
            关于版本支持的说明如下所示这是一
            个很长的句子用于测试我们的程序。
            - 2 -
            人民日报 2024年7月7日 星期日 要闻
            第 2 版
            　　王毅表示，哈萨克斯坦是我国西
            北要邻和永久全面战略伙伴。两国关
            系发展得很好。

            """
        let out = rejoiner.rejoin(text)
        #expect(Array(out.utf8) == Array("""
            关于版本支持的说明如下所示这是一个很长的句子用于测试我们的程序。

            - 2 -

            人民日报 2024年7月7日 星期日 要闻

            第 2 版

            王毅表示，哈萨克斯坦是我国西北要邻和永久全面战略伙伴。两国关系发展得很好。

            """.utf8), "\(out)")
    }

    /// Digits set one per line are text, not page numbers.
    @Test func oneDigitPerLineIsText() {
        let text = "二\n〇\n二\n四\n年\n7\n月\n"
        #expect(Array(rejoiner.rejoin(text).utf8) == Array("二〇二四年7月\n".utf8))
    }

    /// A running head without a page number beside it is furniture from its second
    /// appearance on (the date may change), at least a page later.
    @Test func repeatedRunningHead() {
        var lines: [String] = []
        let body = ["关于版本支持的说明如下所示这是一", "个很长的句子用于测试我们的程序吗", "这是第三行文字内容继续写下去直到",
                    "各国合作，共建人类命运共同体的努", "力正在不断推进之中并且取得成果。"]
        for page in 0..<3 {
            lines.append("聯合日報 2024年7月\(page + 6)日 焦點")
            for _ in 0..<5 { lines += body }
        }
        let out = ColumnRejoiner().rejoin(lines.joined(separator: "\n") + "\n")
        // the first one cannot be told from a heading yet; the next two stand alone
        #expect(out.contains("。\n\n聯合日報 2024年7月7日 焦點\n\n关于"), "\(out)")
        #expect(out.contains("。\n\n聯合日報 2024年7月8日 焦點\n\n关于"), "\(out)")
    }

    /// The same short line a few lines later is no running head.
    @Test func nearbyRepetitionIsText() {
        let text = "推进互利合作 践行多边主义\n关于版本支持的说明如下所示这是一\n个很长的句子。\n推进互利合作 践行多边主义\n"
        var heads = RejoinRunningHeads()
        var line = RejoinLine()
        var copy = text
        var seen: [Bool] = []
        copy.withUTF8 { buf in
            var start = 0, number = 0
            for i in 0..<buf.count where buf[i] == 0x0A {
                number += 1
                if RejoinLineScanner.measure(buf.baseAddress!, from: start, to: i, base: 0, into: &line) {
                    line.inputLine = number
                    seen.append(withUnsafePointer(to: &line) { heads.repeats($0, in: buf.baseAddress!, base: 0) })
                }
                start = i + 1
            }
        }
        #expect(seen == [false, false, false, false])
    }
}
