/// The class of a CJK punctuation scalar for the normaliser's spacing and context rules
/// (generated from `Tables/punctuation-classes.tsv`).
enum PunctuationClass: UInt8, Sendable {
    /// Not listed in the table.
    case none
    /// An opening bracket: no space after it.
    case open
    /// A closing bracket: no space before it; a single space after it stays.
    case close
    /// `，、；：`: no space before or after.
    case pause
    /// `。！？`: no space before; a single space after stays.
    case stop
    /// Shared by Chinese and English (curly quotes, `…`, `—`): context looks through it.
    case ambiguous
    /// A middle-dot variant.
    case dot
    /// A dash variant (`―`, `─`).
    case dash
}
