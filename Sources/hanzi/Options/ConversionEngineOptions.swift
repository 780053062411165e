import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hanzi

extension ChineseConverter.Engine: NamedArgumentValues {}
extension ChineseConverter.Dictionaries: NamedArgumentValues {}

/// `--engine`, `--dictionaries` and `--phrases`: how `convert` and `clean` run OpenCC.
struct ConversionEngineOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The conversion engine: native (OpenCC's algorithm in Hanzi, the default) or libopencc (the installed library, with its data).",
        valueName: "engine"))
    var engine: ChineseConverter.Engine = .native

    @Option(help: ArgumentHelp(
        "The native engine's data: bundled (OpenCC \(BundledOpenCCData.version), the default) or system (the installed OpenCC's, for its exact behaviour).",
        valueName: "data"))
    var dictionaries: ChineseConverter.Dictionaries = .bundled

    @Option(help: ArgumentHelp(
        "A file of your own phrases, key<TAB>value a line; each wins over OpenCC's dictionaries wherever it starts a segment. Repeatable; a later file wins on the same key.",
        valueName: "file"))
    var phrases: [String] = []

    mutating func validate() throws {
        if engine == .libopencc && !phrases.isEmpty {
            throw ValidationError("--phrases needs the native engine (not --engine libopencc).")
        }
        for path in phrases where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("cannot read the phrase file \(path).")
        }
    }

    /// The converter options these flags give.
    var converterOptions: ChineseConverter.Options {
        .init(engine: engine, dictionaries: dictionaries, phrases: phrases.map { URL(fileURLWithPath: $0) })
    }
}
