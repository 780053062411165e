extension TextCleaner {
    /// Cleans text fed in chunks of any size, in bounded memory.
    ///
    /// ```swift
    /// var stream = cleaner.makeStream()
    /// var out: [UInt8] = []
    /// for chunk in chunks { try stream.feed(chunk, into: &out) }
    /// try stream.finish(into: &out)
    /// ```
    ///
    /// The input is validated here, once; the stages after it take the validated bytes.
    public struct Stream: Sendable {
        /// How the input enters the stream.
        enum Entry: Sendable {
            /// Checked by a `UTF8StreamValidator` (which drops a byte order mark at the start).
            case validating
            /// Already validated by the caller, in whole characters; a byte order mark at the
            /// start is dropped, as the validator would.
            case validated
        }

        private let entry: Entry
        private var validator = UTF8StreamValidator()
        private var atStart = true
        private var chain: StageChain
        private let cleaner: TextCleaner
        /// The validated input, held while it is a short text that is cleaned until settled
        /// (see ``TextCleaner/cleanSettling(_:)``); nil once it is longer, or when the cleaner
        /// settles nothing.
        private var shortText: [UInt8]?
        /// Whether no character has been passed to the stages yet.
        private var beforeText = true

        init(cleaner: TextCleaner, entry: Entry, maxConcurrency: Int, pieceSize: Int) {
            self.entry = entry
            self.cleaner = cleaner
            chain = StageChain(stages: cleaner.stages, maxConcurrency: maxConcurrency, pieceSize: pieceSize)
            shortText = cleaner.settlesShortTexts ? [] : nil
        }

        /// Takes the next chunk (an array, `Data`, a slice: any collection of bytes; it may end
        /// inside a UTF-8 sequence) and appends the output that is ready.
        /// - Throws: `InvalidUTF8Error` with the stream offset of the first malformed byte,
        ///   or the error of a conversion engine.
        public mutating func feed(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) throws {
            if let done: Void = try chunk.withContiguousStorageIfAvailable({ try feed(validating: $0, into: &output) }) {
                return done
            }
            try Array(chunk).withUnsafeBufferPointer { try feed(validating: $0, into: &output) }
        }

        /// Appends the output of every paragraph the serial stages have finished, without
        /// waiting for a full batch: for interactive or slow input. The output is the same
        /// bytes whether or not this is called.
        /// - Throws: the error of a conversion engine.
        public mutating func flushReady(into output: inout [UInt8]) throws {
            try chain.flushReady(into: &output)
        }

        /// Ends the input and appends the rest of the output.
        /// - Throws: `InvalidUTF8Error` when the input ends inside a UTF-8 sequence, or the
        ///   error of a conversion engine.
        public mutating func finish(into output: inout [UInt8]) throws {
            if entry == .validating { try validator.finish() }
            if let text = shortText {
                shortText = nil
                output.append(contentsOf: try cleaner.cleanSettling(text))
                return
            }
            try chain.feed(UnsafeBufferPointer(start: nil, count: 0), final: true, into: &output)
        }

        /// Passes validated bytes on to the stages, or holds them while the text is short.
        /// Byte order marks that follow the dropped one at the start are dropped too, when the
        /// text is cleaned (see ``TextCleaner/dropsLeadingMarks``); the bytes come in whole
        /// characters, so a mark is never cut.
        private mutating func pass(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws {
            var bytes = chunk
            if beforeText {
                let mark = UTF8StreamValidator.byteOrderMark
                var start = 0
                while cleaner.dropsLeadingMarks, bytes.count - start >= mark.count,
                      bytes[start] == mark[0], bytes[start + 1] == mark[1], bytes[start + 2] == mark[2]
                {
                    start += mark.count
                }
                bytes = UnsafeBufferPointer(rebasing: bytes[start...])
                if bytes.isEmpty { return }
                beforeText = false
            }
            guard shortText != nil else { return try chain.feed(bytes, final: false, into: &output) }
            shortText!.append(contentsOf: bytes)
            guard shortText!.count > TextCleaner.shortTextLimit else { return }
            let held = shortText!
            shortText = nil
            try held.withUnsafeBufferPointer { try chain.feed($0, final: false, into: &output) }
        }

        /// The entry: validates `chunk` (or, when validated already, drops a leading byte order
        /// mark) and passes its whole characters to the stages.
        mutating func feed(validating chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws {
            switch entry {
            case .validating:
                // The chunk's whole characters go on where they are, without a copy.
                let whole = try validator.validateInPlace(chunk)
                if !whole.completed.isEmpty {
                    try whole.completed.withUnsafeBufferPointer { try pass($0, into: &output) }
                }
                if !whole.range.isEmpty {
                    try pass(UnsafeBufferPointer(rebasing: chunk[whole.range]), into: &output)
                }
            case .validated:
                var start = 0
                if atStart, !chunk.isEmpty {
                    atStart = false
                    if chunk.starts(with: UTF8StreamValidator.byteOrderMark) { start = UTF8StreamValidator.byteOrderMark.count }
                }
                try pass(UnsafeBufferPointer(rebasing: chunk[start...]), into: &output)
            }
        }
    }
}
