import Foundation
import HanziTestSupport
import Testing
@testable import HanziText

/// Tests generated from `Tables/punctuation-audit.tsv`: every form of every mark, in every
/// style, in Chinese context (`中_文`) and outside it (`a_b`), gives what the audit says.
@Suite struct NormalizationAuditTests {
    typealias S = NormalizerTestSupport

    struct Row: CustomStringConvertible, Sendable {
        var line: Int
        var variant: String
        var kind: String
        var chinese: String
        var outside: String
        var source: String
        var description: String { "audit line \(line) \(variant.debugDescription) (\(kind))" }
    }

    /// The rows of the audit table.
    static let rows: [Row] = {
        let url = RepositoryRoot.url.appendingPathComponent("Tables/punctuation-audit.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var rows: [Row] = []
        var header = true
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") || line.isEmpty { continue }
            if header { header = false; continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count == 6 else { continue }
            rows.append(Row(line: k + 1, variant: decode(cols[0]), kind: cols[1], chinese: cols[3], outside: cols[4], source: cols[5]))
        }
        return rows
    }()

    /// A value as the table writes it: the characters, or `U+XXXX` codes.
    static func decode(_ value: String) -> String {
        guard value.hasPrefix("U+") else { return value }
        var s = ""
        for code in value.split(separator: " ") {
            if let v = UInt32(code.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { s.unicodeScalars.append(u) }
        }
        return s
    }

    /// The style's value for `key`, from the generated tables (which come from styles.tsv).
    static func styleValue(_ key: String, _ style: PunctuationNormalizer.Style) -> String {
        let values = style.values
        func text(_ scalars: [UInt32]) -> String {
            String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
        }
        switch key {
        case "outer_open": return text([values.outerOpen])
        case "outer_close": return text([values.outerClose])
        case "inner_open": return text([values.innerOpen])
        case "inner_close": return text([values.innerClose])
        case "ellipsis": return text(values.ellipsis)
        case "dash": return text(values.dash)
        case "interpunct": return text([values.interpunct])
        default: return "{\(key)}"
        }
    }

    /// The expected form: `=` is the variant itself, `{key}` the style's value.
    static func expected(_ column: String, variant: String, style: PunctuationNormalizer.Style) -> String {
        if column == "=" { return variant }
        if column.hasPrefix("U+") { return decode(column) }
        var out = ""
        var rest = Substring(column)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            out += styleValue(String(rest[rest.index(after: open)..<close]), style)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    @Test func tableIsComplete() {
        #expect(Self.rows.count >= 100)
        #expect(Self.rows.allSatisfy { !$0.source.isEmpty })
        let kinds = Set(Self.rows.map(\.kind))
        #expect(kinds == ["canonical", "fold", "rule"])
    }

    @Test(arguments: rows)
    func formInChineseContext(_ row: Row) {
        for style in PunctuationNormalizer.Style.allCases {
            for spacing in PunctuationNormalizer.Spacing.allCases {
                let form = Self.expected(row.chinese, variant: row.variant, style: style)
                // With `.insert`, a letter, digit or % gets a space on each side.
                let spaced = spacing == .insert && form.unicodeScalars.contains { NormalizationScalar.isAlnumLike($0.value) }
                let want = spaced ? "中 " + form + " 文" : "中" + form + "文"
                let got = S.bytes("中" + row.variant + "文", style, spacing: spacing)
                #expect(got == Array(want.utf8),
                        "\(row) \(style) \(spacing): got \(String(decoding: got, as: UTF8.self).debugDescription), want \(want.debugDescription)")
            }
        }
    }

    @Test(arguments: rows)
    func formOutsideChineseContext(_ row: Row) {
        for style in PunctuationNormalizer.Style.allCases {
            let want = "a" + Self.expected(row.outside, variant: row.variant, style: style) + "b"
            let got = S.bytes("a" + row.variant + "b", style)
            #expect(got == Array(want.utf8),
                    "\(row) \(style): got \(String(decoding: got, as: UTF8.self).debugDescription), want \(want.debugDescription)")
        }
    }

    /// Every form that changes gives a result the normaliser leaves alone: the audit's
    /// results are fixed points, so a second run cannot take a mark elsewhere.
    @Test(arguments: rows)
    func resultsAreFixedPoints(_ row: Row) {
        for style in PunctuationNormalizer.Style.allCases {
            for input in ["中" + row.variant + "文", "a" + row.variant + "b", "他说" + row.variant + "。", row.variant] {
                let once = S.bytes(input, style)
                #expect(S.normalizer(style).normalize(utf8: once) == once, "\(row) \(style) \(input.debugDescription)")
            }
        }
    }

    /// The examples of `Tables/punctuation-keep.tsv`.
    static let keptExamples: [String] = {
        let url = RepositoryRoot.url.appendingPathComponent("Tables/punctuation-keep.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
            .compactMap { $0.split(separator: "\t").first.map(String.init) }
    }()

    /// Every example of `Tables/punctuation-keep.tsv` stays as it is, alone and after
    /// Chinese text, in every style and spacing.
    @Test func keptContexts() {
        #expect(Self.keptExamples.count >= 20)
        for example in Self.keptExamples {
            for style in PunctuationNormalizer.Style.allCases {
                for spacing in PunctuationNormalizer.Spacing.allCases {
                    let alone = S.bytes(example, style, spacing: spacing)
                    #expect(alone == Array(example.utf8), "\(example.debugDescription) \(style) \(spacing)")
                    let inText = String(decoding: S.bytes("中文：" + example + "\n", style, spacing: spacing), as: UTF8.self)
                    #expect(inText.utf8.elementsEqual(("中文：" + example + "\n").utf8),
                            "\(example.debugDescription) \(style) \(spacing) → \(inText.debugDescription)")
                }
            }
        }
    }
}
