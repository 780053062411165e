import Testing
@testable import HanziText

/// What extractors and title blocks put into a column: a visual line split before a
/// quote (`pdftotext -raw`), a quotation's attribution, a date line.
@Suite struct RejoinExtractorArtefactTests {
    let rejoiner = ColumnRejoiner()

    static let column = [
        "天下皆知美之为美，斯恶已；皆知善",
        "之为善，斯不善已。故有无相生，难易",
        "相成，长短相形，高下相倾，音声相和",
        "前后相随。是以圣人处无为之事，行不",
        "言之教，万物作焉而不辞，生而不有，",
        "为而不恃，功成而弗居。夫唯弗居，是",
    ]

    /// `程子曰：` / `“今人不会` is one visual line that `pdftotext -raw` split before the
    /// quote: it joins, and the line after it is measured as the rest of that line.
    @Test func visualLineSplitBeforeAQuote() {
        let text = (Self.column + ["以不去。程子曰：", "“今人不会读书。如", "读论语，未读时是此等人，读了后又", "只是此等人，便是不曾读。”"]).joined(separator: "\n") + "\n"
        let out = rejoiner.rejoin(text)
        #expect(out.contains("程子曰：“今人不会读书。如读论语，未读时是此等人"), "\(out)")
    }

    /// An attribution after a quotation is a paragraph of its own.
    @Test func attributionStandsAlone() {
        let text = (Self.column + ["以不去。", "——《论语》序说", "上德不德，是以有德；下德不失德，是", "以无德。上德无为而无以为；下德为之", "而有以为。"]).joined(separator: "\n") + "\n"
        let out = rejoiner.rejoin(text)
        #expect(out.contains("以不去。\n\n——《论语》序说\n\n上德不德"), "\(out)")
    }

    /// A date on a line of its own in a title block is a paragraph of its own.
    @Test func dateLineOfATitleBlock() {
        let text = (["道德经", "老子", "2020年9月2日"] + Self.column + ["以不去。"]).joined(separator: "\n") + "\n"
        let out = rejoiner.rejoin(text)
        #expect(out.contains("\n\n2020年9月2日\n\n天下皆知美之为美"), "\(out)")
    }

    @Test func dateOnly() {
        func date(_ s: String) -> Bool {
            let h = s.unicodeScalars.map(\.value)
            return h.withUnsafeBufferPointer { RejoinLineScanner.isDate($0) }
        }
        #expect(date("2021年10月14日") && date("2024年5月") && date("2022年5月5日"))
        #expect(!date("2021年10月14日电") && !date("10月14日") && !date("2021年") && !date("20210年1月1日"))
    }
}
