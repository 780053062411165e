import Foundation
import Testing
@testable import Hanzi

/// `seeds/003_8dd8231aff3203e7.txt` is a Hong Kong edition of the Wang Yi article that
/// `seeds/002_8c2ff1bd2990f71e.txt` carries in Simplified with mainland punctuation. Converted
/// with hk2s and normalised in the mainland style, 003 must use the same punctuation as 002:
/// every sentence that has the same words in both comes out byte for byte the same.
@Suite struct HongKongSeedToMainlandTests {
    static func seedText(_ prefix: String) throws -> String {
        let bytes = try ScriptDetectorTests.seed(prefix)
        return try #require(String(validating: bytes, as: UTF8.self))
    }

    /// The sentences of `text`: cut after 。！？ (with the closing quotes and brackets that
    /// follow) and at line breaks, with surrounding spaces trimmed.
    static func sentences(_ text: String) -> [String] {
        let closers: Set<Unicode.Scalar> = ["”", "’", "」", "』", "）", "》"]
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var ended = false
        func flush() {
            let s = String(current).trimmingCharacters(in: .whitespaces)
            if !s.isEmpty { result.append(s) }
            current = String.UnicodeScalarView()
            ended = false
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" { flush(); continue }
            if ended && !closers.contains(scalar) { flush() }
            current.append(scalar)
            if scalar == "。" || scalar == "！" || scalar == "？" { ended = true }
        }
        flush()
        return result
    }

    /// The words of a sentence: its Han characters, letters and digits, without punctuation
    /// and spaces.
    static func words(_ sentence: String) -> String {
        String(String.UnicodeScalarView(sentence.unicodeScalars.filter {
            ScalarClass.isCJKLetter($0.value) || ScalarClass.isASCIILetter($0.value)
                || ScalarClass.isASCIIDigit($0.value)
        }))
    }

    @Test func hongKongSeedTakesMainlandPunctuation() throws {
        let simplified = try ChineseConverter.shared(.hk2s).convert(Self.seedText("003"))
        let normalized = PunctuationNormalizer(style: .mainland).normalize(simplified)

        // Corner-bracket quotes are gone, curly quotes pair up.
        for corner in ["「", "」", "『", "』"] {
            #expect(!normalized.unicodeScalars.contains(Unicode.Scalar(corner)!), "\(corner) left")
        }
        let opening = normalized.unicodeScalars.filter { $0 == "“" }.count
        let closing = normalized.unicodeScalars.filter { $0 == "”" }.count
        #expect(opening > 10)
        #expect(opening == closing)

        // Sentences with the same words as in 002 are the same bytes.
        var reference: [String: String] = [:]
        for sentence in Self.sentences(try Self.seedText("002")) {
            reference[Self.words(sentence)] = sentence
        }
        var matched = 0
        for sentence in Self.sentences(normalized) {
            let key = Self.words(sentence)
            guard key.unicodeScalars.count >= 6, let expected = reference[key] else { continue }
            matched += 1
            #expect(Array(sentence.utf8) == Array(expected.utf8), "003: \(sentence)\n002: \(expected)")
        }
        #expect(matched >= 20, "only \(matched) sentences of 003 have the same words as in 002")
    }
}
