import Foundation
import HanziTestSupport
import Testing
@testable import HanziText

/// Text that is already paragraphs passes through: gold files as input keep every
/// paragraph break, rejoining twice gives what rejoining once gives (on the seeds, the
/// golds, the real PDF extractions and every generated document), and a few wrapped
/// lines with too little evidence for a column are joined, never split.
@Suite struct RejoinCleanTextTests {
    static let repositoryRoot = RepositoryRoot.url

    static func load(_ url: URL) -> String? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Files of `folder` (relative to the repository root) whose names end in `suffix`.
    static func files(_ folder: String, suffix: String) -> [(String, String)] {
        let dir = repositoryRoot.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().compactMap { name in
            load(dir.appendingPathComponent(name)).map { (name, $0) }
        }
    }

    static var golds: [(String, String)] {
        files("seeds/gold", suffix: ".gold.txt")
            + files("Tests/HanziTextTests/Fixtures/pdf-extractions", suffix: ".gold.txt")
    }

    static var inputs: [(String, String)] {
        (files("seeds", suffix: ".txt")
            + files("Tests/HanziTextTests/Fixtures/pdf-extractions", suffix: ".txt")).filter { !$0.0.hasSuffix(".gold.txt") }
    }

    @Test func goldFilesAsInputKeepEveryParagraph() throws {
        let golds = Self.golds
        #expect(golds.count >= 9)
        for layout in [ColumnRejoiner.Options.ParagraphSeparator.blankLine, .newline] {
            let rejoiner = ColumnRejoiner(options: .init(paragraphSeparator: layout))
            for (name, gold) in golds {
                let paragraphs = gold.components(separatedBy: "\n\n")
                // the gold as it is, and laid out one paragraph per line
                let input = layout == .blankLine ? gold : paragraphs.joined(separator: "\n")
                let out = rejoiner.rejoin(input)
                let counts = try #require(RejoinScoring.score(output: out, gold: paragraphs), "\(name)")
                #expect(counts.fp == 0 && counts.fn == 0, "\(name) \(layout): FP \(counts.fp) FN \(counts.fn)")
                #expect(Array(out.utf8) == Array(input.utf8), "\(name) \(layout): the gold changed")
            }
        }
    }

    /// The golds of the real-PDF development set (`Fixtures/realpdf`, 55) as input keep
    /// every paragraph break and add none (`score.py --gold-as-input`: F1 1.000).
    @Test func devSetGoldsAsInputKeepEveryParagraphBreak() throws {
        let golds = Self.files("Tests/HanziTextTests/Fixtures/realpdf", suffix: ".gold.txt")
        #expect(golds.count == 55)
        let rejoiner = ColumnRejoiner()
        for (name, gold) in golds {
            let out = rejoiner.rejoin(gold)
            let counts = try #require(RejoinScoring.score(output: out, gold: gold.components(separatedBy: "\n\n")),
                                      "\(name)")
            #expect(counts.fp == 0 && counts.fn == 0, "\(name): FP \(counts.fp) FN \(counts.fn)")
        }
    }

    static func expectIdempotent(_ text: String, _ label: String, rejoiner: ColumnRejoiner = .init()) {
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        let twice = rejoiner.rejoin(utf8: once)
        let same = once == twice
        #expect(same, "rejoin(rejoin(x)) != rejoin(x): \(label): \(firstDifference(once, twice))")
    }

    /// The text around the first difference of `a` and `b`, for a failure message.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        var i = 0
        while i < a.count && i < b.count && a[i] == b[i] { i += 1 }
        func around(_ x: [UInt8]) -> String {
            String(decoding: x[max(0, i - 60)..<min(x.count, i + 60)], as: UTF8.self)
        }
        return "once …\(around(a))… twice …\(around(b))…"
    }

    /// The real-PDF development set (`Fixtures/realpdf`): its extractions and golds.
    static var developmentSet: [(String, String)] {
        files("Tests/HanziTextTests/Fixtures/realpdf", suffix: ".txt")
    }

    @Test func rejoinIsIdempotentOnRealText() {
        for (name, text) in Self.inputs + Self.golds {
            Self.expectIdempotent(text, name)
            Self.expectIdempotent(text, name + " one per line",
                                  rejoiner: ColumnRejoiner(options: .init(paragraphSeparator: .newline)))
        }
        // one paragraph a line is not yet a fixed point on all of these (a page-furniture
        // line inside a sentence, a title block taken for a column)
        let developmentSet = Self.developmentSet
        #expect(developmentSet.count >= 100)
        for (name, text) in developmentSet {
            Self.expectIdempotent(text, name)
        }
    }

    @Test(arguments: Array(RejoinGeneratedTests.styles.indices))
    func rejoinIsIdempotentOnGeneratedDocuments(index: Int) {
        let style = RejoinGeneratedTests.styles[index].0
        for (k, doc) in RejoinGeneratedTests.documents(style, index: index).enumerated() {
            Self.expectIdempotent(doc.text, "\(style.name) #\(k)")
        }
    }

    /// A few column-wrapped lines (a JSON Lines record) show no column: a line that stops
    /// mid-sentence or mid-word joins the next, whatever its width.
    @Test func fewWrappedLinesJoinInsideASentence() {
        let rejoiner = ColumnRejoiner()
        #expect(rejoiner.rejoin("全面深化改革开放我们党推\n进全面从严治党向纵深发展\n")
            == "全面深化改革开放我们党推进全面从严治党向纵深发展\n")
        #expect(rejoiner.rejoin("我们党推\n进全面从严治党，不断取得\n新的成效。\n")
            == "我们党推进全面从严治党，不断取得新的成效。\n")
        // a blank line is kept: the text says it is a paragraph break
        #expect(rejoiner.rejoin("我们党推进\n\n全面从严治党\n") == "我们党推进\n\n全面从严治党\n")
    }

    /// A short line next to a line wider than any column is no column line: a heading or
    /// a dateline before an unwrapped paragraph keeps its break.
    @Test func lineWiderThanAnyColumnKeepsItsBreaks() {
        let paragraph = String(repeating: "全面深化改革必须以促进社会公平正义、增进人民福祉为出发点和落脚点，", count: 3) + "推进改革。"
        let rejoiner = ColumnRejoiner()
        #expect(rejoiner.rejoin("新华社北京7月6日电\n" + paragraph + "\n")
            == "新华社北京7月6日电\n\n" + paragraph + "\n")
        #expect(rejoiner.rejoin("从百草园到三味书屋\n" + paragraph + "\n")
            == "从百草园到三味书屋\n\n" + paragraph + "\n")
    }
}
