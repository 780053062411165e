import HanziTestSupport
import Testing
import OpenCC

/// The normalisation pre-pass (CJK compatibility ideographs, OpenCC 1.4.x) finds its keys
/// sixteen bytes a step, passing the full-width forms and the quotes and dashes that Chinese
/// text is full of: a key, or a description sequence, at any position of a block and next to
/// such characters still converts as OpenCC 1.4.2 converts it.
@Suite struct NormalizationPassTests {
    /// Filler of full-width punctuation (EF BC ..), quotes and dashes (E2 80 ..), Han and
    /// ASCII, with `inner` at `position` bytes (rounded down to a character) into it.
    static func text(_ inner: String, at position: Int, filler: String) -> [UInt8] {
        var before: [UInt8] = []
        var characters = Array(filler).makeIterator()
        while before.count < position, let next = characters.next() { before += Array(String(next).utf8) }
        return before + Array(inner.utf8) + Array(String(filler.reversed()).utf8)
    }

    @Test(arguments: ["s2t", "t2s", "hk2s", "s2twp"])
    func keysAtEveryPositionNextToFullWidthFormsMatchOpenCC142(name: String) throws {
        let converter = try ChineseConverter(try #require(ChineseConverter.Configuration(openCCName: name)))
        // 豈 U+F900, 不 U+F967, 兀 U+FA0C and 丽 U+2F800 are compatibility ideographs (keys of
        // the pre-pass; 﨑 U+FA11 is a unified ideograph in their block, no key); ⿰ opens a
        // description sequence; ＡＢ and ｡ are full-width and half-width forms beside the keys' EF.
        let inners = ["\u{F900}", "\u{2F800}", "⿰氵工", "（\u{F967}）", "“\u{FA0C}”", "ＡＢ\u{F900}", "｡\u{F967}",
                      "\u{FA11}\u{F900}，", "—⿱艹日", "⿰\u{F900}木"]
        let fillers = ["，：（）！？“”—…", "中文，“引号”——破折号；", "abc，ｄｅｆ：12"]
        var inputs: [[UInt8]] = []
        for inner in inners {
            for filler in fillers {
                for position in 0..<40 { inputs.append(Self.text(inner, at: position, filler: filler)) }
            }
        }
        let expected = try OpenCC142Oracle.convert(inputs, configuration: name)
        for (input, oracle) in zip(inputs, expected) {
            let output = try converter.convert(utf8: input)
            if output != oracle {
                Issue.record("\(name): \(String(decoding: input, as: UTF8.self)) gave \(String(decoding: output, as: UTF8.self)), OpenCC 1.4.2 \(String(decoding: oracle, as: UTF8.self))")
            }
        }
    }
}
