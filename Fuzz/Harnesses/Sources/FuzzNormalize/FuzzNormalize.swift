import FuzzSupport
import Hanzi

/// The punctuation normaliser, in every style and option. Options byte: the style, spacing
/// and indent (all 18 combinations).
/// Invariants: idempotence; the byte API, the appending API and the string API agree; the number
/// of line feeds is kept (the normaliser works within lines and paragraphs).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalize(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let combination = Int(input.options) % 18
    let style = PunctuationNormalizer.Style.allCases[combination % 3]
    let spacing = PunctuationNormalizer.Spacing.allCases[(combination / 3) % 3]
    let indent = PunctuationNormalizer.Indent.allCases[combination / 9]
    let normalizer = PunctuationNormalizer(style: style, options: .init(spacing: spacing, indent: indent))
    let name = "\(style)/\(spacing)/indent \(indent)"

    let text = input.validPayload
    let once = normalizer.normalize(utf8: text)
    var appended: [UInt8] = [0x41]
    normalizer.normalize(utf8: text, into: &appended)
    invariantEqual([0x41] + once, appended, "normalize \(name): appending API == byte API")
    let viaString = Array(normalizer.normalize(String(decoding: text, as: UTF8.self)).utf8)
    invariantEqual(once, viaString, "normalize \(name): String API == byte API")
    invariant(
        once.count(where: { $0 == 0x0A }) == text.count(where: { $0 == 0x0A }),
        "normalize \(name): line feeds kept", expected: text, actual: once)
    let twice = normalizer.normalize(utf8: once)
    invariantEqual(once, twice, "normalize \(name): idempotent", id: "normalize.idempotent")
    return 0
}

@main
enum FuzzNormalizeMain {
    static func main() { runLibFuzzer(fuzzNormalize) }
}
