import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hanzi

/// `--to` values.
enum TargetScript: String, NamedArgumentValues {
    case simplified, traditional, taiwan
    case hongKong = "hongkong"

    var standard: ScriptStandard {
        switch self {
        case .simplified: .simplified
        case .traditional: .traditional
        case .taiwan: .taiwan
        case .hongKong: .hongKong
        }
    }
}

/// `--from` values.
enum SourceScript: String, NamedArgumentValues {
    case auto, simplified, traditional, taiwan
    case hongKong = "hongkong"
    case japanese

    var standard: ScriptStandard? {
        switch self {
        case .auto: nil
        case .simplified: .simplified
        case .traditional: .traditional
        case .taiwan: .taiwan
        case .hongKong: .hongKong
        case .japanese: .japanese
        }
    }
}

/// `--paragraphs` values.
enum ParagraphLayout: String, NamedArgumentValues {
    case blankLine = "blank-line"
    case onePerLine = "one-per-line"

    var separator: ColumnRejoiner.Options.ParagraphSeparator {
        switch self {
        case .blankLine: .blankLine
        case .onePerLine: .newline
        }
    }
}

/// Reads a `-c`/`--config` value: an OpenCC name (`s2tw`), a file name (`s2tw.json`), or the
/// path of a configuration file.
func parseConfiguration(_ value: String) throws -> ChineseConverter.Configuration {
    if let builtIn = ChineseConverter.Configuration(openCCName: value) { return builtIn }
    var isFolder = false
    if FileManager.default.fileExists(atPath: value, isDirectory: &isFolder), !isFolder {
        return .file(URL(fileURLWithPath: value))
    }
    let names = ChineseConverter.Configuration.builtIn.map(\.openCCName).joined(separator: ", ")
    throw ValidationError("unknown configuration '\(value)': use one of \(names), or the path of a configuration JSON file (see `hanzi configs`).")
}

/// Loads the converters up front so that a bad configuration is a usage error, before any input is read.
func checkLoads(
    _ configurations: [ChineseConverter.Configuration], options: ChineseConverter.Options = .default
) throws {
    for configuration in configurations {
        do {
            _ = try ChineseConverter.shared(configuration, options: options)
        } catch {
            throw ValidationError("cannot load the configuration \(configuration.openCCName): \(error.message)")
        }
    }
}

/// `--style` values: the normaliser's styles and their help text, both generated from
/// `Tables/styles.tsv` (a new style there is a new value here).
typealias StyleOption = PunctuationNormalizer.Style

extension PunctuationNormalizer.Style: ExpressibleByArgument {
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.summary) })
    }

    /// The style that goes with a target script: Simplified → mainland; Taiwan and (OpenCC
    /// standard) Traditional → taiwan, since Traditional Chinese is written with corner
    /// brackets 「」 and Taiwan's is the most widely used Traditional standard; Hong Kong → hongkong.
    init(target: TargetScript) {
        switch target {
        case .simplified: self = .mainland
        case .traditional, .taiwan: self = .taiwan
        case .hongKong: self = .hongKong
        }
    }
}

/// `--spacing` values.
enum SpacingOption: String, NamedArgumentValues {
    case remove, insert, keep

    var spacing: PunctuationNormalizer.Spacing {
        switch self {
        case .remove: .remove
        case .insert: .insert
        case .keep: .keep
        }
    }
}
