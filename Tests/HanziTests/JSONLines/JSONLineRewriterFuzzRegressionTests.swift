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
}
