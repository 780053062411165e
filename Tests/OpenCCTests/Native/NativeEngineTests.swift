import Foundation
import Testing
import OpenCC
import HanziTestSupport

/// The native engine's own features: user phrases, configuration files of any nesting of
/// groups (checked against OpenCC 1.4.2), and clear errors.
@Suite struct NativeEngineTests {
    /// A fresh folder with the given files.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hanzi-native-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// Converts `texts` generated texts (seeded by `seed`) of 1 to `longest` characters drawn
    /// from `alphabet` with the configuration file `config`, and expects OpenCC 1.4.2's output
    /// for each.
    static func expectMatchesOpenCC142(
        _ config: URL, alphabet: String, seed: UInt64, texts: Int, longest: Int
    ) throws {
        let converter = try ChineseConverter(.file(config))
        var generator = SeededGenerator(seed: seed)
        let characters = Array(alphabet)
        var inputs: [[UInt8]] = []
        for _ in 0..<texts {
            let length = Int.random(in: 1...longest, using: &generator)
            inputs.append(Array(String((0..<length).map { _ in characters.randomElement(using: &generator)! }).utf8))
        }
        let expected = try OpenCC142Oracle.convert(inputs, configuration: config.path)
        for (input, oracle) in zip(inputs, expected) {
            #expect(try converter.convert(utf8: input) == oracle, "\(String(decoding: input, as: UTF8.self))")
        }
    }

    @Test func aUserPhraseWinsWhereItStartsASegmentAndItsValueIsKept() throws {
        let folder = try Self.folder(["a.txt": "鼠标\t老鼠\n软件\t软件\n", "b.txt": "鼠标\t滑鼠標\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.txt")
        let b = folder.appendingPathComponent("b.txt")
        let one = try ChineseConverter(.s2twp, options: .init(phrases: [a]))
        // 老鼠 would become 老鼠 anyway; 软件 stays simplified although s2twp turns it into 軟體.
        #expect(one.convert("鼠标和软件，打印机") == "老鼠和软件，印表機")
        let two = try ChineseConverter(.s2twp, options: .init(phrases: [a, b]))
        #expect(two.convert("鼠标") == "滑鼠標")  // the later file wins
        // Without a segmentation dictionary the phrases alone cut the segments.
        let plain = try ChineseConverter(.s2t, options: .init(phrases: [a]))
        #expect(plain.convert("鼠标垫") == "老鼠墊")
    }

    /// The engine writes a conversion into the caller's array, in room about the input's
    /// size: output many times longer than the input goes on in memory of its own, and what
    /// the array held before stays.
    @Test func anOutputManyTimesLongerThanItsInputIsWholeAfterWhatTheArrayHeld() throws {
        let long = String(repeating: "滑鼠標", count: 40)
        let folder = try Self.folder(["long.txt": "鼠\t\(long)\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let converter = try ChineseConverter(.s2t, options: .init(phrases: [folder.appendingPathComponent("long.txt")]))
        for count in [1, 2, 7, 100, 5_000] {
            let input = String(repeating: "a鼠", count: count)
            let expected = Array(String(repeating: "a" + long, count: count).utf8)
            var output = Array("held before".utf8)
            try converter.convert(utf8: Array(input.utf8), into: &output)
            #expect(output == Array("held before".utf8) + expected, "\(count)")
            #expect(try converter.convert(utf8: Array(input.utf8)) == expected, "\(count)")
        }
        // and output that fits leaves none of the room behind
        var output = Array("x".utf8)
        try converter.convert(utf8: Array("测试".utf8), into: &output)
        #expect(output == Array("x測試".utf8))
    }

    @Test func aBadPhraseFileIsAnErrorNamingTheFileAndLine() throws {
        let folder = try Self.folder(["bad.txt": "鼠标\t老鼠\n没有制表符\n", "twice.txt": "鼠标\t甲\n鼠标\t乙\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = try #require(throws: OpenCCError.self) {
            try ChineseConverter(.s2t, options: .init(phrases: [folder.appendingPathComponent("bad.txt")]))
        }
        #expect(bad.message.contains("bad.txt, line 2"))
        let twice = try #require(throws: OpenCCError.self) {
            try ChineseConverter(.s2t, options: .init(phrases: [folder.appendingPathComponent("twice.txt")]))
        }
        #expect(twice.message.contains("鼠标"))
        #expect(throws: OpenCCError.self) {
            try ChineseConverter(.s2t, options: .init(engine: .libopencc, phrases: [folder.appendingPathComponent("bad.txt")]))
        }
    }

    @Test func aSegmentationPluginIsAClearError() throws {
        let folder = try Self.folder([
            "jieba.json": #"{"segmentation": {"type": "jieba", "dict": {"type": "text", "file": "a.txt"}}, "conversion_chain": []}"#,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: OpenCCError.self) {
            try ChineseConverter(.file(folder.appendingPathComponent("jieba.json")))
        }
        #expect(error.message.contains("jieba"))
        #expect(error.message.contains("libopencc"))
    }

    /// Groups nested in every way OpenCC allows, with comments and trailing commas, against
    /// OpenCC 1.4.2 on text made of the dictionaries' own keys.
    @Test func anyNestingOfGroupsMatchesOpenCC142() throws {
        let dictionaries = [
            "A.txt": "甲乙\tA1\n甲乙丙丁\tA2\n丙\tA3\n",
            "B.txt": "甲\tB1\n甲乙丙\tB2\n丁戊\tB3\n乙丙丁戊己\tB4\n",
            "C.txt": "甲乙丙丁戊\tC1\n乙\tC2\n戊己\tC3\nB1\tbee\nA3\tay\n",
            "S.txt": "甲乙丙\tS\n丁戊己\tS\n",
        ]
        let configuration = """
        {
          // comments and trailing commas, as OpenCC reads them
          "name": "nesting",
          "segmentation": {"type": "mmseg", "dict": {"type": "text", "file": "S.txt"}},
          "conversion_chain": [
            {"dict": {"type": "group", "match_policy": "union", "dicts": [
              {"type": "group", "dicts": [{"type": "text", "file": "A.txt"}, {"type": "text", "file": "B.txt"}]},
              {"type": "text", "file": "C.txt"},
            ]}},
            {"dict": {"type": "group", "dicts": [
              {"type": "group", "match_policy": "union", "dicts": [{"type": "text", "file": "C.txt"}, {"type": "text", "file": "B.txt"}]},
              {"type": "text", "file": "A.txt", "may_output_tofu": true},
            ]}},
          ],
        }
        """
        var files = dictionaries
        files["nesting.json"] = configuration
        let folder = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("nesting.json")
        try Self.expectMatchesOpenCC142(config, alphabet: "甲乙丙丁戊己AB13 \n", seed: 10, texts: 200, longest: 24)
    }

    /// Configurations whose later stages map single characters, which the engine folds into
    /// the first conversion's table, against OpenCC 1.4.2: runs between segments, values that
    /// a later stage changes again, characters only a later stage knows, and ideographic
    /// description sequences whole, cut, and around segments. In `one.json` every value that
    /// enters a run is one character (folded); in `two.json` 丁 becomes two, which can
    /// complete a description sequence in the run, so the later stages must run on the run.
    @Test(arguments: ["one.json", "two.json"])
    func laterSingleCharacterStagesFoldedInMatchOpenCC142(configurationName: String) throws {
        var files = [
            "S.txt": "甲乙\t子\n乙丙丁\t丑寅\n庚⿰\t卯\n",
            "C1.txt": "甲\t乙\n丙\t丙\n丁\t戊\n辛\t庚\n",
            "C2.txt": "甲\t乙\n丙\t丙\n丁\t戊己\n辛\t庚\n",
            "L.txt": "乙\tY\n戊\t戌\n己\t己\n庚\tG\n子\t亥\n",
            "M.txt": "戌\t辰\nG\tg\n壬\t癸\n",
        ]
        for (name, first) in [("one.json", "C1.txt"), ("two.json", "C2.txt")] {
            files[name] = """
            {
              "segmentation": {"type": "mmseg", "dict": {"type": "text", "file": "S.txt"}},
              "conversion_chain": [
                {"dict": {"type": "group", "dicts": [{"type": "text", "file": "S.txt"}, {"type": "text", "file": "\(first)"}]}},
                {"dict": {"type": "text", "file": "L.txt"}},
                {"dict": {"type": "group", "dicts": [{"type": "text", "file": "M.txt"}, {"type": "text", "file": "L.txt"}]}}
              ]
            }
            """
        }
        let folder = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent(configurationName)
        try Self.expectMatchesOpenCC142(config, alphabet: "甲乙丙丁戊己庚辛壬子G⿰⿰⿱⿲ A\n", seed: 11, texts: 400, longest: 24)
    }

    /// Configurations of the shape of OpenCC's hk2s and tw2s (segmentation by the phrases of the
    /// second conversion, a first conversion before it), which the engine walks with one fused
    /// table guarded by the first conversion and cuts at characters in no key, against OpenCC
    /// 1.4.2: guard keys that match in a run and near its cuts, keys that hold punctuation (which
    /// may then not cut), a guard key across a segment's start, description sequences whole, cut,
    /// and over punctuation, and line ends.
    @Test(arguments: ["guard.json", "union.json"])
    func aFusedTableGuardedByTheFirstConversionMatchesOpenCC142(configurationName: String) throws {
        var files = [
            "S.txt": "甲乙\t子\n乙丙丁\t丑寅\n庚⿰\t卯\n戊，己\t午\n辛壬\t辛壬\n",
            "C.txt": "甲\t乙\n丁\t戊\n辛\t庚\n戊\t未\n己\t己\n",
            "G1.txt": "丙，丁\t申\n丁。\t酉\n己戊\t甲乙\n",
            "G2.txt": "丙\t壬\n子\t甲\n壬\t戊\n",
        ]
        for (name, policy) in [("guard.json", "short_circuit"), ("union.json", "union")] {
            files[name] = """
            {
              "segmentation": {"type": "mmseg", "dict": {"type": "text", "file": "S.txt"}},
              "conversion_chain": [
                {"dict": {"type": "group", "match_policy": "\(policy)",
                          "dicts": [{"type": "text", "file": "G1.txt"}, {"type": "text", "file": "G2.txt"}]}},
                {"dict": {"type": "group", "dicts": [{"type": "text", "file": "S.txt"}, {"type": "text", "file": "C.txt"}]}}
              ]
            }
            """
        }
        let folder = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent(configurationName)
        try Self.expectMatchesOpenCC142(config, alphabet: "甲乙丙丁戊己庚辛壬子，。、,!⿰⿱ A\n", seed: 23, texts: 600, longest: 40)
    }

    /// Streaming in small pieces and converting on several threads give the one-call result.
    @Test func streamingAndParallelConversionGiveTheOneCallResult() throws {
        var input: [UInt8] = []
        for seed in Repository.seedFiles { input += try Repository.bytes(of: seed) }
        input += Array("⿰氵每\n发\u{0}展\r\n".utf8)
        let converter = try ChineseConverter.shared(.s2twp)
        let whole = try converter.convert(utf8: input)
        #expect(try converter.convertConcurrently(utf8: input + input + input, maxConcurrency: 4) == whole + whole + whole)
        var stream = StreamingConverter(converter: converter, flushThreshold: 1)
        var streamed: [UInt8] = []
        var offset = 0
        while offset < input.count {
            let end = min(offset + 777, input.count)
            try stream.feed(input[offset..<end]) { streamed += $0 }
            offset = end
        }
        try stream.finish { streamed += $0 }
        #expect(streamed == whole)
    }
}
