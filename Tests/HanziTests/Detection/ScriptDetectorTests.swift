import Foundation
import HanziTestSupport
import Testing
@testable import Hanzi

@Suite struct ScriptDetectorTests {
    static func seed(_ prefix: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Seeds.file(prefix)))
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: OpenCCFixtures.input(name)))
    }

    @Test(arguments: ["000", "001", "002", "004"])
    func simplifiedSeeds(_ prefix: String) throws {
        let detection = try ScriptDetector().detect(utf8: try Self.seed(prefix))
        #expect(detection.script == .simplified)
        #expect(detection.confidence > 0.95)
    }

    @Test func theHongKongSeedIsTraditionalAndNotTaiwanese() throws {
        let detection = try ScriptDetector().detect(utf8: try Self.seed("003"))
        #expect(detection.script == .traditional)
        #expect(detection.variant != .taiwan)
        #expect(detection.confidence > 0.95)
    }

    /// OpenCC's own test inputs: the source script is in the configuration's name.
    @Test(arguments: ["s2t", "s2tw", "s2twp", "s2hk"])
    func openCCSimplifiedInputs(_ name: String) throws {
        #expect(try ScriptDetector().detect(utf8: try Self.fixture(name)).script == .simplified)
    }

    @Test(arguments: ["t2s", "tw2s", "tw2sp", "tw2t", "hk2s", "hk2t", "t2hk", "t2jp"])
    func openCCTraditionalInputs(_ name: String) throws {
        #expect(try ScriptDetector().detect(utf8: try Self.fixture(name)).script == .traditional)
    }

    @Test func taiwanInputsAreNamedTaiwan() throws {
        for name in ["tw2s", "tw2sp", "tw2t"] {
            #expect(try ScriptDetector().detect(utf8: try Self.fixture(name)).variant == .taiwan, "\(name)")
        }
    }

    @Test func neitherAndMixed() throws {
        let detector = try ScriptDetector()
        #expect(detector.detect("Hello, world. 123").script == .neither)
        #expect(detector.detect("").script == .neither)
        #expect(detector.detect("人口山水").script == .neither)  // no distinguishing character
        #expect(detector.detect("汉语简体字和繁體字並用的時候").script == .mixed)
    }

    @Test func convertingTheSeedsFlipsTheDetection() throws {
        let detector = try ScriptDetector()
        let simplified = try Self.seed("000")
        let traditional = try ChineseConverter.shared(.s2tw).convert(utf8: simplified)
        #expect(detector.detect(utf8: traditional).script == .traditional)
        let backToSimplified = try ChineseConverter.shared(.t2s).convert(utf8: try Self.seed("003"))
        #expect(detector.detect(utf8: backToSimplified).script == .simplified)
    }

    @Test func accumulatingLinesGivesTheSameCountsAsTheWhole() throws {
        let detector = try ScriptDetector()
        let text = try Self.seed("003")
        var accumulator = ScriptDetector.Accumulator(detector: detector)
        var start = 0
        for (i, byte) in text.enumerated() where byte == 0x0A {
            accumulator.add(Array(text[start...i]))
            start = i + 1
        }
        accumulator.add(Array(text[start...]))
        let whole = detector.detect(utf8: text)
        #expect(accumulator.result.script == whole.script)
        #expect(accumulator.counts.han == whole.counts.han)
        #expect(accumulator.counts.hongKongForms == whole.counts.hongKongForms)
    }

    @Test func sourceForTheTarget() throws {
        let detector = try ScriptDetector()
        let hk = detector.detect(utf8: try Self.seed("003"))
        // The Hong Kong seed has too few regional forms to name its variant: plain Traditional.
        let source = ScriptStandard.source(detected: hk, target: .simplified)
        #expect(source == .traditional)
        #expect(ScriptStandard.simplified.conversions(from: source) == [.t2s])
        #expect(ScriptStandard.taiwan.conversions(from: .simplified) == [.s2tw])
        #expect(ScriptStandard.simplified.conversions(from: .hongKong) == [.hk2s])
        #expect(ScriptStandard.taiwan.conversions(from: .hongKong) == [.hk2t, .t2tw])
        #expect(ScriptStandard.simplified.conversions(from: .japanese) == [.jp2t, .t2s])
        for standard in ScriptStandard.allCases { #expect(standard.conversions(from: standard).isEmpty) }
    }
}
