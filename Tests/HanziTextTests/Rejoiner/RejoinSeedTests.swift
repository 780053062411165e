import Foundation
import HanziTestSupport
import Testing
@testable import HanziText

/// The seed documents with gold paragraphs (`seeds/gold/`), as extracted and re-laid out
/// in other blank-line styles and line-break forms: a regression guard on real text.
@Suite struct RejoinSeedTests {
    static let names = ["000_191dfd8d2700d23d", "001_713304df437d9aa5", "004_8f4a68126b05a263"]

    static func load(_ path: String) throws -> String {
        try RepositoryRoot.text("seeds/" + path)
    }

    /// The input re-laid out: "as is", CRLF, no blank lines, a blank line after every line,
    /// a form feed every 40 lines.
    static func layouts(_ text: String) -> [(String, String)] {
        let lines = text.components(separatedBy: "\n")
        let textLines = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return [
            ("as extracted", text),
            ("CRLF", text.replacingOccurrences(of: "\n", with: "\r\n")),
            ("no blank lines", textLines.joined(separator: "\n") + "\n"),
            ("blank after every line", textLines.joined(separator: "\n\n") + "\n"),
            ("form feeds", lines.enumerated().map { $0.offset % 40 == 39 ? "\u{0C}" + $0.element : $0.element }
                .joined(separator: "\n")),
        ]
    }

    @Test func seedsInEveryLayout() throws {
        let rejoiner = ColumnRejoiner()
        var byLayout: [String: RejoinScoring.Counts] = [:]
        var loaded = 0
        for name in Self.names {
            let input = try Self.load("\(name).txt"), gold = try Self.load("gold/\(name).gold.txt")
            loaded += 1
            let paragraphs = gold.components(separatedBy: "\n\n")
            for (layout, text) in Self.layouts(input) {
                let out = rejoiner.rejoin(text)
                #expect(RejoinGeneratedTests.checkInvariant(input: text, output: out), "\(name) \(layout)")
                let counts = try #require(RejoinScoring.score(output: out, gold: paragraphs), "\(name) \(layout)")
                byLayout[layout, default: .init()] += counts
            }
        }
        #expect(loaded == 3)
        for (layout, counts) in byLayout.sorted(by: { $0.key < $1.key }) {
            print("rejoin seeds \"\(layout)\": F1=\(String(format: "%.3f", counts.f1)) TP=\(counts.tp) FP=\(counts.fp) FN=\(counts.fn)")
            #expect(counts.f1 >= (layout == "as extracted" || layout == "CRLF" ? 0.975 : 0.95), "\(layout)")
        }
    }
}
