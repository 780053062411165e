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
        // after an acronym, the component begins at the capital before the lowercase letters
        #expect(joined("GNUGen-", "eralPublicLicense") == "GNUGeneralPublicLicense")
        #expect(joined("XMLPar-", "ser") == "XMLParser")
        // not in the word list, but written whole in the document
        #expect(joined("Hsin-", "chu", elsewhere: "Hsinchu") == "Hsinchu")
        #expect(joined("de-", "structure", elsewhere: "destructure") == "destructure")
        // a capital after the hyphen, where the document writes the word whole
        #expect(joined("Libre-", "Office", elsewhere: "LibreOffice") == "LibreOffice")
        #expect(joined("Duck-", "DuckGo", elsewhere: "DuckDuckGo") == "DuckDuckGo")
        // or writes the camel-case component the hyphen falls in
        #expect(joined("Libre-", "OfficeCalc", elsewhere: "LibreOffice") == "LibreOfficeCalc")
        #expect(joined("Libre-", "OfficeCalc") == "Libre-OfficeCalc")
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

    /// A word the list lacks is one word when it is a regular inflection of a word of the
    /// list or of the document.
    @Test func inflectionsOfAKnownStemGo() {
        // stems of the list (the list has `parser` and `bitmap`, not their plurals)
        #expect(joined("pars-", "ers") == "parsers")
        #expect(joined("bit-", "maps") == "bitmaps")
        // stems the document writes: -ed, -ing after a silent e, a doubled consonant, -ily,
        // and in another case
        #expect(joined("zorbu-", "lated", elsewhere: "zorbulate") == "zorbulated")
        #expect(joined("tokeniz-", "ing", elsewhere: "tokenize") == "tokenizing")
        #expect(joined("remap-", "ping", elsewhere: "remap") == "remapping")
        #expect(joined("hack-", "ily", elsewhere: "hacky") == "hackily")
        #expect(joined("Check-", "sums", elsewhere: "checksum") == "Checksums")
        // two suffixes deep: the stem of `tokenizers` is `tokenizer`, whose stem is written
        #expect(joined("tokeniz-", "ers", elsewhere: "tokenize") == "tokenizers")
        // derivations of listed stems: -able (after a silent e dropped, a doubled consonant),
        // -ness
        #expect(joined("serial-", "izable") == "serializable")
        #expect(joined("plug-", "gable") == "pluggable")
        #expect(joined("hash-", "able") == "hashable")
        #expect(joined("stateless-", "ness") == "statelessness")
    }

    /// A word the list lacks is one word when the document writes a regular inflection of it
    /// (`destructuring` for `destructure`).
    @Test func wordsWhoseInflectionIsKnownGo() {
        #expect(joined("de-", "structure", elsewhere: "destructuring") == "destructure")
        #expect(joined("de-", "structure", elsewhere: "destructures") == "destructure")
        #expect(joined("tokeni-", "zer", elsewhere: "tokenizers") == "tokenizer")
        #expect(joined("re-", "map", elsewhere: "remapping") == "remap")
        #expect(joined("tid-", "dy", elsewhere: "tiddies") == "tiddy")
        // without the inflection in the document, or with the hyphenated form there, it stays
        #expect(joined("de-", "structure") == "de-structure")
        #expect(joined("de-", "structure", elsewhere: "de-structuring de-structure") == "de-structure")
        // an inflection of another word is no evidence
        #expect(joined("Kai-", "ping", elsewhere: "kaipingo") == "Kai-ping")
    }

    /// The words that `produce` gives for `word` (``RejoinInflection/stems(of:_:)`` or
    /// ``RejoinInflection/inflections(of:_:)``).
    func words(_ produce: ([UInt8], ([UInt8]) -> Void) -> Void, of word: String) -> Set<String> {
        var out = Set<String>()
        produce(Array(word.utf8)) { out.insert(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    @Test func inflectionsOfRegularSuffixes() {
        func forms(_ w: String) -> Set<String> { words(RejoinInflection.inflections, of: w) }
        #expect(forms("destructure").isSuperset(of: ["destructures", "destructured", "destructuring", "destructurer"]))
        #expect(forms("wrap").isSuperset(of: ["wraps", "wrapped", "wrapping", "wrapper", "wrappers"]))
        #expect(forms("copy").isSuperset(of: ["copies", "copied", "copier"]))
        #expect(forms("index").isSuperset(of: ["indexes", "indexed", "indexing", "indexer"]))
        #expect(!forms("index").contains("indexxing"))
        // every inflection leads back to the word by the stems (`-ers` is two suffixes)
        for word in ["destructure", "wrap", "copy", "index", "parse", "tokenizer"] {
            let hash = RejoinWordHash.of(Array(word.utf8))
            forms(word).forEach { form in
                #expect(RejoinInflection.isInflection(Array(form.utf8)) { $0 == hash },
                        "\(form) does not lead back to \(word)")
            }
        }
    }

    /// An inflection of nothing known, or of a stem too short to be evidence, keeps its hyphen.
    @Test func inflectionsOfNothingKnownStay() {
        #expect(joined("Kai-", "ping") == "Kai-ping")
        #expect(joined("blorp-", "fers") == "blorp-fers")
        #expect(joined("zorbu-", "lated") == "zorbu-lated")
        // a compound whose second part ends like a suffix: its stem is no word
        #expect(joined("machine-", "readable") == "machine-readable")
        // the document writes the hyphenated form
        #expect(joined("bit-", "maps", elsewhere: "bit-maps") == "bit-maps")
    }

    @Test func stemsOfRegularSuffixes() {
        func stems(_ w: String) -> Set<String> { words(RejoinInflection.stems, of: w) }
        #expect(stems("copies").contains("copy"))
        #expect(stems("boxes").contains("box"))
        #expect(stems("parsed").isSuperset(of: ["pars", "parse"]))
        #expect(stems("wrapping").contains("wrap"))
        #expect(stems("simply").contains("simple"))
        #expect(stems("quickly").contains("quick"))
        #expect(!stems("class").contains("clas"))
        #expect(stems("parsable").contains("parse"))
        #expect(stems("tidiness").contains("tidy"))
        #expect(stems("shipment").contains("ship"))
    }

    /// U+2010 HYPHEN at a line end, in a document that writes none inside a line, is the
    /// typesetter's hyphenation character (a hyphen of the text stays its own character at a
    /// line end): it goes even where the word is unknown.
    @Test func typesetterHyphenCharacterGoes() {
        #expect(joined("Quan\u{2010}", "zhou") == "Quanzhou")
        #expect(joined("blorp\u{2010}", "fen") == "blorpfen")
        // the document writes U+2010 inside a line: its hyphens are the text's
        #expect(joined("blorp\u{2010}", "fen", elsewhere: "x\u{2010}ray") == "blorp\u{2010}fen")
        // a hyphen-minus needs the word evidence
        #expect(joined("blorp-", "fen") == "blorp-fen")
        // the guards hold: a digit, a one-letter part
        #expect(joined("UTF\u{2010}", "8") == "UTF\u{2010}8")
        #expect(joined("e\u{2010}", "mail") == "e\u{2010}mail")
        // a typesetter breaks a camel-case name before its capital too (`Libre‐` `Office`): the
        // capital is no guard where the character is the typesetter's
        #expect(joined("Libre\u{2010}", "Office") == "LibreOffice")
        #expect(joined("Libre\u{2010}", "Office", elsewhere: "x\u{2010}ray") == "Libre\u{2010}Office")
    }
}
