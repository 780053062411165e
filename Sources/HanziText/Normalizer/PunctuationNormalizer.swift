/// Normalises punctuation and spacing of Chinese text to one regional convention.
///
/// ```swift
/// let normalizer = PunctuationNormalizer(style: .mainland)
/// normalizer.normalize("（2024年7月4日,阿斯塔纳）近 40 年「上海精神」")
/// // "（2024年7月4日，阿斯塔纳）近40年“上海精神”"
/// ```
///
/// What it does, for the chosen ``Style``:
/// - quotation marks are converted pair by pair and by nesting level (`「『』」` ⇄ `“‘’”`),
///   straight quotes in Chinese context become the style's quotes, and an apostrophe
///   (`It’s`, `don't`) is never a quote;
/// - ASCII `, . ; : ? ! ( )` next to Chinese text become full width (brackets as pairs);
/// - full-width letters, digits and symbols (`ＡＢＣ１２３`) become ASCII, except the
///   style's own punctuation;
/// - in Chinese context `...`, `。。。` and a single `…` become `……`, `--`, a single `—`
///   and runs of `─` become `——`, and middle-dot variants between names become the
///   style's interpunct;
/// - spaces: see ``Options``. Spaces between two CJK characters are separators and stay,
///   as does a single space after `。！？`, after a closing bracket or quote, and after a
///   dateline (`新华社北京7月6日电 2024年…`).
///
/// URLs, e-mail addresses, file paths, numbers (`3.14`, `1,000`, `10:30`), inline code,
/// emoticons and English sentences are left alone. No Han character, letter or digit is
/// ever changed, except a full-width letter or digit becoming ASCII; there is no NFKC and
/// no script conversion.
///
/// **Locality.** Every decision looks only inside one paragraph (a run of non-blank lines;
/// a blank line is empty or holds only spaces). Normalising a text therefore gives the same
/// bytes as normalising each paragraph separately and concatenating the results, so a
/// caller may stream a text paragraph by paragraph. Blank lines lose their spaces.
///
/// **Idempotence.** `normalize(normalize(x)) == normalize(x)` byte for byte, for every input.
public struct PunctuationNormalizer: Sendable {
    /// What to do with spaces between CJK characters and Latin letters or digits.
    public enum Spacing: String, Sendable, CaseIterable {
        /// Remove them (newspaper style): `近 40 年` → `近40年`. A space after a dateline
        /// (`…日电 2024年`) and next to a URL, path or inline code stays.
        case remove
        /// Exactly one space between CJK letters and Latin letters or digits, none next to
        /// full-width punctuation (as pangu and autocorrect format): `近40年` → `近 40 年`.
        case insert
        /// Leave them as they are (runs of spaces are still collapsed).
        case keep
    }

    /// What to do with the white space that starts a line (a paragraph indent such as `　　`).
    public enum Indent: String, Sendable, CaseIterable {
        /// Keep it byte for byte.
        case keep
        /// Remove it.
        case remove
    }

    /// Options of the normaliser.
    public struct Options: Sendable, Equatable {
        /// Spaces between CJK and Latin letters or digits; `.remove` by default.
        public var spacing: Spacing
        /// The white space at the start of a line; `.keep` by default.
        public var indent: Indent

        /// Creates options; the defaults give newspaper style.
        public init(spacing: Spacing = .remove, indent: Indent = .keep) {
            self.spacing = spacing
            self.indent = indent
        }
    }

    /// The punctuation style the text is normalised to.
    public let style: Style
    /// The spacing options.
    public let options: Options

    let engine: NormalizationEngine
    let triggers: NormalizationTriggers
    /// Tests set this to run every paragraph through the engine (no fast path).
    var alwaysUseEngine = false
    /// Tests clear this to give the engine every Han character (no elided runs).
    var elideHanRuns = true

    /// Creates a normaliser for `style` with `options`.
    public init(style: Style = .mainland, options: Options = .init()) {
        self.style = style
        self.options = options
        self.engine = NormalizationEngine(style: style, options: options)
        self.triggers = NormalizationTriggers(style: engine.style, options: options)
    }

    /// Returns `text` normalised.
    public func normalize(_ text: String) -> String {
        var out: [UInt8] = []
        var copy = text
        copy.withUTF8 { normalize(buffer: $0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Returns the UTF-8 bytes `utf8` normalised. Invalid UTF-8 bytes are copied unchanged;
    /// no input makes it fail.
    public func normalize(utf8: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        normalize(utf8: utf8, into: &out)
        return out
    }

    /// The output is rarely more than a sixteenth longer than the input (inserted spaces,
    /// two-cell ellipses and dashes); reserving that much avoids regrowing the array.
    static let outputSlackDivisor = 16

    /// Appends the normalised form of the UTF-8 bytes `utf8` to `output`.
    public func normalize(utf8: some Collection<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + utf8.count + utf8.count / Self.outputSlackDivisor)
        let done: Void? = utf8.withContiguousStorageIfAvailable { normalize(buffer: $0, into: &output) }
        if done == nil {
            let bytes = Array(utf8)
            bytes.withUnsafeBufferPointer { normalize(buffer: $0, into: &output) }
        }
    }
}
