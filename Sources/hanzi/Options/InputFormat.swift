import ArgumentParser

/// What kind of text an input is: `--format`.
enum InputFormat: String, NamedArgumentValues, Sendable {
    /// Markdown for `.md` and `.markdown` files, plain text otherwise.
    case auto
    /// Plain text.
    case text
    /// Markdown: structure kept byte for byte, only the prose cleaned.
    case markdown

    /// The format of the input at `path` (nil for standard input).
    func resolved(forPath path: String?) -> InputFormat {
        guard self == .auto else { return self }
        guard let path, let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return .text }
        switch path[path.index(after: dot)...].lowercased() {
        case "md", "markdown", "mdown", "mkd": return .markdown
        default: return .text
        }
    }
}
