import ArgumentParser

/// An option value written as its raw value (`--engine libopencc`, `--format jsonl`), with the
/// values and their descriptions that help and completions show given by those raw values.
///
/// Why not argument-parser's defaults: they describe each case with `String(describing:)`,
/// which looks up the type's conformances at run time, and argument-parser asks for them while
/// parsing every command line: about half a million instructions per type, 2.8 million of a
/// 1 KB conversion's start-up.
/// (Public only because the types it gives values to, like `ChineseConverter.Engine`, are.)
public protocol NamedArgumentValues: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedArgumentValues {
    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    /// No value has a description other than itself.
    public static var allValueDescriptions: [String: String] { [:] }
}
