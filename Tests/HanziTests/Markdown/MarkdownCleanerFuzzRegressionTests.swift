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
}
