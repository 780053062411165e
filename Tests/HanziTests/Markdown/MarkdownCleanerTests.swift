import HanziTestSupport
import Testing
@testable import Hanzi

@Suite struct MarkdownCleanerTests {
    static let normalizer = PunctuationNormalizer(style: .mainland)
    static let clean = MarkdownCleaner(joinsLines: true) { normalizer.normalize(utf8: $0) }
    static let normalizeOnly = MarkdownCleaner(joinsLines: false) { normalizer.normalize(utf8: $0) }

    func run(_ cleaner: MarkdownCleaner, _ text: String) throws -> String {
        String(decoding: try cleaner.clean(utf8: Array(text.utf8)), as: UTF8.self)
    }

    func expectBytes(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Array(actual.utf8) == Array(expected.utf8), sourceLocation: sourceLocation)
    }

    @Test func headingsAndListItemsStayApartAndTheirTextIsCleaned() throws {
        let input = "# 标题:测试\n- 第一项,内容\n- 第二项\n  继续写\n\n正文第一行\n正文第二行。\n"
        expectBytes(try run(Self.clean, input), "# 标题：测试\n- 第一项，内容\n- 第二项继续写\n\n正文第一行正文第二行。\n")
    }

    @Test func codeIsNeverTouched() throws {
        let input = """
            说明:

            ```python
            print("你好,world")
            ```

                indented("代码,不变")

            用`print("你好,world")`输出,见 <https://example.org/a,b> 和 [文档](https://example.org/(x) "标题,不变")。

            """
        let output = try run(Self.clean, input)
        expectBytes(output, """
            说明：

            ```python
            print("你好,world")
            ```

                indented("代码,不变")

            用`print("你好,world")`输出，见 <https://example.org/a,b> 和 [文档](https://example.org/(x) "标题,不变")。

            """)
    }

    @Test func frontMatterHTMLTablesAndQuotes() throws {
        let input = """
            ---
            title: "标题,不变"
            ---
            <div align="center">
            文字,不变
            </div>

            > 引用第一行,
            > 引用第二行

            | 列一,甲 | `a,b` |
            |---|:-:|
            | 值,乙 | 值 |

            [ref]: https://example.org/x,y

            """
        expectBytes(try run(Self.clean, input), """
            ---
            title: "标题,不变"
            ---
            <div align="center">
            文字,不变
            </div>

            > 引用第一行，引用第二行

            | 列一，甲 | `a,b` |
            |---|:-:|
            | 值，乙 | 值 |

            [ref]: https://example.org/x,y

            """)
    }

    @Test func hardBreaksAndLatinSoftBreaks() throws {
        let input = "第一行  \n第二行\\\n第三行\nan English\nsentence\n"
        expectBytes(try run(Self.clean, input), "第一行  \n第二行\\\n第三行an English sentence\n")
    }

    @Test func normalizingWithoutJoiningKeepsEveryLine() throws {
        let input = "- 甲,乙\n  丙,丁\n> \"引\n> 文\"\n"
        expectBytes(try run(Self.normalizeOnly, input), "- 甲，乙\n  丙，丁\n> “引\n> 文”\n")
    }

    @Test func crlfAndNoFinalNewline() throws {
        expectBytes(try run(Self.clean, "# 甲,乙\r\n第一行\r\n第二行"), "# 甲，乙\r\n第一行第二行")
    }

    @Test func invalidUTF8IsAnErrorWithItsOffset() {
        #expect(throws: InvalidUTF8Error.self) { try Self.clean.clean(utf8: [0x23, 0x20, 0xE4, 0xB8]) }
    }

    @Test func placeholderCharactersInTheTextAreHandled() throws {
        // Text that already holds the private-use characters used as placeholders.
        let input = "用\u{100000}和`x,y`,完\n"
        expectBytes(try run(Self.clean, input), "用\u{100000}和`x,y`，完\n")
    }

    /// Every structural line of a generated document comes out byte for byte, the code is
    /// unchanged, no non-white-space character other than punctuation is lost, and cleaning is
    /// idempotent.
    @Test(arguments: 0..<200) func generatedDocumentsKeepTheirStructure(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) &+ 0x4D44)
        let (document, structural) = Self.generateDocument(&rng)
        let output = try run(Self.normalizeOnly, document)
        let outputLines = Set(output.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) })
        let changed = structural.filter { !outputLines.contains(Array($0.utf8)) }
        #expect(changed.isEmpty, "structural lines changed: \(changed)")
        let once = try Self.clean.clean(utf8: Array(document.utf8))
        let twice = try Self.clean.clean(utf8: once)
        #expect(once == twice)
        let han = { (s: [UInt8]) in String(decoding: s, as: UTF8.self).unicodeScalars.filter { ScalarClass.isHan($0.value) } }
        #expect(Array(han(once)) == Array(han(Array(document.utf8))))
    }

    static let words = ["中文", "测试", "标点", "你好", "数据", "hello", "world", "2024年", "“引号”", "\"quote\"", ",", ":", "(括号)", "……"]

    static func sentence(_ rng: inout SeededGenerator) -> String {
        (0..<Int.random(in: 3...12, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined()
    }

    /// A random Markdown document and the lines that must survive unchanged.
    static func generateDocument(_ rng: inout SeededGenerator) -> (String, [String]) {
        var lines: [String] = []
        var structural: [String] = []
        for _ in 0..<Int.random(in: 3...10, using: &rng) {
            switch Int.random(in: 0..<7, using: &rng) {
            case 0:
                lines.append("## " + sentence(&rng))
            case 1:
                let code = ["```swift", "let s = \"你好,world\" // \(sentence(&rng))", "```"]
                lines += code
                structural += code
            case 2:
                lines.append("- " + sentence(&rng))
                lines.append("- " + sentence(&rng))
            case 3:
                let table = ["| \(sentence(&rng)) | `x,y` |", "|---|---|"]
                lines += table
                structural.append(table[1])
            case 4:
                // Eight columns: code even right after a list item, whose content starts at
                // column two (four more make code there).
                let code = "        code(\"\(sentence(&rng))\")"
                lines.append(code)
                structural.append(code)
            case 5:
                lines.append("> " + sentence(&rng))
            default:
                lines.append(sentence(&rng))
                lines.append(sentence(&rng) + "`a,b`" + sentence(&rng))
            }
            lines.append("")
        }
        return (lines.joined(separator: "\n"), structural)
    }
}

@Suite struct MarkdownCleanerFromTextCleanerTests {
    @Test func convertsAndNormalizesProseOnly() throws {
        let cleaner = try TextCleaner(options: .init(conversions: [.s2t]))
        let markdown = MarkdownCleaner(cleaner)
        #expect(markdown.joinsLines)
        let input = "# 汉字:标题\n\n第一行汉字\n第二行\n\n```\n汉字,代码\n```\n"
        let output = String(decoding: try markdown.clean(utf8: Array(input.utf8)), as: UTF8.self)
        #expect(Array(output.unicodeScalars) == Array("# 漢字：標題\n\n第一行漢字第二行\n\n```\n汉字,代码\n```\n".unicodeScalars))
    }

    @Test func aParagraphStartingWithU_FEFFKeepsIt() throws {
        let markdown = MarkdownCleaner(try TextCleaner(options: .init(rejoins: false, normalizes: false)))
        let input = Array("甲\n\n\u{FEFF}乙\n".utf8)
        #expect(try markdown.clean(utf8: input) == input)
    }
}

@Suite struct RealMarkdownTests {
    /// A real README (SnowNLP's, MIT): cleaned and converted, its code blocks and every
    /// structural line survive byte for byte, and cleaning again changes nothing.
    @Test(arguments: [[], [ChineseConverter.Configuration.s2t]]) func readmeKeepsItsStructure(conversions: [ChineseConverter.Configuration]) throws {
        let document = try RepositoryRoot.bytes("Tests/HanziTestSupport/Fixtures/markdown/snownlp-README.md")
        let markdown = MarkdownCleaner(try TextCleaner(options: .init(conversions: conversions)))
        let cleaned = try markdown.clean(utf8: document)
        func fencedBlocks(_ bytes: [UInt8]) -> [Substring] {
            let text = String(decoding: bytes, as: UTF8.self)
            return text.split(separator: "~~~~", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        }
        let before = fencedBlocks(document), after = fencedBlocks(cleaned)
        #expect(before.count == 3)
        #expect(after.map { Array($0.utf8) } == before.map { Array($0.utf8) })
        let structural = { (bytes: [UInt8]) in
            String(decoding: bytes, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("#") || $0.hasPrefix("~~~~") }
                .map { $0.prefix(while: { $0 == "#" || $0 == "~" }) }
        }
        #expect(structural(cleaned) == structural(document))
        #expect(try markdown.clean(utf8: cleaned) == cleaned)
        let lines = String(decoding: cleaned, as: UTF8.self)
        #expect(lines.contains("* 中文分词（[Character-Based Generative Model](http://aclweb.org/anthology//Y/Y09/Y09-2047.pdf)）")
            || lines.contains("* 中文分詞（[Character-Based Generative Model](http://aclweb.org/anthology//Y/Y09/Y09-2047.pdf)）"))
    }
}
