import Testing
import Hanzi

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

    /// Lines joined and normalised (Taiwan style, spacing inserted): cleaning the output again
    /// joins a line that starts with `*` that the first pass left on its own line.
    @Test(.disabled("open: the Markdown cleaner joining and normalising is not idempotent before a line starting with `*`; for the Markdown cleaner's owner"))
    func joiningAndNormalisingTwiceChangesNothing() throws {
        let document = "\u{A}致辞。\u{A}\u{A}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}L\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}~\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{1}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}I\u{0}\u{0}\u{0}\u{0}\u{6}�\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}韩正表示，�Bool世界百年未�\u{1}\u{0} _UnsafeMu��加速演进�\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}���!�\u{A}*\u{A}国作为联合国安�:论坛䆸�，中外�䯼�"
        let normalizer = PunctuationNormalizer(style: .taiwan, options: .init(spacing: .insert))
        let cleaner = MarkdownCleaner(joinsLines: true) { normalizer.normalize(utf8: $0) }
        let once = try cleaner.clean(utf8: Array(document.utf8))
        #expect(try cleaner.clean(utf8: once) == once)
    }
}
