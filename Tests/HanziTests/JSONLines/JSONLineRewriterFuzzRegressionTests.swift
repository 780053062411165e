import Testing
import Hanzi

/// Inputs the fuzz harness FuzzJSONLine once failed on (Fuzz/Corpus/FuzzJSONLine/found-*).
@Suite struct JSONLineRewriterFuzzRegressionTests {
    /// A number beyond a Double is valid JSON (Foundation's parser refuses it): the record is
    /// accepted, its other fields are rewritten and the number is copied byte for byte.
    @Test func numberBeyondADoubleIsCopiedUnchanged() throws {
        let rewriter = JSONLineRewriter(fields: ["text"])
        for number in ["-3E442", "1e309", "1e-400", "123456789012345678901234567890"] {
            var output: [UInt8] = []
            let line = Array(#"{"i":\#(number),"text":"a"}"#.utf8)
            let changed = try rewriter.rewrite(line, into: &output) { $0 + Array("b".utf8) }
            #expect(changed == 1)
            #expect(output == Array(#"{"i":\#(number),"text":"ab"}"#.utf8))
        }
    }

    /// A lone surrogate escape is allowed by the JSON grammar (Foundation's parser refuses it):
    /// the record is accepted and the escape is copied byte for byte in a field not rewritten.
    @Test func loneSurrogateEscapeIsCopiedUnchanged() throws {
        let rewriter = JSONLineRewriter(fields: ["text"])
        var output: [UInt8] = []
        let line = Array(#"{"i":"\ud800","text":"a"}"#.utf8)
        try rewriter.rewrite(line, into: &output) { $0 + Array("b".utf8) }
        #expect(output == Array(#"{"i":"\ud800","text":"ab"}"#.utf8))
    }

    /// A byte that starts no well-formed sequence (`F4` before `8`) is written back alone: the
    /// bytes after it are still escaped, so a lone surrogate escape or a quote that follows it
    /// survives the rewrite and the output reads back with the same selected value.
    /// Fuzz/Corpus/FuzzJSONLine/found-6baa0ec2d134.
    @Test func invalidLeadByteDoesNotSwallowWhatFollows() throws {
        let rewriter = JSONLineRewriter(fields: ["text"])
        let marker = Array("「\"\\\u{1}\n」".utf8)
        let prefix = Array(#"{"text": "tdu38\ud800"#.utf8)
        let middle = Array(#"8\ud800"#.utf8)
        let lines: [[UInt8]] = [
            prefix + [0xFF, 0xFF, 0x80, 0xF4] + middle + [0xFF] + Array(#""}"#.utf8),
            Array(#"{"text": "a"#.utf8) + [0xE4] + Array(#"\"b\ud800"}"#.utf8),
        ]
        for line in lines {
            var rewritten: [UInt8] = []
            var originals: [[UInt8]] = []
            let changed = try rewriter.rewrite(line, into: &rewritten) { value in
                originals.append(value)
                return marker + value
            }
            #expect(changed == 1)
            var readBack: [[UInt8]] = []
            var ignored: [UInt8] = []
            try rewriter.rewrite(rewritten, into: &ignored) { value in
                readBack.append(value)
                return value
            }
            #expect(readBack.count == 1)
            #expect(readBack == originals.map { marker + $0 })
        }
        var output: [UInt8] = []
        try rewriter.rewrite(lines[0], into: &output) { Array("x".utf8) + $0 }
        var expected: [UInt8] = Array(prefix.prefix(10))
        expected += Array("xtdu38\\ud800".utf8)
        expected += [0xFF, 0xFF, 0x80, 0xF4]
        expected += middle
        expected += [0xFF]
        expected += Array(#""}"#.utf8)
        #expect(output == expected)
    }
}
