import Testing
@testable import HanziCore

/// Inputs the fuzz harness FuzzUTF8 once failed on (Fuzz/Corpus/FuzzUTF8/found-*).
@Suite struct UTF8ValidatorFuzzRegressionTests {
    /// A lone continuation byte at the very end is malformed, not a cut character: it is an
    /// error even when an incomplete tail is allowed, at the standard library's offset.
    /// (The harness first took it for a cut tail; the validator was right.)
    @Test func loneContinuationAtTheEndIsAnErrorWithAnIncompleteTailAllowed() {
        let bytes: [UInt8] = Array("自己一緊張，".utf8) + [0xB2]
        let offset = bytes.count - 1
        let error = #expect(throws: InvalidUTF8Error.self) {
            try UTF8Validator.validate(bytes, allowingIncompleteTail: true)
        }
        #expect(error?.byteOffset == offset)
        // A cut character in the same place is held back instead.
        let cut: [UInt8] = Array("自己一緊張，".utf8) + [0xE4, 0xB8]
        #expect((try? UTF8Validator.validate(cut, allowingIncompleteTail: true)) == offset)
    }
}
