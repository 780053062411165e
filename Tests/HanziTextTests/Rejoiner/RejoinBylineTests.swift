import Testing
@testable import HanziText

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
