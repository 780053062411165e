import Foundation
import HanziTestSupport
import Testing
@testable import HanziText

/// Rejoining the rejoiner's own output changes nothing, in every paragraph layout: on the
/// seeds, on every extraction and gold file of the real-PDF development set and the PDF
/// extraction fixtures, and on generated documents of every style.
@Suite struct RejoinIdempotencePropertyTests {
    static let separators: [ColumnRejoiner.Options.ParagraphSeparator] = [.blankLine, .newline]

    /// The real-PDF development set and the PDF extraction fixtures: extractions and golds.
    static func fixtureTexts() throws -> [(String, [UInt8])] {
        var texts: [(String, [UInt8])] = []
        for folder in ["Tests/HanziTextTests/Fixtures/realpdf", "Tests/HanziTextTests/Fixtures/pdf-extractions"] {
            let url = try RepositoryRoot.existing(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { $0.hasSuffix(".txt") }.sorted()
            for name in names {
                texts.append(("\(folder)/\(name)", [UInt8](try Data(contentsOf: url.appendingPathComponent(name)))))
            }
        }
        return texts
    }

    static func checkTwice(_ name: String, _ text: [UInt8], _ separator: ColumnRejoiner.Options.ParagraphSeparator) {
        let rejoiner = ColumnRejoiner(options: .init(paragraphSeparator: separator))
        let once = rejoiner.rejoin(utf8: text)
        let twice = rejoiner.rejoin(utf8: once)
        let same = once == twice
        #expect(same, "rejoining \(name) twice (\(separator)) changed it")
    }

    @Test(arguments: separators)
    func seeds(separator: ColumnRejoiner.Options.ParagraphSeparator) throws {
        let seeds = try Seeds.allBytes()
        #expect(seeds.count == Seeds.expectedCount)
        for (k, seed) in seeds.enumerated() { Self.checkTwice("seed \(k)", seed, separator) }
    }

    @Test(arguments: separators)
    func extractionsAndGolds(separator: ColumnRejoiner.Options.ParagraphSeparator) throws {
        let texts = try Self.fixtureTexts()
        #expect(texts.count > 100)
        for (name, text) in texts { Self.checkTwice(name, text, separator) }
    }

    @Test(arguments: separators)
    func generatedDocuments(separator: ColumnRejoiner.Options.ParagraphSeparator) {
        for (index, (style, _)) in RejoinGeneratedTests.styles.enumerated() {
            for (k, doc) in RejoinGeneratedTests.documents(style, index: index).prefix(8).enumerated() {
                Self.checkTwice("\(style.name) #\(k)", Array(doc.text.utf8), separator)
            }
        }
    }
}
