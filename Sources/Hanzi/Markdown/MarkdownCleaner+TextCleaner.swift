extension MarkdownCleaner {
    /// A Markdown cleaner that does to a document's prose what `cleaner` does to plain text:
    /// its line-local stages (normalisation, conversion) transform the text of each block, and
    /// when `cleaner` rejoins, a paragraph's wrapped lines are joined (the rejoiner itself is
    /// not needed: in Markdown, the blocks already say where paragraphs end).
    ///
    /// ```swift
    /// let cleaner = try TextCleaner(options: .init(conversions: [.s2t]))
    /// let markdown = MarkdownCleaner(cleaner)
    /// let cleaned = try markdown.clean(utf8: readme)
    /// ```
    public init(_ cleaner: TextCleaner) {
        let stages = cleaner.stages.compactMap { $0 as? any LocalTextStage }
        self.init(joinsLines: cleaner.options.rejoins) { text in
            var current = text
            var next: [UInt8] = []
            for stage in stages {
                next.removeAll(keepingCapacity: true)
                try current.withUnsafeBufferPointer { try stage.apply(to: $0, into: &next) }
                swap(&current, &next)
            }
            return current
        }
    }
}
