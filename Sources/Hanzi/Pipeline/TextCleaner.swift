/// The one-call cleaning pipeline: rejoin column-wrapped lines into paragraphs, normalise
/// punctuation and spacing, and convert the script, in that order; each step can be left out.
///
/// ```swift
/// var options = TextCleaner.Options()
/// options.conversions = ScriptStandard.simplified.conversions(from: .hongKong)  // [.hk2s]
/// let cleaner = try TextCleaner(options: options)
/// let clean = try cleaner.clean(extractedText)
/// ```
///
/// The pipeline is a list of stages, each declaring its ``StageLocality``: rejoining sees the
/// whole stream, normalisation works paragraph by paragraph, conversion line by line. The
/// input is validated once, at the entry; the stages take the validated bytes. The pipeline
/// works on UTF-8 bytes and streams: ``Stream`` takes chunks of any size and keeps memory
/// bounded (the rejoiner's look-ahead window plus about one megabyte per thread), and its
/// output is the same bytes as ``clean(utf8:)`` over the whole text, whatever the chunking
/// and the number of threads. Local stages run on several threads when asked.
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
    /// The stages, in order.
    let stages: [any TextStage]

    /// A cleaner with `options`; loads the conversion configurations (shared, once per process).
    /// - Throws: `OpenCCError` when a configuration cannot be loaded.
    public init(options: Options = .init()) throws(OpenCCError) {
        var converters: [any ScriptConverter] = []
        for configuration in options.conversions {
            converters.append(try ChineseConverter.shared(configuration, options: options.conversionOptions))
        }
        self.init(options: options, converters: converters)
    }

    /// A cleaner with `options` that converts with `converters`, in order, instead of the
    /// libopencc converters of `options.conversions`: the seam for another conversion engine.
    package init(options: Options, converters: [any ScriptConverter]) {
        self.options = options
        var stages: [any TextStage] = []
        if options.rejoins {
            stages.append(RejoinStage(rejoiner: ColumnRejoiner(options: options.rejoinOptions)))
        }
        if options.normalizes {
            stages.append(NormalizeStage(
                normalizer: PunctuationNormalizer(style: options.style, options: options.normalizationOptions),
                locality: options.paragraphPerLine ? .line : .paragraph))
        }
        for converter in converters {
            stages.append(ConvertStage(converter: converter))
        }
        self.stages = stages
    }

    /// Cleans `text`.
    ///
    /// - Throws: the error of a conversion engine, if one fails.
    public func clean(_ text: String) throws -> String {
        String(decoding: try clean(validated: Array(text.utf8)), as: UTF8.self)
    }

    /// Cleans UTF-8 bytes (an array, `Data`, a slice: any collection of bytes). A leading
    /// byte order mark is dropped; when the text is rejoined or normalised, so is every byte
    /// order mark right after it.
    ///
    /// The text goes through the same ``Stream`` as streamed input, in slices of
    /// `oneShotSliceSize` bytes, so the working buffers stay small (and in cache) however
    /// large the input: only the input and the output are whole.
    /// - Throws: `InvalidUTF8Error` with the offset of the first malformed byte, or the error
    ///   of a conversion engine.
    public func clean(utf8 bytes: some Collection<UInt8>) throws -> [UInt8] {
        try clean(bytes, entry: .validating)
    }

    /// How many bytes ``clean(utf8:)`` passes to its stream at a time.
    static let oneShotSliceSize = OneShotSlicing.sliceSize

    /// Cleans bytes that are expected to be valid UTF-8 (for example a decoded JSON string);
    /// malformed bytes, if any, are replaced by U+FFFD first.
    ///
    /// - Throws: the error of a conversion engine, if one fails.
    public func clean(validUTF8 bytes: [UInt8]) throws -> [UInt8] {
        if (try? UTF8Validator.validate(bytes)) != nil { return try clean(validated: bytes) }
        return try clean(validated: Array(String(decoding: bytes, as: UTF8.self).utf8))
    }

    /// Cleans bytes the caller has already validated (a leading byte order mark is dropped,
    /// as by ``clean(utf8:)``).
    package func clean(validated bytes: [UInt8]) throws -> [UInt8] {
        try clean(bytes, entry: .validated)
    }

    private func clean(_ bytes: some Collection<UInt8>, entry: Stream.Entry) throws -> [UInt8] {
        if entry == .validated, bytes.count <= TextCleaner.oneShotSliceSize {
            return try cleanWhole(Array(bytes))
        }
        var output: [UInt8] = []
        output.reserveCapacity(OutputCapacity.expected(forInput: bytes.count))
        var stream = Stream(cleaner: self, entry: entry, maxConcurrency: 1, pieceSize: TextCleaner.defaultPieceSize)
        let array = Array(bytes)
        try array.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                var end = min(start + TextCleaner.oneShotSliceSize, buffer.count)
                // Validated input goes in as whole characters: end the slice before a
                // continuation byte.
                while entry == .validated, end < buffer.count, end > start, buffer[end] & 0xC0 == 0x80 { end -= 1 }
                try stream.feed(validating: UnsafeBufferPointer(rebasing: buffer[start..<end]), into: &output)
                start = end
            }
        }
        try stream.finish(into: &output)
        return output
    }

    /// Runs the stages one after the other over a short validated text (a JSON value) held
    /// whole: the same bytes as the stream gives, since a local stage's output for a text is
    /// by definition its output for the text's pieces joined, without building a stream and
    /// its buffers for every value of a corpus. A text of at most ``shortTextLimit`` bytes is
    /// settled, as the stream settles it (see ``cleanSettling(_:)``).
    private func cleanWhole(_ bytes: [UInt8]) throws -> [UInt8] {
        var text = bytes
        let mark = UTF8StreamValidator.byteOrderMark
        if text.starts(with: mark) { text.removeFirst(mark.count) }
        while dropsLeadingMarks, text.starts(with: mark) { text.removeFirst(mark.count) }
        if settlesShortTexts, text.count <= Self.shortTextLimit { return try cleanSettling(text) }
        return try Self.run(stages[...], over: text)
    }

    /// Whether the byte order marks that follow a dropped leading one are dropped too: when the
    /// text is rejoined or normalised. A text made of files joined together can start with
    /// several; dropping only the first would leave one for a second cleaning to drop, and
    /// cleaning twice would change the text. With conversions only, the rest stay as OpenCC
    /// keeps them.
    var dropsLeadingMarks: Bool { options.rejoins || options.normalizes }

    /// The default size of one piece of work of a ``Stream``: 1 MiB.
    public static let defaultPieceSize = 1 << 20

    /// A stream cleaning text fed in chunks; the local stages use up to `maxConcurrency`
    /// threads, each on about `pieceSize` bytes of paragraphs at a time.
    public func makeStream(maxConcurrency: Int = 1, pieceSize: Int = TextCleaner.defaultPieceSize) -> Stream {
        Stream(cleaner: self, entry: .validating, maxConcurrency: maxConcurrency, pieceSize: pieceSize)
    }
}
