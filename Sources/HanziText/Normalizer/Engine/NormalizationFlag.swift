/// Per-scalar flags carried through the passes.
enum NormalizationFlag {
    /// Inside a URL, e-mail address, path, inline code or emoticon: never changed.
    static let protected: UInt8 = 1
    /// A curly quote of a pair in Chinese context (spaces inside it are removed).
    static let chineseQuote: UInt8 = 2
}
