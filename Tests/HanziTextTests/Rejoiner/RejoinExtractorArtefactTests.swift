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

    /// PyMuPDF splits a justified line stretched around a Latin word that did not fit after
    /// it into its pieces: `在` / `LibreOffice` is one visual line, which the paragraph goes on
    /// from. A one-character line before a line of the column is another matter: the last
    /// line of a wrapped heading (`接受或捨棄變` / `更`) keeps its break before the paragraph.
    @Test func stretchedLineBeginningWithOneCharacter() {
        let column = [
            "這個項目先把原始碼整理好，再把測試用例",
            "逐一補齊，然後在每個模組裡檢查所有的邊",
            "界情況並記錄下來，這些規則會在下一節詳",
            "細說明，並給出可以直接執行的範例程式。",
        ]
        let pieces = ["在", "LibreOffice", "Writer中，您可以選擇以黑白兩色列印顏", "色格式化的文字，也可以指定此設定只適", "用於目前的文件。"]
        let out = rejoiner.rejoin((column + pieces).joined(separator: "\n") + "\n")
        // (no space between Han characters and Latin letters: the document writes none)
        #expect(out.contains("範例程式。在LibreOffice Writer中，您可以") || out.contains("範例程式。\n\n在LibreOffice Writer中，您可以"), "\(out)")
        #expect(!out.contains("在\n"), "\(out)")
        let heading = ["接受或捨棄變", "更", "LibreOffice 中針對文字文件與試算表文", "件提供了審閱功能，您可以逐一接受或捨", "棄每一項變更。"]
        let out2 = rejoiner.rejoin((column + heading).joined(separator: "\n") + "\n")
        #expect(out2.contains("接受或捨棄變更\n\nLibreOffice"), "\(out2)")
    }

    /// An attribution after a quotation is a paragraph of its own.
    @Test func attributionStandsAlone() {
        let text = (Self.column + ["以不去。", "——《论语》序说", "上德不德，是以有德；下德不失德，是", "以无德。上德无为而无以为；下德为之", "而有以为。"]).joined(separator: "\n") + "\n"
        let out = rejoiner.rejoin(text)
        #expect(out.contains("以不去。\n\n——《论语》序说\n\n上德不德"), "\(out)")
    }

    /// An attribution that wraps inside its title's brackets goes on in its next line, and
    /// ends where the bracket closes.
    @Test func wrappedAttributionStaysWhole() {
        let text = (Self.column + ["以不去。", "——《詩經‧國", "風‧召南‧鵲巢》", "上德不德，是以有德；下德不失德，是", "以无德。上德无为而无以为；下德为之", "而有以为。"])
            .joined(separator: "\n") + "\n"
        let out = rejoiner.rejoin(text)
        #expect(out.contains("以不去。\n\n——《詩經‧國風‧召南‧鵲巢》\n\n上德不德"), "\(out)")
    }

    /// An attribution as wide as the column, with a blank line after it, is no column line
    /// that a column break interrupts: the blank line separates it from the next paragraph.
    @Test func fullWidthAttributionBeforeABlankLineStandsAlone() {
        let text = (Self.column + ["以不去。", "——《论语·学而第一》孔子门人所记述", "", "上德不德，是以有德；下德不失德，是",
                                   "以无德。上德无为而无以为；下德为之", "而有以为。"]).joined(separator: "\n") + "\n"
        let out = rejoiner.rejoin(text)
        #expect(out.contains("\n\n——《论语·学而第一》孔子门人所记述\n\n上德不德"), "\(out)")
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
