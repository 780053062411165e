import ArgumentParser
import Hanzi

/// `hanzi clean --style`: a punctuation style, or `auto`, which follows `--to` or, without it,
/// each input's (each JSON Lines record's) own script.
enum StyleChoice: ExpressibleByArgument, Sendable, Equatable {
    case auto
    case fixed(PunctuationNormalizer.Style)

    init?(argument: String) {
        if argument == "auto" {
            self = .auto
        } else if let style = PunctuationNormalizer.Style(rawValue: argument) {
            self = .fixed(style)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { ["auto"] + PunctuationNormalizer.Style.allCases.map(\.rawValue) }

    /// Completions offer the values (argument-parser offers them by itself only for `CaseIterable` types).
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    var defaultValueDescription: String {
        switch self {
        case .auto: "auto"
        case .fixed(let style): style.rawValue
        }
    }

    /// The fixed style, or nil for auto.
    var style: PunctuationNormalizer.Style? {
        if case .fixed(let style) = self { return style }
        return nil
    }
}
