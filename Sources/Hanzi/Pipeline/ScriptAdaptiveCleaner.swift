import HanziCore

/// Cleans each text (a file, a JSON Lines record) for its own script: the conversions go from
/// the text's detected script (or a given one) to a target, and the punctuation style follows
/// the target, or the text's own script when there is no target (mainland for Simplified,
/// corner brackets 「」 for Traditional, Taiwan and Hong Kong).
///
/// One ``TextCleaner`` is built for each choice of conversions and style and shared by every
/// text that needs it, so a corpus of millions of records loads each configuration once.
///
/// ```swift
/// let adaptive = try ScriptAdaptiveCleaner(options: .init(), target: .simplified)
/// let cleaned = try adaptive.clean(utf8: record)   // Taiwan, Hong Kong or Simplified alike
/// ```
public final class ScriptAdaptiveCleaner: Sendable {
    /// What every cleaner does besides the adapted choices (rejoining, spacing, layout).
    public let options: TextCleaner.Options
    /// The script every text is converted to; nil converts nothing.
    public let target: ScriptStandard?
    /// The script of the texts when it is known; nil detects it for each text.
    public let source: ScriptStandard?
    /// The punctuation style; nil follows the target or, without one, each text's script.
    public let style: PunctuationNormalizer.Style?

    private let detector: ScriptDetector?
    private let cleaners = Locked<[Choice: TextCleaner]>([:])

    private struct Choice: Hashable {
        var conversions: [ChineseConverter.Configuration]
        var style: PunctuationNormalizer.Style
    }

    /// How much of a text is read to detect its script: 256 KiB.
    public static let detectionSampleSize = 1 << 18

    /// A cleaner adapting `options` to each text.
    /// - Throws: `OpenCCError` when the detector's data cannot be loaded.
    public init(
        options: TextCleaner.Options, target: ScriptStandard?, source: ScriptStandard? = nil,
        style: PunctuationNormalizer.Style? = nil
    ) throws(OpenCCError) {
        self.options = options
        self.target = target
        self.source = source
        self.style = style
        let needsDetection = (target != nil && source == nil) || (style == nil && target == nil)
        self.detector = needsDetection ? try ScriptDetector() : nil
    }

    /// The style a script's text is written in by convention.
    public static func style(for standard: ScriptStandard) -> PunctuationNormalizer.Style {
        // By raw value: the style's names are generated from Tables/styles.tsv.
        switch standard {
        case .simplified, .japanese: return PunctuationNormalizer.Style(rawValue: "mainland")!
        case .traditional, .taiwan: return PunctuationNormalizer.Style(rawValue: "taiwan")!
        case .hongKong: return PunctuationNormalizer.Style(rawValue: "hongkong")!
        }
    }

    /// The cleaner for a text that begins with `sample` (the first
    /// ``detectionSampleSize`` bytes are enough).
    /// - Throws: `OpenCCError` when a configuration cannot be loaded.
    public func cleaner(forSample sample: some Collection<UInt8>) throws(OpenCCError) -> TextCleaner {
        let detection = detector.map { $0.detect(utf8: sample.prefix(Self.detectionSampleSize)) }
        var choice = Choice(conversions: [], style: style ?? options.style)
        if let target {
            let from = source ?? detection.map { ScriptStandard.source(detected: $0, target: target) } ?? target
            choice.conversions = target.conversions(from: from)
            if style == nil { choice.style = Self.style(for: target) }
        } else if style == nil, let detection {
            choice.style = Self.style(for: Self.writtenStandard(detection) ?? .simplified)
        }
        if let cleaner = cleaners.withLock({ $0[choice] }) { return cleaner }
        var options = self.options
        options.conversions = choice.conversions
        options.style = choice.style
        let cleaner = try TextCleaner(options: options)
        cleaners.withLock { $0[choice] = cleaner }
        return cleaner
    }

    /// Cleans one text for its own script.
    /// - Throws: `InvalidUTF8Error`, `OpenCCError`, or a conversion engine's error.
    public func clean(utf8 bytes: some Collection<UInt8>) throws -> [UInt8] {
        try cleaner(forSample: bytes).clean(utf8: bytes)
    }

    /// The standard a detection says the text is written in, if it says one: text with no
    /// Chinese, or mixed, says none.
    static func writtenStandard(_ detection: ScriptDetection) -> ScriptStandard? {
        switch detection.script {
        case .simplified: return .simplified
        case .traditional:
            switch detection.variant {
            case .hongKong: return .hongKong
            case .taiwan: return .taiwan
            default: return .traditional
            }
        case .mixed, .neither: return nil
        }
    }
}
