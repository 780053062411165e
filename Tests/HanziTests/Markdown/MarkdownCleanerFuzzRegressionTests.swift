import Testing
import Hanzi
import HanziTestSupport

/// Inputs the fuzz harness FuzzMarkdown found (Fuzz/Corpus/FuzzMarkdown/found-*): an HTML block
/// that interrupts a paragraph was written before the paragraph (`d\n<?` came out `<?d\n`),
/// and with lines joined the paragraph was lost.
@Suite struct MarkdownCleanerFuzzRegressionTests {
    @Test(arguments: ["d\n<?", "d\n<!-- c -->\n", "段落\n<div>\n块</div>\n", "a\nb\n<?x ?>\nc\n"])
    func aParagraphBeforeAnHTMLBlockStaysInPlace(_ document: String) throws {
        for joins in [false, true] {
            let cleaner = MarkdownCleaner(joinsLines: joins) { $0 }
            let output = try cleaner.clean(utf8: Array(document.utf8))
            if joins {
                let words = { (s: String) in s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(\.value) }
                #expect(words(String(decoding: output, as: UTF8.self)) == words(document))
            } else {
                #expect(output == Array(document.utf8))
            }
        }
    }

    /// Lines joined and normalised (Taiwan style, spacing inserted): the first pass took the
    /// line `*` for a list item interrupting the paragraph and joined the next line to it
    /// (`*国…`), which a second pass read as the paragraph's text and joined again.
    @Test
    func joiningAndNormalisingTwiceChangesNothing() throws {
        let document = "\u{A}致辞。\u{A}\u{A}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}L\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}~\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{1}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}I\u{0}\u{0}\u{0}\u{0}\u{6}�\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}韩正表示，�Bool世界百年未�\u{1}\u{0} _UnsafeMu��加速演进�\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}���!�\u{A}*\u{A}国作为联合国安�:论坛䆸�，中外�䯼�"
        let normalizer = PunctuationNormalizer(style: .taiwan, options: .init(spacing: .insert))
        let cleaner = MarkdownCleaner(joinsLines: true) { normalizer.normalize(utf8: $0) }
        let once = try cleaner.clean(utf8: Array(document.utf8))
        #expect(try cleaner.clean(utf8: once) == once)
    }

    /// A list item that starts empty: CommonMark does not let it interrupt a paragraph (nor an
    /// ordered list that does not start at 1), and after a blank line its marker line stays as
    /// it is. Joined, every character stays; joined and normalised or not, cleaning twice changes nothing.
    @Test(arguments: [
        ("段落\n*\n国作为\n", "段落*国作为\n"),
        ("段落\n+\n国\n", "段落+国\n"),
        ("段落\n+   \n国\n", "段落+   \n国\n"),
        ("段落\n2. 项\n", "段落2. 项\n"),
        ("段落\n1. 项\n", "段落\n1. 项\n"),
        ("*\n国作为\n", "*\n国作为\n"),
        ("- a\n-\n- b\n", "- a\n-\n- b\n"),
        ("段落\n\n- [ ]\n  任务\n", "段落\n\n- [ ]\n  任务\n"),
    ])
    func anEmptyListItemKeepsItsMarkerApart(_ document: String, _ joined: String) throws {
        try Self.expectJoined(document, as: joined)
        let normalizer = PunctuationNormalizer(style: .taiwan, options: .init(spacing: .insert))
        let normalizing = MarkdownCleaner(joinsLines: true) { normalizer.normalize(utf8: $0) }
        let normalized = try normalizing.clean(utf8: Array(document.utf8))
        #expect(try normalizing.clean(utf8: normalized) == normalized)
    }

    /// Normalising folds `＄` into `$`, which can pair with a `$` of the text into inline math
    /// other than the one the first pass kept (`$条:$`): the second pass then normalised the
    /// `:` it no longer protected. The text whose protected spans the transform would change
    /// is kept as it is. Minimised from Fuzz/Corpus/FuzzMarkdown/found-7e0703adda4d.
    @Test(arguments: ["＄\u{FFFD}$条:$", "＄\u{FFFD}$＄$", "段落＄一$条:$\n", "| ＄a$条:$ | b |\n"])
    func normalisingCreatesNoOtherInlineMath(_ document: String) throws {
        let mainland = PunctuationNormalizer(style: .mainland)
        let taiwan = PunctuationNormalizer(style: .taiwan, options: .init(spacing: .insert))
        for normalizer in [mainland, taiwan] {
            for joins in [false, true] {
                let cleaner = MarkdownCleaner(joinsLines: joins) { normalizer.normalize(utf8: $0) }
                let once = try cleaner.clean(utf8: Array(document.utf8))
                #expect(try cleaner.clean(utf8: once) == once)
            }
        }
        let cleaner = MarkdownCleaner(joinsLines: false) { mainland.normalize(utf8: $0) }
        #expect(try cleaner.clean(utf8: Array("＄\u{FFFD}$条:$".utf8)) == Array("＄\u{FFFD}$条:$".utf8))
        #expect(try cleaner.clean(utf8: Array("条:条 $x$".utf8)) == Array("条：条 $x$".utf8))
    }

    /// Fuzz/Corpus/FuzzMarkdown/found-5111bda0bd9e (lines joined) and found-e1287dd20b4f (lines
    /// joined and normalised), read as the harness reads them: a table row broken over lines of
    /// U+FFFD and NULs (`| 单元(格) | "��` ⏎ `�` ⏎ ` "|��"`). The first pass ended the table at
    /// the line without a pipe and joined it to the next into a paragraph (`� "|��"`), which,
    /// holding a pipe now, the second pass read as a row of the table. As in GitHub Flavored
    /// Markdown, a table's rows now run to a blank line or another block, pipe or not.
    @Test(arguments: ["found-5111bda0bd9e", "found-e1287dd20b4f", "found-50feb7b48098"])
    func cleaningTwiceChangesNothingAfterATable(_ name: String) throws {
        let raw = try RepositoryRoot.bytes("Fuzz/Corpus/FuzzMarkdown/" + name)
        let cleaner = Self.harnessCleaner(options: raw.first ?? 0)
        let once = try cleaner.clean(utf8: Self.fuzzPayload(raw))
        #expect(try cleaner.clean(utf8: once) == once)
    }

    /// The lines after a table's delimiter row are rows until a blank line or a line that starts
    /// another block (a heading, a fence, a thematic break, an HTML block, a list item, another
    /// block-quote depth); joined or not, cleaning twice changes nothing.
    @Test(arguments: [
        ("| a | b |\n|---|---|\n| c |\n甲\n 乙 | 丙\n", "| a | b |\n|---|---|\n| c |\n甲\n 乙 | 丙\n"),
        ("| a |\n|---|\n甲\n\n乙\n丙\n", "| a |\n|---|\n甲\n\n乙丙\n"),
        ("| a |\n|---|\n甲\n# 题\n", "| a |\n|---|\n甲\n# 题\n"),
        ("| a |\n|---|\n甲\n<div>\n乙\n", "| a |\n|---|\n甲\n<div>\n乙\n"),
        ("| a |\n|---|\n甲\n- 乙\n丙\n", "| a |\n|---|\n甲\n- 乙丙\n"),
        ("> | a |\n> |---|\n> 甲\n乙\n丙\n", "> | a |\n> |---|\n> 甲\n乙丙\n"),
    ])
    func aTableRunsToABlankLineOrAnotherBlock(_ document: String, _ joined: String) throws {
        try Self.expectJoined(document, as: joined)
    }

    /// Fuzz/Corpus/FuzzMarkdown/found-50feb7b48098 (in the test above): a paragraph whose first
    /// line was `<!` joined to the next into `<!欒…`, which a second cleaning read as an HTML
    /// block running to the next `>`, so that a paragraph after it was joined then. Lines whose
    /// joining would make a block start are cleaned without being joined.
    @Test(arguments: [
        ("<!\n欒\n正文\n", "<!\n欒\n正文\n"), ("[a\n]: b\n", "[a\n]: b\n"), ("段落  \n<!\n欒\n", "段落  \n<!\n欒\n"),
        ("<\ndiv>\n正文\n", "< div>正文\n"), ("1\n. 项\n", "1 . 项\n"),
    ])
    func joiningMakesNoBlockStart(_ document: String, _ joined: String) throws {
        let joiner = MarkdownCleaner(joinsLines: true) { $0 }
        let once = try joiner.clean(utf8: Array(document.utf8))
        #expect(String(decoding: once, as: UTF8.self) == joined)
        #expect(try joiner.clean(utf8: once) == once)
    }

    /// Fuzz/Corpus/FuzzMarkdown/found-6f61fa8e23ff (options byte 0x05: lines joined, the Taiwan
    /// normaliser with spacing inserted): the normaliser spaced the paragraph line `<div如之䝗`
    /// into `<div 如之䝗`, an HTML block start, so a second cleaning kept the ``` after it as
    /// HTML instead of opening a fence, and cleaned the table row `| %%%…共处` that the first
    /// had kept as code. A block whose cleaned text reads as another block is kept as it was.
    @Test
    func cleaningTwiceKeepsTheTextAfterATableRow() throws {
        let raw = try RepositoryRoot.bytes("Fuzz/Corpus/FuzzMarkdown/found-6f61fa8e23ff")
        let cleaner = Self.harnessCleaner(options: raw[0])
        let once = try cleaner.clean(utf8: Self.fuzzPayload(raw))
        #expect(try cleaner.clean(utf8: once) == once)
    }

    /// Text the transform would turn into structure: width folding makes `＃ `, `－ `, `＞ `
    /// and `１． ` block starts, `｜` a cell's pipe and `－－－` a thematic break, a table's
    /// delimiter row or a setext underline; spacing makes `<div如` an HTML block. Such a block is
    /// cleaned with the first character of each line kept as it was (the rest of the line is
    /// still normalised), or, where that is not enough, kept whole; every other block is
    /// cleaned, and cleaning twice changes nothing.
    @Test(arguments: [
        ("＃ 标题\"引号\"\n", "＃ 标题“引号”\n"),
        ("＃ 标题\n\n“引号”\n", "＃ 标题\n\n“引号”\n"),
        ("－ 项目\"引号\"\n\n\"引号\"\n", "－ 项目“引号”\n\n“引号”\n"),
        ("＞ 引用\n", "＞ 引用\n"),
        ("１． 项\n", "１. 项\n"),
        ("<div如\n\n```\n\"代码\"\n", "<div如\n\n```\n\"代码\"\n"),
        // Only in its list item is the indented line a paragraph (alone, it is code): the
        // whole output, read again, finds it.
        ("- 甲\n\n    ＃ 乙\"丙\"\n", "- 甲\n\n    ＃ 乙“丙”\n"),
        ("| a | b |\n|---|---|\n| 甲｜乙 | \"丙\" |\n", "| a | b |\n|---|---|\n| 甲｜乙 | \"丙\" |\n"),
        ("| a | b |\n|---|---|\n| 甲 | \"丙\" |\n", "| a | b |\n|---|---|\n| 甲 | “丙” |\n"),
        ("段落\n\n－－－\n", "段落\n\n－--\n"),
    ])
    func textThatWouldReadAsStructureIsKept(_ document: String, _ cleaned: String) throws {
        try Self.expectKept(document, unjoined: cleaned, joined: cleaned)
    }

    /// A paragraph line that folding would make a table's delimiter row (`－－－｜－－－`) or a
    /// setext underline (`＝＝＝`) keeps its first character; joined to the line above, it is
    /// the paragraph's text and is cleaned whole.
    @Test(arguments: [
        ("甲 | 乙\n－－－｜－－－\n", "甲 | 乙\n－--|---\n", "甲 | 乙——|---\n"),
        ("段落\n＝＝＝\n", "段落\n＝==\n", "段落===\n"),
    ])
    func aLineThatWouldReadAsStructureKeepsItsParagraph(_ document: String, _ unjoined: String, _ joined: String) throws {
        try Self.expectKept(document, unjoined: unjoined, joined: joined)
    }

    /// Expects `document`, cleaned with the mainland normaliser with spacing inserted, to be
    /// `unjoined` (lines kept) and `joined` (lines joined), and cleaning either again to change
    /// nothing.
    private static func expectKept(
        _ document: String, unjoined: String, joined: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let normalizer = PunctuationNormalizer(style: .mainland, options: .init(spacing: .insert))
        for (joins, expected) in [(false, unjoined), (true, joined)] {
            let cleaner = MarkdownCleaner(joinsLines: joins) { normalizer.normalize(utf8: $0) }
            let once = try cleaner.clean(utf8: Array(document.utf8))
            #expect(String(decoding: once, as: UTF8.self).unicodeScalars.elementsEqual(expected.unicodeScalars),
                    "joins \(joins)", sourceLocation: sourceLocation)
            #expect(try cleaner.clean(utf8: once) == once, sourceLocation: sourceLocation)
        }
    }

    /// The cleaner FuzzMarkdown builds from an input's options byte: bit 0 joins lines, bits 1-2
    /// pick the identity, the mainland normaliser or the Taiwan normaliser with spacing inserted.
    private static func harnessCleaner(options: UInt8) -> MarkdownCleaner {
        let joins = options & 1 != 0
        switch Int(options >> 1) % 3 {
        case 0:
            return MarkdownCleaner(joinsLines: joins) { $0 }
        case 1:
            let normalizer = PunctuationNormalizer(style: .mainland)
            return MarkdownCleaner(joinsLines: joins) { normalizer.normalize(utf8: $0) }
        default:
            let normalizer = PunctuationNormalizer(style: .taiwan, options: .init(spacing: .insert))
            return MarkdownCleaner(joinsLines: joins) { normalizer.normalize(utf8: $0) }
        }
    }

    /// A fuzz input's payload as the harnesses read it: without the options byte, with every
    /// malformed UTF-8 sequence replaced by U+FFFD.
    private static func fuzzPayload(_ raw: [UInt8]) -> [UInt8] {
        Array(String(decoding: raw.dropFirst(), as: UTF8.self).utf8)
    }

    /// Expects `document` cleaned without joining to stay as it is, cleaned with lines joined to
    /// be `joined`, and that cleaned again to stay as it is.
    private static func expectJoined(
        _ document: String, as joined: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let identity = MarkdownCleaner(joinsLines: false) { $0 }
        #expect(try identity.clean(utf8: Array(document.utf8)) == Array(document.utf8), sourceLocation: sourceLocation)
        let joiner = MarkdownCleaner(joinsLines: true) { $0 }
        let once = try joiner.clean(utf8: Array(document.utf8))
        #expect(String(decoding: once, as: UTF8.self) == joined, sourceLocation: sourceLocation)
        #expect(try joiner.clean(utf8: once) == once, sourceLocation: sourceLocation)
    }
}
