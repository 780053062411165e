import Foundation
import HanziTestSupport
import Testing

/// JSON Lines record by record on the real binary: per-record script detection and style, a
/// detection per record, and lone surrogate escapes.
@Suite struct PerRecordJSONLinesTests {
    static let corpus = """
        {"id":1,"text":"这是简体中文的记录，里面有汉字和\\"引号\\"。"}
        {"id":2,"text":"這是臺灣的紀錄，裡面有「引號」和著作。"}
        {"id":3,"text":"這是香港的紀錄，裏面有「引號」和着數。"}
        {"id":4,"text":"這些繁體字屬於傳統的書寫系統。"}

        """

    static func records(_ output: [UInt8]) throws -> [[String: Any]] {
        try output.split(separator: 0x0A).map { try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any] }
    }

    @Test func aMixedCorpusIsConvertedRecordByRecord() throws {
        let result = try HanziBinary.run(["clean", "--jsonl", "--to", "simplified"], input: Array(Self.corpus.utf8))
        #expect(result.status == 0, "\(result.stderrText)")
        let texts = try Self.records(result.stdout).map { $0["text"] as! String }
        #expect(texts.count == 4)
        for text in texts {
            let detection = try HanziBinary.run(["detect"], input: Array(text.utf8)).stdoutText
            #expect(detection.contains("Simplified"), "\(text): \(detection)")
            #expect(!text.contains("「"), "mainland quotes in a Simplified record: \(text)")
        }
        // The same record alone gives the same bytes: per record, not per file.
        let alone = try HanziBinary.run(["clean", "--jsonl", "--to", "simplified"],
                                        input: Array(Self.corpus.split(separator: "\n")[1].utf8) + [0x0A])
        #expect(try Self.records(alone.stdout)[0]["text"] as! String == texts[1])
    }

    @Test func withoutATargetEachRecordKeepsItsOwnConventions() throws {
        let input = "{\"text\":\"这是\\\"引号\\\"。\"}\n{\"text\":\"這是\\\"引號\\\"和臺灣。\"}\n"
        let result = try HanziBinary.run(["clean", "--jsonl"], input: Array(input.utf8))
        let texts = try Self.records(result.stdout).map { $0["text"] as! String }
        #expect(texts == ["这是“引号”。", "這是「引號」和臺灣。"])
        let fixed = try HanziBinary.run(["clean", "--jsonl", "--style", "mainland"], input: Array(input.utf8))
        #expect(try Self.records(fixed.stdout).map { $0["text"] as! String } == ["这是“引号”。", "這是“引號”和臺灣。"])
    }

    @Test func detectLabelsEveryRecord() throws {
        let input = Self.corpus + "not json\n{\"other\":1}\n"
        let result = try HanziBinary.run(["detect", "--jsonl", "--field", "text"], input: Array(input.utf8))
        #expect(result.status == 0)
        let lines = try Self.records(result.stdout)
        #expect(lines.count == 6)
        #expect(lines.map { $0["line"] as! Int } == [1, 2, 3, 4, 5, 6])
        #expect(lines[0]["script"] as? String == "simplified")
        for k in 1...3 { #expect(lines[k]["script"] as? String == "traditional") }
        #expect(lines[1]["variant"] as? String == "taiwan")
        for line in lines.prefix(4) { #expect((line["confidence"] as! Double) > 0) }
        #expect(lines[4]["error"] != nil)
        #expect(lines[5]["error"] != nil)
    }

    @Test func loneSurrogatesNeverCostARecord() throws {
        let input = #"{"text":"汉字\ud800后面,文字","other":"\udc00x"}"# + "\n" + #"{"text":"前\ud83d\ude00后\udbff"}"# + "\n"
        let result = try HanziBinary.run(["clean", "--jsonl", "--to", "traditional"], input: Array(input.utf8))
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdoutText == #"{"text":"漢字\ud800後面，文字","other":"\udc00x"}"# + "\n" + #"{"text":"前😀後\udbff"}"# + "\n")
        // Unprocessed fields stay byte for byte, however their surrogates are escaped.
        let untouched = #"{"text":"甲","x":"\udfff\ud800\u00e9"}"# + "\n"
        #expect(try HanziBinary.run(["normalize", "--jsonl"], input: Array(untouched.utf8)).stdoutText == untouched)
        // Malformed JSON is still an error.
        let malformed = try HanziBinary.run(["normalize", "--jsonl"], input: Array(#"{"text":"\uZZZZ"}"#.utf8))
        #expect(malformed.status == 1)
    }

    @Test func skippedRecordsAreCountedEvenWhenQuiet() throws {
        let input = Array("{\"text\":\"a\"}\nbad\n{\"text\":\"b\"}\n".utf8)
        for policy in ["skip", "keep"] {
            let result = try HanziBinary.run(["normalize", "--jsonl", "--invalid", policy, "-q"], input: input)
            #expect(result.status == 0)
            #expect(result.stderrText.contains("1 invalid line"), "\(policy): \(result.stderrText)")
            #expect(result.stderrText.contains("2"), "the line number: \(result.stderrText)")
        }
    }
}
