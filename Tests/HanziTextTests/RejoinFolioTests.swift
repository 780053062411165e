import Testing
@testable import HanziText

/// Page numbers and running heads inside the text stream: each is a paragraph of its own,
/// and the text on either side of it is decided as if it were not there.
@Suite struct RejoinFolioTests {
    let rejoiner = ColumnRejoiner()

    func folio(_ line: String) -> Bool {
        let scalars = line.unicodeScalars.map(\.value).filter { !ScalarClass.isWhitespace($0) }
        var copy = line
        return copy.withUTF8 { buf in
            RejoinFolio.isFurnitureLine(buf.baseAddress!, from: 0, to: buf.count, scalars: scalars.count,
                                        last: scalars.last ?? 0)
        }
    }

    @Test func folioLines() {
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
}

/// A byline set as the first line of a column (no blank line, no indent) stays a
/// paragraph of its own.
@Suite struct RejoinBylineTests {
    @Test func bylineBeforeAFullLine() {
        let text = """
            弘扬上海精神开辟周边命运共同体建设新前景

            本报记者 张明 李华 2024年7月7日
            “面对冷战思维的现实威胁，我们要守
            住安全底线。”“面对小院高墙的现实
            风险，我们要维护发展权利。”“面对
            变乱交织的世界，我们要坚守公平正
            义。”习近平主席的讲话引起共鸣。

            """
        let out = ColumnRejoiner().rejoin(text)
        #expect(out.contains("\n\n本报记者 张明 李华 2024年7月7日\n\n“面对冷战"), "\(out)")
    }

    /// A spaced heading that wraps goes on with a line no wider.
    @Test func wrappedSpacedHeadingStaysWhole() {
        let text = """
            习近平主席的讲话引起了与会各国领导
            人的强烈共鸣，大家纷纷表示赞同。

            弘扬“上海精神” 深化睦邻友好
            开辟周边命运共同体建设

            习近平主席的讲话引起了与会各国领导
            人的强烈共鸣，大家纷纷表示赞同。

            """
        let out = ColumnRejoiner().rejoin(text)
        #expect(out.contains("\n\n弘扬“上海精神” 深化睦邻友好开辟周边命运共同体建设\n\n"), "\(out)")
    }
}
