import FuzzSupport
import Hanzi

/// The Markdown cleaner. Options byte: bit 0 joins a paragraph's lines, bits 1-2 the transform
/// (the identity, the mainland normaliser, the Taiwan normaliser with spacing inserted).
/// Invariants: malformed UTF-8 is an error, never a crash; with the identity transform and
/// without joining, the document comes out byte for byte; with joining, no non-white-space
/// character is lost but the `>` of a block quote's continuation lines; cleaning twice changes
/// nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let joins = input.flag(0)
    let transformKind = Int(input.options >> 1) % 3
    let transform: MarkdownCleaner.Transform
    switch transformKind {
    case 0: transform = { $0 }
    case 1:
        let normalizer = PunctuationNormalizer(style: .mainland)
        transform = { normalizer.normalize(utf8: $0) }
    default:
        let normalizer = PunctuationNormalizer(style: .taiwan, options: .init(spacing: .insert))
        transform = { normalizer.normalize(utf8: $0) }
    }
    let cleaner = MarkdownCleaner(joinsLines: joins, transform: transform)
    let name = "joins \(joins), transform \(transformKind)"

    if standardLibraryFirstError(input.payload) != nil {
        invariant((try? cleaner.clean(utf8: input.payload)) == nil, "markdown \(name): malformed UTF-8 accepted")
    }
    let text = input.validPayload
    let once = try! cleaner.clean(utf8: text)
    if transformKind == 0 && !joins {
        invariantEqual(text, once, "markdown \(name): the identity transform keeps the document")
    }
    if transformKind == 0 {
        // Joining drops the block quote markers of a paragraph's continuation lines.
        let lost = firstLostScalar(text, in: once, droppable: { s, _ in joins && s == ">" })
        invariant(lost == nil, "markdown \(name): every non-white-space character kept: \(lost ?? "")",
                  id: joins ? "markdown.keeps.characters.joining" : nil)
    }
    let twice = try! cleaner.clean(utf8: once)
    invariantEqual(once, twice, "markdown \(name): idempotent", id: transformKind == 0 ? "markdown.idempotent" : "markdown.idempotent.normalizing")
    return 0
}

@main
enum FuzzMarkdownMain {
    static func main() { runLibFuzzer(fuzzMarkdown) }
}
