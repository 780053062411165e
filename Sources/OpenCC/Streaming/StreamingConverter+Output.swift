extension StreamingConverter {
    /// Feeds `chunk` and appends the text that is ready to `output`: the shape every stream
    /// of Hanzi shares (`TextCleaner.Stream`, `ColumnRejoiner.Stream`, `TextDecoder`).
    ///
    /// - Throws: `InvalidUTF8Error` with the stream offset of the first malformed byte.
    public mutating func feed(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) throws {
        var ready: [UInt8] = []
        try feed(chunk) { ready.append(contentsOf: $0) }
        output.append(contentsOf: ready)
    }

    /// Ends the stream and appends the rest of the text to `output`.
    ///
    /// - Throws: `InvalidUTF8Error` when the stream ends inside a UTF-8 sequence.
    public mutating func finish(into output: inout [UInt8]) throws {
        var ready: [UInt8] = []
        try finish { ready.append(contentsOf: $0) }
        output.append(contentsOf: ready)
    }
}
