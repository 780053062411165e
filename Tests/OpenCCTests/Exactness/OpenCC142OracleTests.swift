import Testing

@Suite struct OpenCC142OracleTests {
    @Test func convertsWithOpenCC142() throws {
        try #require(OpenCC142Oracle.isInstalled, "run scripts/setup-python.sh (make test does)")
        let outputs = try OpenCC142Oracle.convert([Array("汉字\0发展".utf8), Array("".utf8)], configuration: "s2t")
        #expect(outputs == [Array("漢字\0發展".utf8), []])
        // OpenCC 1.4.2 alone loses the text after a NUL in tw2s; the oracle keeps it, and a NUL
        // completes an ideographic description sequence as in one-step configurations.
        #expect(try OpenCC142Oracle.convert([Array("發展\0臺灣".utf8)], configuration: "tw2s") == [Array("发展\0台湾".utf8)])
        #expect(try OpenCC142Oracle.convert([Array("⿺髮\0髮".utf8)], configuration: "hk2s") == [Array("⿺髮\0发".utf8)])
        #expect(try OpenCC142Oracle.convert([Array("⿺髮\0髮".utf8)], configuration: "t2s") == [Array("⿺髮\0发".utf8)])
    }

    @Test func namesAnUnknownConfiguration() throws {
        try #require(OpenCC142Oracle.isInstalled, "run scripts/setup-python.sh (make test does)")
        #expect(throws: OpenCC142Oracle.Failure.self) {
            try OpenCC142Oracle.convert([Array("x".utf8)], configuration: "no-such-config")
        }
    }
}
