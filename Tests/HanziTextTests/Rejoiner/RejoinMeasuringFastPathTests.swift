import HanziCore
import HanziTestSupport
import Testing
@testable import HanziText

/// The measuring fast paths leave exactly what their slow paths would: a span of Han
/// characters and compressible punctuation (``RejoinWordSpan``), and a line's first two Han
/// characters (``RejoinLineTally/addFirstHanPair(_:endingAt:_:endingAt:)``), tally as their
/// characters one by one through ``RejoinLineTally/add(_:endingAt:)``, and the in-line character class
/// tests equal the ``ScalarClass`` ones they stand for.
@Suite struct RejoinMeasuringFastPathTests {
    /// The slow path: every scalar through ``RejoinLineTally/addSpace(_:)`` or
    /// ``RejoinLineTally/add(_:endingAt:)``.
    static func tallyScalarByScalar(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int) -> RejoinLineTally {
        var t = RejoinLineTally()
        t.lastContentEnd = s
        var i = s
        while i < e {
            let (v, n) = RejoinLineScanner.decode(p, i, e)
            i += n
            if RejoinClass.isLineSpace(v) { t.addSpace(v) } else { t.add(v, endingAt: i) }
        }
        t.finish()
        return t
    }

    /// Pieces a line is drawn from: Han text (with `日`), every compressible mark, other
    /// three-byte punctuation and letters, ASCII words, digits, spaces, URLs, invalid bytes.
    static let pieces: [[UInt8]] = [
        "中", "国", "日", "电", "一", "龥", "，", "。", "、", "；", "：", "！", "？", "“", "”", "‘", "’",
        "「", "」", "『", "』", "（", "）", "《", "》", "〈", "〉", "【", "】", "〔", "〕", "…", "—", "·",
        "　", " ", "  ", "\t", "a", "Rust", "x86_64", "2024", "3", ".", ",", "-", "/", "https://", "www.",
        "ア", "한", "Ａ", "é", "\u{00AD}", "𠀀", "\u{0301}",
    ].map { Array($0.utf8) } + [[0xE4], [0xE4, 0xB8], [0xFF], [0xEF, 0xBC]]

    @Test func spansTallyAsTheirCharactersOneByOne() {
        var random = SeededGenerator(seed: 0x5EED_0011)
        for _ in 0..<20_000 {
            var line: [UInt8] = []
            let count = Int.random(in: 1...40, using: &random)
            for _ in 0..<count {
                // mostly Han text and compressible punctuation, as in a real line
                let k = Int.random(in: 0..<100, using: &random) < 60
                    ? Int.random(in: 0..<8, using: &random) : Int.random(in: 0..<Self.pieces.count, using: &random)
                line += Self.pieces[k]
            }
            line.withUnsafeBufferPointer { buffer in
                let p = buffer.baseAddress!
                // from the first non-space scalar, as the scanner measures a line
                var indent = 0
                let s = RejoinLineScanner.skipIndent(p, from: 0, to: buffer.count, columns: &indent)
                var fast = RejoinLineTally()
                RejoinLineScanner.scanContent(p, from: s, to: buffer.count, into: &fast)
                let slow = Self.tallyScalarByScalar(p, from: s, to: buffer.count)
                #expect(String(reflecting: fast) == String(reflecting: slow), "\(line)")
            }
        }
    }

    /// The scanner's decoder equals the codec's for every lead byte and continuation, also
    /// where the line ends inside a sequence.
    @Test func inLineDecodingEqualsTheCodec() {
        var differ: [[UInt8]] = []
        let thirds: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF]
        for b0 in UInt8(0)...0xFF {
            for b1 in UInt8(0)...0xFF {
                for b2 in thirds {
                    let bytes: [UInt8] = [b0, b1, b2, 0x80]
                    bytes.withUnsafeBufferPointer { buffer in
                        for end in 1...4 {
                            let fast = RejoinLineScanner.decode(buffer.baseAddress!, 0, end)
                            let codec = UTF8Codec.decode(buffer.baseAddress!, 0, end)
                            if fast != codec { differ.append(Array(bytes.prefix(end))) }
                        }
                    }
                }
            }
        }
        #expect(differ.isEmpty, "\(differ.prefix(5))")
    }

    @Test func inLineClassTestsEqualScalarClass() {
        var latin: [UInt32] = [], space: [UInt32] = []
        for v in UInt32(0)..<0x11_0000 {
            if RejoinClass.isLatinLetter(v) != ScalarClass.isLatinLetter(v) { latin.append(v) }
            if RejoinClass.isLineSpace(v) != (ScalarClass.isHorizontalSpace(v) || v == RejoinClass.lineTabulation) {
                space.append(v)
            }
        }
        #expect(latin.isEmpty, "isLatinLetter differs at \(latin.prefix(5).map { String($0, radix: 16) })")
        #expect(space.isEmpty, "isLineSpace differs at \(space.prefix(5).map { String($0, radix: 16) })")
    }
}
