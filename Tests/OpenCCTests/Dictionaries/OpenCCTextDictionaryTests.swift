import Testing

@testable import OpenCC

/// The one parser of OpenCC's text dictionaries, as OpenCC 1.4.2's `Lexicon` reads them.
@Suite struct OpenCCTextDictionaryTests {
    /// Every entry of `text` as (key, first value, all values), in UTF-8 strings.
    static func parse(_ text: [UInt8], name: String = "test.txt") throws(OpenCCTextDictionary.FormatError)
        -> [(key: [UInt8], first: [UInt8], all: [[UInt8]])]
    {
        var result: [(key: [UInt8], first: [UInt8], all: [[UInt8]])] = []
        try text.withUnsafeBufferPointer { (buffer) throws(OpenCCTextDictionary.FormatError) in
            try OpenCCTextDictionary.forEachEntry(in: buffer, name: name) { entry in
                result.append((Array(entry.key), Array(entry.firstValue), entry.allValues))
            }
        }
        return result
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func linesCommentsByteOrderMarkAndLineEnds() throws {
        let text = [0xEF, 0xBB, 0xBF] + Self.bytes("# comment\n\n汉\t漢\r\n后\t後 后\n\t空\n发\t發 髮  \n")
        let entries = try Self.parse(text)
        #expect(entries.map(\.key) == [Self.bytes("汉"), Self.bytes("后"), Self.bytes("发")])  // the empty key is skipped
        #expect(entries.map(\.first) == [Self.bytes("漢"), Self.bytes("後"), Self.bytes("發")])
        #expect(entries[0].all == [Self.bytes("漢")])  // the CR before the LF is not part of the value
        #expect(entries[1].all == [Self.bytes("後"), Self.bytes("后")])
        // Single spaces separate values, so two spaces and a trailing one make empty values.
        #expect(entries[2].all == [Self.bytes("發"), Self.bytes("髮"), [], []])
    }

    @Test func aCarriageReturnOrNulInsideALineEndsIt() throws {
        let entries = try Self.parse(Self.bytes("甲\t乙 丙\r丁\n戊\t己\u{0}庚\n"))
        #expect(entries.map(\.all) == [[Self.bytes("乙"), Self.bytes("丙")], [Self.bytes("己")]])
        #expect(entries.map(\.first) == [Self.bytes("乙"), Self.bytes("己")])
    }

    @Test func aTabRightAfterTheKeyWithNothingAfterItIsOneEmptyValue() throws {
        let entries = try Self.parse(Self.bytes("甲\t\n"))
        #expect(entries.count == 1)
        #expect(entries[0].first.isEmpty)
        #expect(entries[0].all == [[]])
    }

    @Test func aLineWithoutATabIsAnErrorNamingTheFileAndLine() {
        let error = #expect(throws: OpenCCTextDictionary.FormatError.self) {
            try Self.parse(Self.bytes("# comment\n甲\t乙\n丙丁\n"), name: "mine.txt")
        }
        #expect(error?.description == "mine.txt, line 3: no TAB between key and value")
        // A CR before the TAB ends the line for the key, as in `Lexicon`.
        let cut = #expect(throws: OpenCCTextDictionary.FormatError.self) { try Self.parse(Self.bytes("甲\r\t乙\n")) }
        #expect(cut?.line == 1)
    }

    @Test func textThatIsNotUTF8IsAnErrorNamingTheFile() {
        let error = #expect(throws: OpenCCTextDictionary.FormatError.self) {
            try Self.parse(Self.bytes("甲\t乙\n") + [0xFF], name: "mine.txt")
        }
        #expect(error?.line == nil)
        #expect(error?.description.hasPrefix("mine.txt: invalid UTF-8 at byte offset 8") == true)
    }

    /// The entries detection reads and the ones the native engine compiles come from the same
    /// lines of the same bundled dictionary.
    @Test func bundledDictionaryDataAndTheNativeEnginesEntriesAgree() throws {
        let entries = try #require(try OpenCCDictionaryData.entries(ofDictionary: "STPhrases", in: .bundled))
        let file = try #require(BundledOpenCCData.file(named: "STPhrases.txt"))
        let native = try DictionaryEntries.parseText(file, name: "STPhrases.txt")
        #expect(entries.count == native.count)
        #expect(entries.count > 40_000)
        #expect(entries.allSatisfy { !$0.key.isEmpty && !$0.values.isEmpty })
    }
}
