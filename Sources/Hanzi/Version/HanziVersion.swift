/// The version of this package: the one place it is declared. `hanzi --version` prints it,
/// and CHANGELOG.md's newest entry names it.
public enum HanziVersion {
    /// Hanzi's version, as in `.package(url: "https://github.com/hanzi-text/hanzi", from: "0.2.0")`.
    public static let current = "0.2.0"
}
