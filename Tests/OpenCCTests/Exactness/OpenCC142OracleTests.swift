import Testing

@Suite struct OpenCC142OracleTests {
    @Test func convertsWithOpenCC142() throws {
        try #require(OpenCC142Oracle.isInstalled, "run scripts/setup-python.sh (make test does)")
        let outputs = try OpenCC142Oracle.convert([Array("汉字\0发展".utf8), Array("".utf8)], configuration: "s2t")
        #expect(outputs == [Array("漢字\0發展".utf8), []])
    }

    @Test func namesAnUnknownConfiguration() throws {
        try #require(OpenCC142Oracle.isInstalled, "run scripts/setup-python.sh (make test does)")
        #expect(throws: OpenCC142Oracle.Failure.self) {
            try OpenCC142Oracle.convert([Array("x".utf8)], configuration: "no-such-config")
        }
    }
}
