import Testing
import HanziText

/// Inputs the fuzz harness FuzzRejoin found where rejoining twice changes the text
/// (Fuzz/Corpus/FuzzRejoin/found-*; Fuzz/known-open.txt: rejoin.idempotent).
@Suite struct ColumnRejoinerIdempotenceTests {
    /// Three short lines of OpenCC's test text: the first pass kept them as paragraphs
    /// separated by blank lines; the second read blank lines after every line as carrying no
    /// information and joined the paragraph that ends without punctuation to the next.
    @Test
    func rejoiningTwiceChangesNothingOnShortParagraphs() {
        let text = "為了眾人化妝床頭裡面衛生，醞釀群峰鐵鉤嘆氣事件\n在廚房裡做手擀麵\n想到自己一緊張就口吃，我就沒胃口吃飯"
        let rejoiner = ColumnRejoiner()
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        #expect(rejoiner.rejoin(utf8: once) == once)
    }

    /// One paragraph per line, with every kind of line break (LS, PS, FF, CRLF, CR, VT, NEL):
    /// the second pass joins 第二段 and 第三段, which the first kept apart.
    @Test
    func rejoiningTwiceChangesNothingAcrossLineBreakKinds() {
        let text = "statical-\u{FFFD}ly and C\u{2028}第二段\u{2029}第三段\u{C}下一页\u{D}\u{A}回车\u{D}换行\u{B}竖\u{85}NEL\u{A}"
        let rejoiner = ColumnRejoiner(options: .init(paragraphSeparator: .newline))
        let once = rejoiner.rejoin(utf8: Array(text.utf8))
        #expect(rejoiner.rejoin(utf8: once) == once)
    }
}
