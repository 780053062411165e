import Foundation
import Testing
@testable import HanziText

/// Real PDF extractions (`Fixtures/pdf-extractions`: pdftotext default and `-raw`, PyMuPDF;
/// Simplified, technical and Traditional text in two and three columns) against their
/// gold paragraphs: no character lost, and a boundary-F1 floor just below the measured
/// value, overall and per file.
@Suite struct RejoinPDFExtractionTests {
    /// Each fixture with its F1 floor (measured value minus about 0.01).
    static let fixtures: [(String, Double)] = [
        ("simp_2col_plain__mu", 0.95),
        ("simp_3col_plain__ptt", 0.90),
        ("tech_2col_spaced__mu", 0.86),
        ("tech_3col_unspaced__raw", 0.87),
        ("trad_2col_indent__ptt", 0.93),
        ("trad_3col_spacedhead__raw", 0.94),
    ]

    static func load(_ name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt",
                                          subdirectory: "Fixtures/pdf-extractions"),
              let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: fixtures.map(\.0))
    func extraction(name: String) throws {
        let floor = Self.fixtures.first { $0.0 == name }!.1
        let input = try #require(Self.load(name))
        let gold = try #require(Self.load("\(name).gold"))
        let out = ColumnRejoiner().rejoin(input)
        #expect(RejoinGeneratedTests.checkInvariant(input: input, output: out), "characters lost in \(name)")
        let counts = try #require(RejoinScoring.score(output: out, gold: [gold]), "characters differ from the gold in \(name)")
        print("pdf extraction \(name): F1=\(String(format: "%.3f", counts.f1)) TP=\(counts.tp) FP=\(counts.fp) FN=\(counts.fn)")
        #expect(counts.f1 >= floor, "\(name): F1 \(counts.f1) < \(floor)")
    }

    @Test func overall() throws {
        var total = RejoinScoring.Counts()
        var spurious = 0
        for (name, _) in Self.fixtures {
            let input = try #require(Self.load(name))
            let gold = try #require(Self.load("\(name).gold"))
            let out = ColumnRejoiner().rejoin(input)
            total += try #require(RejoinScoring.score(output: out, gold: [gold]))
            spurious += try #require(RejoinScoring.spuriousSpaces(output: out, gold: [gold]))
        }
        print("pdf extractions overall: F1=\(String(format: "%.3f", total.f1)) spurious spaces=\(spurious)")
        #expect(total.f1 >= 0.92)
        // letter spacing and names broken at line ends leave no spaces of their own
        #expect(spurious <= 3, "\(spurious) spurious spaces")
    }
}
