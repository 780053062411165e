import Testing
@testable import HanziText

/// URLs, paths and identifiers that a CJK line breaker split at a line end go on without
/// a space; Latin words that wrapped normally keep one space.
@Suite struct RejoinBrokenNameTests {
    let rejoiner = ColumnRejoiner()

    /// Two lines of one paragraph, the first full (a column of 16 em around them).
    func joined(_ first: String, _ second: String) -> String {
        let text = "关于版本支持的说明如下所示这是一\n个很长的句子用于测试我们的程序吗\n\(first)\n\(second)\n"
        let out = rejoiner.rejoin(text)
        let prefix = "关于版本支持的说明如下所示这是一个很长的句子用于测试我们的程序吗"
        return out.hasPrefix(prefix) ? String(out.dropFirst(prefix.count)) : out
    }

    @Test func brokenNamesJoinWithoutSpace() {
        let cases: [(String, String, String)] = [
            ("完整的更新日志可以在 https://e", "xample.org/docs/changelog 查看。", "https://example.org/docs/changelog"),
            ("日志在https://example.org/docs/c", "hangelog查看。", "https://example.org/docs/changelog查看"),
            ("配置文件在/usr/share/opencc/s2twp.j", "son。", "/usr/share/opencc/s2twp.json。"),
            ("对应的库接口是 ColumnRejoiner.r", "ejoin(_:)，它接受字符串。", "ColumnRejoiner.rejoin(_:)，"),
            ("请下载文件 hanzi-2.3.1-linux-x8", "6_64.tar.gz 文件即可使用。", "hanzi-2.3.1-linux-x86_64.tar.gz"),
            ("提交单元测试并且在make test与.", "ci/run两个检查中全部通过后才能合\n并。", "与.ci/run两个"),
            ("对于自定义配置，用户可以通过 .", "file(URL) 指定一个文件。", "通过 .file(URL) 指定"),
        ]
        for (first, second, expected) in cases {
            let out = joined(first, second)
            #expect(out.contains(expected), "\(first) | \(second) -> \(out)")
        }
    }

    @Test func wrappedWordsKeepOneSpace() {
        let cases: [(String, String, String)] = [
            ("这个程序是用 Rust 和 Node.js", "to build 的项目工具集合。", "Node.js to build"),
            ("这个程序在 https://example.org", "for details 上面可以看到。", "https://example.org for details"),
            ("功能需要同时提交单元测试并且在 make", "test 与 .ci/run 两个检查。", "make test"),
            ("会检查断行两侧的字符类别例如 Swift", "Package 开头时的情况。", "Swift Package"),
        ]
        for (first, second, expected) in cases {
            let out = joined(first, second)
            #expect(out.contains(expected), "\(first) | \(second) -> \(out)")
        }
    }
}
