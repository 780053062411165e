import Testing
@testable import HanziText

/// A full line that ends a sentence, in a column without indents or blank lines to mark
/// paragraphs, decided by how the window's sentences end (``RejoinSentenceEnds``).
@Suite struct RejoinSentenceEndsTests {
    /// Short paragraphs in a column eight Han characters wide: most of them end on a short
    /// line, and no sentence ends inside a line. Two end on a line that is full (`，包括配置
    /// 文件。`, `一个不一致的状态` `。`): they end their paragraphs too.
    @Test
    func shortParagraphsEndOnAFullLine() {
        let paragraphs = [
            "卸载：用户希望该软件包被卸载，但不希望删除配置文件。",
            "清除：用户希望该软件包被完全卸载，包括配置文件。",
            "保留：用户不希望处理该软件包，保持当前的版本。",
            "安装：用户希望安装该软件包或升级到新版本为止。",
            "未知：用户从未表示过是否需要该软件包。",
            "错误：软件包处于一个不一致的状态。",
            "配置：软件包已解压但尚未完成配置。",
            "半装：软件包的安装过程没有完成。",
        ]
        let text = Self.wrap(paragraphs, width: 8)
        let out = ColumnRejoiner().rejoin(text)
        #expect(Array(out.utf8) == Array((paragraphs.joined(separator: "\n\n") + "\n").utf8))
    }

    /// One long paragraph whose sentences end inside its lines: the lines that happen to
    /// end a sentence at the column's edge (`道可道，非常道。`) go on.
    @Test
    func sentencesInsideLinesGoOnPastAFullLine() {
        let paragraph = "道可道，非常道。名可名，非常名。无名天地之始。有名万物之母。故常无欲，以观其妙。"
            + "常有欲，以观其徼。此两者同出而异名，同谓之玄。玄之又玄，众妙之门。"
        let out = ColumnRejoiner().rejoin(Self.wrap([paragraph], width: 8))
        #expect(Array(out.utf8) == Array((paragraph + "\n").utf8))
    }

    /// The paragraphs cut into lines of `width` scalars, one line break between lines.
    static func wrap(_ paragraphs: [String], width: Int) -> String {
        var lines: [String] = []
        for p in paragraphs {
            let s = Array(p.unicodeScalars)
            var i = 0
            while i < s.count {
                var line = String.UnicodeScalarView()
                line.append(contentsOf: s[i..<min(s.count, i + width)])
                lines.append(String(line))
                i += width
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
