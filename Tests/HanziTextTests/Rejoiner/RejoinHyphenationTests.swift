import Foundation
import Testing
@testable import HanziText

/// English words hyphenated at a line end inside Chinese technical text: the hyphen goes
/// when the joined word is an English word or the document writes it unhyphenated, and
/// stays when the hyphenated form is the word.
@Suite struct RejoinHyphenationTests {
    let rejoiner = ColumnRejoiner()

    /// A column of Chinese text whose third line ends in `before` and whose fourth begins
    /// with `after`, rejoined; returns the joined word as it comes out.
    func joined(_ before: String, _ after: String, elsewhere: String = "") -> String {
        let text = """
            在这个项目里我们先把源代码整理好，再把\(elsewhere)
            测试用例逐一补齐，然后在每个模块里检查
            所有的边界情况并记录下来，这些\(before)
            \(after)的处理方式会在下一节里详细说明，
            并且给出可以直接运行的示例程序和结果。

            """
        let out = rejoiner.rejoin(text)
        guard let r = out.range(of: "这些"), let e = out.range(of: "的处理") else { return out }
        return String(out[r.upperBound..<e.lowerBound])
    }

    @Test func typesetterHyphensGo() {
        #expect(joined("com-", "pound") == "compound")
        #expect(joined("num-", "bers") == "numbers")
        #expect(joined("wrap-", "ping_add") == "wrapping_add")
        // capitalised words and acronyms of the list
        #expect(joined("Uni-", "code") == "Unicode")
        #expect(joined("WYSI-", "WYG") == "WYSIWYG")
        // the camel-case component the hyphen falls in
        #expect(joined("Proto-", "colHandler") == "ProtocolHandler")
        #expect(joined("JobDis-", "patch") == "JobDispatch")
        // not in the word list, but written whole in the document
        #expect(joined("Hsin-", "chu", elsewhere: "Hsinchu") == "Hsinchu")
        #expect(joined("de-", "structure", elsewhere: "destructure") == "destructure")
        // a suffix fragment after a lowercase word, as before
        #expect(joined("statical-", "ly") == "statically")
    }

    @Test func realHyphensStay() {
        #expect(joined("Chia-", "liang") == "Chia-liang")
        #expect(joined("get-", "dependencies") == "get-dependencies")
        #expect(joined("--", "undo") == "--undo")
        #expect(joined("e-", "mail") == "e-mail")
        #expect(joined("UTF-", "8") == "UTF-8")
        // not a word without the document writing it so
        #expect(joined("Hsin-", "chu") == "Hsin-chu")
        #expect(joined("Blorp-", "fenHandler") == "Blorp-fenHandler")
        // a capital after the hyphen of a lowercase part begins another word
        #expect(joined("Wal-", "Mart") == "Wal-Mart")
        #expect(joined("Jean-", "Paul") == "Jean-Paul")
        // the document writes the hyphenated form
        #expect(joined("data-", "base", elsewhere: "data-base") == "data-base")
    }

    /// The word list is the table in `Tables/english-words.txt`, decoded.
    @Test func wordListIsTheTable() throws {
        let url = RejoinCleanTextTests.repositoryRoot.appendingPathComponent("Tables/english-words.txt")
        let table = try String(contentsOf: url, encoding: .utf8)
        // The literal runs the table's lines together; where it breaks its lines does not matter.
        let body = table.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined()
        let generated = RejoinEnglishWords.frontCoded.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        #expect(generated.split(separator: "\n").joined() == body, "run python3 scripts/generate-english-words.py")
        #expect(RejoinEnglishWords.hashes.count == table.split(separator: "\n").filter { !$0.hasPrefix("#") }.count)
        #expect(RejoinEnglishWords.hashes.count > 70_000)
        for word in ["compound", "numbers", "wrapping", "statically", "dependencies", "unicode", "wysiwyg"] {
            #expect(RejoinEnglishWords.contains(RejoinWordHash.of(Array(word.utf8))), "\(word)")
        }
        for word in ["chialiang", "getdependencies", "hsinchu"] {
            #expect(!RejoinEnglishWords.contains(RejoinWordHash.of(Array(word.utf8))), "\(word)")
        }
    }
}
