/// The one-call cleaning pipeline: rejoin column-wrapped lines into paragraphs, normalise
/// punctuation and spacing, and convert the script, in that order; each step can be left out.
///
/// ```swift
/// var options = TextCleaner.Options()
/// options.conversions = ScriptStandard.simplified.conversions(from: .hongKong)  // [.hk2s]
/// let cleaner = try TextCleaner(options: options)
/// let clean = cleaner.clean(extractedText)
/// ```
///
/// The pipeline works on UTF-8 bytes and streams: ``Stream`` takes chunks of any size and
/// keeps memory bounded (the rejoiner's look-ahead window plus about one megabyte per thread),
/// and its output is the same bytes as ``clean(utf8:)`` over the whole text, whatever the
/// chunking and the number of threads. Rejoining is serial; normalisation and conversion
/// work paragraph by paragraph and run on several threads when asked.
public struct TextCleaner: Sendable {
    /// What the pipeline does.
    public struct Options: Sendable, Equatable {
        /// Whether column-wrapped lines are rejoined into paragraphs. Default: true.
        public var rejoins: Bool
        /// How the rejoiner lays out paragraphs.
        public var rejoinOptions: ColumnRejoiner.Options
        /// Whether punctuation and spacing are normalised. Default: true.
        public var normalizes: Bool
        /// The punctuation style. Default: mainland.
        public var style: PunctuationNormalizer.Style
        /// The normaliser's options (spacing, indent).
        public var normalizationOptions: PunctuationNormalizer.Options
        /// The OpenCC configurations applied, in order, after the other steps. Default: none.
        public var conversions: [ChineseConverter.Configuration]
        /// How the conversions run: engine, dictionaries, user phrases. Default: the native
        /// engine on the bundled OpenCC data.
        public var conversionOptions: ChineseConverter.Options = .default

        /// Options for the whole pipeline.
        public init(
            rejoins: Bool = true, rejoinOptions: ColumnRejoiner.Options = .init(),
            normalizes: Bool = true, style: PunctuationNormalizer.Style = .mainland,
            normalizationOptions: PunctuationNormalizer.Options = .init(),
            conversions: [ChineseConverter.Configuration] = []
        ) {
            self.rejoins = rejoins
            self.rejoinOptions = rejoinOptions
            self.normalizes = normalizes
            self.style = style
            self.normalizationOptions = normalizationOptions
            self.conversions = conversions
        }

        /// Whether every line is a paragraph of its own for the normaliser: after rejoining
        /// with one paragraph per line. Otherwise paragraphs are separated by blank lines.
        var paragraphPerLine: Bool {
            rejoins && rejoinOptions.paragraphSeparator == .newline
        }
    }

    /// The options in use.
    public let options: Options
    private let normalizer: PunctuationNormalizer?
    private let converters: [ChineseConverter]

    /// A cleaner with `options`; loads the conversion configurations (shared, once per process).
    /// - Throws: ``OpenCCError`` when a configuration cannot be loaded.
    public init(options: Options = .init()) throws(OpenCCError) {
        self.options = options
        self.normalizer = options.normalizes
            ? PunctuationNormalizer(style: options.style, options: options.normalizationOptions) : nil
        var converters: [ChineseConverter] = []
        for configuration in options.conversions {
            converters.append(try ChineseConverter.shared(configuration, options: options.conversionOptions))
        }
        self.converters = converters
    }

    /// Cleans `text`.
    public func clean(_ text: String) -> String {
        String(decoding: clean(validUTF8: Array(text.utf8)), as: UTF8.self)
    }

    /// Cleans UTF-8 bytes. A leading byte order mark is dropped.
    ///
    /// The text goes through the same ``Stream`` as streamed input, in slices of
    /// ``oneShotSliceSize`` bytes, so the working buffers stay small (and in cache) however
    /// large the input: only the input and the output are whole.
    /// - Throws: ``InvalidUTF8Error`` with the offset of the first malformed byte.
    public func clean(utf8 bytes: some Collection<UInt8>) throws(InvalidUTF8Error) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8 + 16)
        var stream = makeStream()
        let array = Array(bytes)
        try array.withUnsafeBufferPointer { (buffer) throws(InvalidUTF8Error) in
            var start = 0
            while start < buffer.count {
                let end = min(start + TextCleaner.oneShotSliceSize, buffer.count)
                try stream.feed(UnsafeBufferPointer(rebasing: buffer[start..<end]), into: &output)
                start = end
            }
        }
        try stream.finish(into: &output)
        return output
    }

    /// How many bytes ``clean(utf8:)`` passes to its stream at a time.
    static let oneShotSliceSize = 1 << 18

    /// Cleans bytes that are expected to be valid UTF-8 (for example a decoded JSON string);
    /// malformed bytes, if any, are replaced by U+FFFD first.
    public func clean(validUTF8 bytes: [UInt8]) -> [UInt8] {
        if let cleaned = try? clean(utf8: bytes) { return cleaned }
        return (try? clean(utf8: Array(String(decoding: bytes, as: UTF8.self).utf8))) ?? bytes
    }

    /// A stream cleaning text fed in chunks; normalisation and conversion use up to
    /// `maxConcurrency` threads, each on about `pieceSize` bytes of paragraphs at a time.
    public func makeStream(maxConcurrency: Int = 1, pieceSize: Int = 1 << 20) -> Stream {
        Stream(cleaner: self, maxConcurrency: maxConcurrency, pieceSize: pieceSize)
    }

    /// The paragraph-local steps (normalisation, conversion) applied to whole paragraphs.
    func transformParagraphs(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var current: [UInt8] = []
        if let normalizer {
            current.reserveCapacity(text.count + text.count / 16)
            if options.paragraphPerLine {
                // One paragraph per line: each line is normalised on its own.
                var start = 0
                while start < text.count {
                    var end = start
                    while end < text.count, text[end] != 0x0A { end += 1 }
                    if end < text.count { end += 1 }
                    normalizer.normalize(utf8: UnsafeBufferPointer(rebasing: text[start..<end]), into: &current)
                    start = end
                }
            } else {
                normalizer.normalize(utf8: text, into: &current)
            }
        } else {
            current = Array(text)
        }
        var next: [UInt8] = []
        for converter in converters {
            next.removeAll(keepingCapacity: true)
            current.withUnsafeBufferPointer { buffer in
                // The input is valid UTF-8 (checked at the stream's entry), so this cannot fail.
                do { try converter.convert(utf8: buffer, into: &next) } catch { next.append(contentsOf: buffer) }
            }
            swap(&current, &next)
        }
        return current
    }

    /// Cleans text fed in chunks of any size, in bounded memory.
    ///
    /// ```swift
    /// var stream = cleaner.makeStream()
    /// var out: [UInt8] = []
    /// for chunk in chunks { try stream.feed(chunk, into: &out) }
    /// try stream.finish(into: &out)
    /// ```
    public struct Stream: Sendable {
        private var validator = UTF8StreamValidator()
        private var rejoiner: ColumnRejoiner.Stream?
        private var lines: LineLocalStream
        private var valid: [UInt8] = []
        private var rejoined: [UInt8] = []

        init(cleaner: TextCleaner, maxConcurrency: Int, pieceSize: Int) {
            rejoiner = cleaner.options.rejoins ? ColumnRejoiner(options: cleaner.options.rejoinOptions).makeStream() : nil
            // Conversion is local to lines, normalisation to paragraphs: the text is cut only
            // between paragraphs (after a blank line, or any line when each is a paragraph).
            let boundary: LineLocalStream.Boundary =
                cleaner.normalizer == nil || cleaner.options.paragraphPerLine ? .line : .blankLine
            lines = LineLocalStream(boundary: boundary, maxConcurrency: maxConcurrency, pieceSize: pieceSize) {
                cleaner.transformParagraphs($0)
            }
        }

        /// Takes the next chunk (it may end inside a UTF-8 sequence) and appends the output
        /// that is ready.
        /// - Throws: ``InvalidUTF8Error`` with the stream offset of the first malformed byte.
        public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws(InvalidUTF8Error) {
            valid.removeAll(keepingCapacity: true)
            try validator.validate(chunk, appendingTo: &valid)
            pass(final: false, into: &output)
        }

        /// ``feed(_:into:)`` for an array.
        public mutating func feed(_ chunk: [UInt8], into output: inout [UInt8]) throws(InvalidUTF8Error) {
            try chunk.withUnsafeBufferPointer { (buffer) throws(InvalidUTF8Error) in try feed(buffer, into: &output) }
        }

        /// Appends the output of every paragraph the rejoiner has finished, without waiting
        /// for a full batch: for interactive or slow input. The output is the same bytes
        /// whether or not this is called.
        public mutating func flushReady(into output: inout [UInt8]) {
            lines.flushReady(into: &output)
        }

        /// Ends the input and appends the rest of the output.
        /// - Throws: ``InvalidUTF8Error`` when the input ends inside a UTF-8 sequence.
        public mutating func finish(into output: inout [UInt8]) throws(InvalidUTF8Error) {
            try validator.finish()
            valid.removeAll(keepingCapacity: true)
            pass(final: true, into: &output)
        }

        private mutating func pass(final: Bool, into output: inout [UInt8]) {
            if rejoiner != nil {
                rejoined.removeAll(keepingCapacity: true)
                valid.withUnsafeBufferPointer { rejoiner!.feed($0, into: &rejoined) }
                if final { rejoiner!.finish(into: &rejoined) }
                rejoined.withUnsafeBufferPointer { lines.feed($0, into: &output) }
            } else {
                valid.withUnsafeBufferPointer { lines.feed($0, into: &output) }
            }
            if final { lines.finish(into: &output) }
        }
    }
}
