import HanziTestSupport
import Foundation
import Testing
@testable import Hanzi

@Suite struct JSONLineRewriterTests {
    typealias RNG = SeededGenerator

    static func randomString(_ rng: inout RNG) -> String {
        let parts = ["汉字", "a", " ", "\\\"", "\\\\", "\\n", "\\u6c49", "\\ud83d\\ude00", "😀", "\\/", "\\t", "，", "x y", "\\u0001"]
        var s = ""
        for _ in 0..<Int.random(in: 0...6, using: &rng) { s += parts.randomElement(using: &rng)! }
        return "\"" + s + "\""
    }

    static func randomValue(_ rng: inout RNG, depth: Int = 0) -> String {
        switch Int.random(in: 0..<(depth > 2 ? 5 : 7), using: &rng) {
        case 0: return randomString(&rng)
        case 1: return ["0", "-1", "3.14", "1e10", "-0.5E-3", "12345678901234567890"].randomElement(using: &rng)!
        case 2: return ["true", "false", "null"].randomElement(using: &rng)!
        case 3: return "[]"
        case 4: return "{}"
        case 5:
            let items = (0..<Int.random(in: 1...3, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) }
            return "[" + items.joined(separator: Bool.random(using: &rng) ? "," : " , ") + "]"
        default:
            let items = (0..<Int.random(in: 1...3, using: &rng)).map { k in "\"k\(k)\":" + randomValue(&rng, depth: depth + 1) }
            return "{" + items.joined(separator: ",") + "}"
        }
    }

    /// A record with the `text` field at a random place, split around its value.
    static func randomRecord(_ rng: inout RNG) -> (prefix: String, value: String, suffix: String) {
        var before: [String] = [], after: [String] = []
        for k in 0..<Int.random(in: 0...3, using: &rng) { before.append("\"a\(k)\" : " + randomValue(&rng)) }
        for k in 0..<Int.random(in: 0...3, using: &rng) { after.append("\"z\(k)\":" + randomValue(&rng)) }
        let value = randomString(&rng)
        let prefix = " {" + before.map { $0 + "," }.joined() + "\"text\": "
        let suffix = (after.isEmpty ? "" : "," + after.joined(separator: ",")) + "} "
        return (prefix, value, suffix)
    }

    static func decode(_ jsonString: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data("[\(jsonString)]".utf8)) as! [Any]
        return object[0] as! String
    }

    /// Appends "。" to a value: every value changes.
    static let mark: @Sendable ([UInt8]) -> [UInt8] = { $0 + Array("。".utf8) }

    @Test func onlyTheNamedFieldChangesAndEveryOtherByteIsKept() throws {
        var rng = RNG(seed: 3)
        let rewriter = JSONLineRewriter(fields: ["text"])
        for _ in 0..<2000 {
            let (prefix, value, suffix) = Self.randomRecord(&rng)
            let line = Array((prefix + value + suffix).utf8)
            var output: [UInt8] = []
            let changed = try rewriter.rewrite(line, into: &output, transform: Self.mark)
            #expect(changed == 1)
            // Everything around the value is byte for byte the same.
            #expect(Array(output.prefix(prefix.utf8.count)) == Array(prefix.utf8))
            #expect(Array(output.suffix(suffix.utf8.count)) == Array(suffix.utf8))
            // The new value decodes to the old value plus the mark.
            let newValue = String(decoding: output[prefix.utf8.count..<(output.count - suffix.utf8.count)], as: UTF8.self)
            let old = try Self.decode(value)
            #expect(Array(try Self.decode(newValue).unicodeScalars) == Array((old + "。").unicodeScalars), "\(value) → \(newValue)")
            // And the whole line is still valid JSON.
            #expect((try? JSONSerialization.jsonObject(with: Data(output))) != nil)
        }
    }

    @Test func unchangedValuesKeepTheirEscapesAndASCIIOnlyValuesStayASCII() throws {
        let rewriter = JSONLineRewriter(fields: ["text", "title"])
        var output: [UInt8] = []
        let line = Array(#"{"title":"\u6f22\u5b57","text":"a\/b","n":1.50}"#.utf8)
        try rewriter.rewrite(line, into: &output) { $0 }
        #expect(output == line)
        output.removeAll()
        try rewriter.rewrite(line, into: &output) { try! ChineseConverter.shared(.t2s).convert(utf8: $0) }
        #expect(String(decoding: output, as: UTF8.self) == #"{"title":"\u6c49\u5b57","text":"a\/b","n":1.50}"#)
        output.removeAll()
        // A field named with an escape, a non-string value, a missing field.
        try rewriter.rewrite(Array(#"{"t\u0065xt":"漢","title":null}"#.utf8), into: &output) { _ in Array("X".utf8) }
        #expect(String(decoding: output, as: UTF8.self) == #"{"t\u0065xt":"X","title":null}"#)
    }

    @Test func validationAgreesWithJSONSerializationOnMutatedRecords() throws {
        var rng = RNG(seed: 5)
        let rewriter = JSONLineRewriter(fields: ["text"])
        let inserts = Array("{}[],:\"\\ 0a-.eE".utf8)
        var checked = 0
        for _ in 0..<3000 {
            let (prefix, value, suffix) = Self.randomRecord(&rng)
            var line = Array((prefix + value + suffix).utf8)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: line = Array(line.prefix(Int.random(in: 0...line.count, using: &rng)))
            case 1:
                if !line.isEmpty { line.remove(at: Int.random(in: 0..<line.count, using: &rng)) }
            default: line.insert(inserts.randomElement(using: &rng)!, at: Int.random(in: 0...line.count, using: &rng))
            }
            guard String(validating: line, as: UTF8.self) != nil else { continue }
            let blank = line.allSatisfy { $0 == 0x20 }
            // Foundation accepts trailing commas and rejects numbers out of Double's range;
            // both are decided by RFC 8259's grammar instead (see errorsNameTheByte...).
            let lineText = String(decoding: line, as: UTF8.self)
            // Foundation also rejects a lone surrogate escape, which JSON's grammar allows and
            // Hanzi keeps (see loneSurrogatesAreKept).
            if lineText.range(of: #",\s*[}\]]"#, options: .regularExpression) != nil
                || lineText.range(of: #"\\u[dD][89a-fA-F]"#, options: .regularExpression) != nil
                || lineText.range(of: #"[0-9][eE][+-]?[0-9]{3,}"#, options: .regularExpression) != nil {
                continue
            }
            let reference = (try? JSONSerialization.jsonObject(with: Data(line))) is [String: Any]
            var output: [UInt8] = []
            let ours = (try? rewriter.rewrite(line, into: &output) { $0 }) != nil
            if blank { #expect(ours); continue }
            #expect(ours == reference, "\(String(decoding: line, as: UTF8.self))")
            checked += 1
        }
        #expect(checked > 2000)
    }

    @Test func loneSurrogatesAreKept() throws {
        let rewriter = JSONLineRewriter(fields: ["text"])
        for line in [#"{"a":"\ud800"}"#, #"{"text":"x\udc00y\ud800"}"#, #"{"text":"\ud83d\ude00\ud83d"}"#] {
            var output: [UInt8] = []
            try rewriter.rewrite(Array(line.utf8), into: &output) { $0 + Array("!".utf8) }
            let expected = line.hasPrefix(#"{"a""#) ? line : String(line.dropLast(2)) + "!\"}"
            #expect(String(decoding: output, as: UTF8.self) == expected)
        }
        // A value that also holds the private-use scalars standing for lone surrogates
        // (U+10FFFF here) is kept as it is rather than risk mixing them up.
        let ambiguous = #"{"text":"\udbff\udfff\ud83d"}"#
        var output: [UInt8] = []
        try rewriter.rewrite(Array(ambiguous.utf8), into: &output) { $0 + Array("!".utf8) }
        #expect(String(decoding: output, as: UTF8.self) == ambiguous)
    }

    @Test func errorsNameTheByteAndDeepNestingIsFine() throws {
        let rewriter = JSONLineRewriter(fields: ["text"])
        var output: [UInt8] = []
        #expect(throws: JSONRecordError.self) { try rewriter.rewrite(Array(#"{"text":"a"#.utf8), into: &output) { $0 } }
        #expect(throws: JSONRecordError.self) { try rewriter.rewrite(Array(#"[1,2]"#.utf8), into: &output) { $0 } }
        #expect(throws: JSONRecordError.self) { try rewriter.rewrite(Array(#"{"a":01}"#.utf8), into: &output) { $0 } }
        let trailingComma = try #require(throws: JSONRecordError.self, "a trailing comma is not JSON") {
            try rewriter.rewrite(Array(#"{"a":1,}"#.utf8), into: &output) { $0 }
        }
        #expect(trailingComma.offset == 7)
        #expect(throws: JSONRecordError.self) { try rewriter.rewrite(Array(#"{"a":[1,]}"#.utf8), into: &output) { $0 } }
        // Any number the grammar allows is kept as written, whatever its range.
        output.removeAll()
        try rewriter.rewrite(Array(#"{"a":1e999999,"b":-0.0e-5}"#.utf8), into: &output) { $0 }
        #expect(output == Array(#"{"a":1e999999,"b":-0.0e-5}"#.utf8))
        output.removeAll()
        let deep = "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        try rewriter.rewrite(Array(deep.utf8), into: &output) { $0 }
        #expect(output.count == deep.utf8.count)
    }

    @Test func streamNumbersLinesSkipsInvalidOnesAndIsTheSameInParallel() throws {
        var rng = RNG(seed: 9)
        var lines: [String] = []
        for k in 0..<400 {
            let (prefix, value, suffix) = Self.randomRecord(&rng)
            lines.append(k % 97 == 50 ? "not json" : (k % 53 == 7 ? "" : prefix + value + suffix))
        }
        let text = Array(lines.joined(separator: "\n").utf8)
        // Without skipping: the first invalid line stops the stream, naming its number.
        var strict = JSONLinesStream(fields: ["text"], transform: Self.mark)
        var output: [UInt8] = []
        #expect(throws: JSONLinesError.self) {
            try strict.feed(text, into: &output)
            try strict.finish(into: &output)
        }
        let error = try #require(throws: JSONLinesError.self) {
            var again = JSONLinesStream(fields: ["text"], transform: Self.mark)
            try again.feed(text, into: &output)
            try again.finish(into: &output)
        }
        #expect(error.line == 51)
        var expected: [UInt8] = []
        var serial = JSONLinesStream(fields: ["text"], skipsInvalidLines: true, transform: Self.mark)
        try serial.feed(text, into: &expected)
        try serial.finish(into: &expected)
        #expect(serial.skippedLines == 4)
        #expect(serial.firstSkipped?.line == 51)
        for threads in [2, 3] {
            var parallel = JSONLinesStream(fields: ["text"], skipsInvalidLines: true, maxConcurrency: threads, pieceSize: 300, transform: Self.mark)
            var got: [UInt8] = []
            var start = 0
            while start < text.count {
                let end = min(text.count, start + Int.random(in: 1...2000, using: &rng))
                try parallel.feed(Array(text[start..<end]), into: &got)
                start = end
            }
            try parallel.finish(into: &got)
            #expect(got == expected)
            #expect(parallel.skippedLines == 4)
            #expect(parallel.firstSkipped?.line == 51)
        }
    }
}
