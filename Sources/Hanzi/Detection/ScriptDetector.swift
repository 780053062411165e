import Foundation

/// Tells whether a text is written in Simplified or Traditional Chinese, using OpenCC's own
/// dictionaries as the evidence.
///
/// The text is converted both ways and the Han characters each conversion replaces are
/// counted: those `t2s` replaces (and that `t2s` changes on their own too) are
/// Traditional-only, those `s2t` replaces (and that `t2s` keeps and `s2t`, `s2tw` and `s2hk`
/// all change on their own) are Simplified-only; the others are common to both scripts
/// (including variants such as 灶 and 床 that OpenCC's standard replaces but Taiwan and Hong
/// Kong write).
/// A text whose distinguishing characters are (nearly) all of one kind is of that script; one
/// with a real share of both is *mixed*; one without Han characters, or without any
/// distinguishing character, is *neither*.
///
/// For Traditional text the regional standard is guessed from the variant tables, counting
/// distinct characters: Hong Kong forms (changed by `hk2t` but not `tw2t`) and standard forms
/// that Taiwan replaces but Hong Kong keeps (changed by `t2tw` but not `t2hk`, like 着 裏) point
/// to Hong Kong; the converse points to Taiwan. The guess is made only when one side has at
/// least three such characters and three times as many as the other: regional usage in print
/// follows the official lists loosely, so weaker evidence is not reported.
///
/// ```swift
/// let detector = try ScriptDetector()
/// detector.detect("汉字简化").script            // .simplified
/// detector.detect("漢字簡化").script            // .traditional
/// ```
///
/// Long texts can be fed in pieces through an ``Accumulator``; the counts are summed.
public struct ScriptDetector: Sendable {
    private let toSimplified: ChineseConverter
    private let toTraditional: ChineseConverter
    private let hongKongToStandard: ChineseConverter
    private let taiwanToStandard: ChineseConverter
    private let standardToHongKong: ChineseConverter
    private let standardToTaiwan: ChineseConverter
    private let simplifiedToTaiwan: ChineseConverter
    private let simplifiedToHongKong: ChineseConverter

    /// Loads the OpenCC configurations the detector uses (shared, loaded once per process).
    /// - Throws: `OpenCCError` when a configuration cannot be loaded.
    public init() throws(OpenCCError) {
        toSimplified = try .shared(.t2s)
        toTraditional = try .shared(.s2t)
        hongKongToStandard = try .shared(.hk2t)
        taiwanToStandard = try .shared(.tw2t)
        standardToHongKong = try .shared(.t2hk)
        standardToTaiwan = try .shared(.t2tw)
        simplifiedToTaiwan = try .shared(.s2tw)
        simplifiedToHongKong = try .shared(.s2hk)
    }

    /// Detects the script of `text`.
    public func detect(_ text: String) -> ScriptDetection {
        var accumulator = Accumulator(detector: self)
        accumulator.add(Array(text.utf8))
        return accumulator.result
    }

    /// Detects the script of UTF-8 bytes (malformed bytes count as no character).
    public func detect(utf8 bytes: some Collection<UInt8>) -> ScriptDetection {
        var accumulator = Accumulator(detector: self)
        accumulator.add(Array(bytes))
        return accumulator.result
    }

    /// The counts the detection is made from.
    public struct Counts: Sendable, Hashable {
        /// Han characters in the text.
        public var han = 0
        /// Occurrences of Traditional-only characters.
        public var traditionalOnly = 0
        /// Occurrences of Simplified-only characters.
        public var simplifiedOnly = 0
        /// Distinct characters pointing to Hong Kong forms.
        public var hongKongForms = 0
        /// Distinct characters pointing to Taiwan forms.
        public var taiwanForms = 0

        public init() {}
    }

    /// What one character tells.
    struct CharacterClass: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let traditionalOnly = CharacterClass(rawValue: 1)
        static let simplifiedOnly = CharacterClass(rawValue: 2)
        static let hongKong = CharacterClass(rawValue: 4)
        static let taiwan = CharacterClass(rawValue: 8)
    }

    func classify(_ scalar: Unicode.Scalar) -> CharacterClass {
        let character = String(scalar)
        func changes(_ converter: ChineseConverter) -> Bool { converter.convert(character) != character }
        var result: CharacterClass = []
        if changes(toSimplified) {
            result.insert(.traditionalOnly)
        } else if changes(toTraditional), changes(simplifiedToTaiwan), changes(simplifiedToHongKong) {
            // Replaced whatever the Traditional standard: not a variant that OpenCC's
            // standard avoids but Taiwan or Hong Kong use (灶 竈, 床 牀).
            result.insert(.simplifiedOnly)
        }
        let hongKongForm = changes(hongKongToStandard), taiwanForm = changes(taiwanToStandard)
        let hongKongReplaces = changes(standardToHongKong), taiwanReplaces = changes(standardToTaiwan)
        if (hongKongForm && !taiwanForm) || (taiwanReplaces && !hongKongReplaces) { result.insert(.hongKong) }
        if (taiwanForm && !hongKongForm) || (hongKongReplaces && !taiwanReplaces) { result.insert(.taiwan) }
        return result
    }

    /// Sums the counts of a text fed in pieces.
    public struct Accumulator: Sendable {
        let detector: ScriptDetector
        /// The counts so far.
        public private(set) var counts = Counts()
        private var classes: [UInt32: CharacterClass] = [:]

        /// An empty accumulator for `detector`.
        public init(detector: ScriptDetector) { self.detector = detector }

        /// Adds a piece of UTF-8 text; for the conversions to see whole phrases, a piece
        /// should end at a line break (a cut character counts as none).
        public mutating func add(_ bytes: [UInt8]) {
            let text = Array(String(decoding: bytes, as: UTF8.self).utf8)
            var any = false
            for scalar in String(decoding: text, as: UTF8.self).unicodeScalars where ScalarClass.isHan(scalar.value) {
                counts.han += 1
                any = true
                if classes[scalar.value] == nil {
                    let characterClass = detector.classify(scalar)
                    classes[scalar.value] = characterClass
                    if characterClass.contains(.hongKong) { counts.hongKongForms += 1 }
                    if characterClass.contains(.taiwan) { counts.taiwanForms += 1 }
                }
            }
            guard any else { return }
            // The conversions of the whole text choose characters by phrase, so a character
            // is counted where it really is replaced in context; it must also be of that
            // script on its own.
            for (scalar, n) in Accumulator.replaced(text, by: detector.toSimplified)
            where classes[scalar]?.contains(.traditionalOnly) == true {
                counts.traditionalOnly += n
            }
            for (scalar, n) in Accumulator.replaced(text, by: detector.toTraditional)
            where classes[scalar]?.contains(.simplifiedOnly) == true {
                counts.simplifiedOnly += n
            }
        }

        /// The Han characters of `text` the conversion replaces, with how many times: the
        /// multiset difference between the input's and the output's Han characters.
        static func replaced(_ text: [UInt8], by converter: ChineseConverter) -> [UInt32: Int] {
            guard let converted = try? converter.convert(utf8: text), converted != text else { return [:] }
            var histogram: [UInt32: Int] = [:]
            for scalar in String(decoding: text, as: UTF8.self).unicodeScalars where ScalarClass.isHan(scalar.value) {
                histogram[scalar.value, default: 0] += 1
            }
            for scalar in String(decoding: converted, as: UTF8.self).unicodeScalars where ScalarClass.isHan(scalar.value) {
                if let n = histogram[scalar.value], n > 0 { histogram[scalar.value] = n - 1 }
            }
            return histogram.filter { $0.value > 0 }
        }

        /// The detection from the counts so far.
        public var result: ScriptDetection { ScriptDetection(counts: counts) }
    }
}

/// The script of a text, as ``ScriptDetector`` sees it.
public struct ScriptDetection: Sendable, Hashable, CustomStringConvertible {
    /// The script.
    public enum Script: String, Sendable, Hashable, CaseIterable {
        /// Simplified Chinese.
        case simplified
        /// Traditional Chinese.
        case traditional
        /// A real share of both Simplified-only and Traditional-only characters.
        case mixed
        /// No Han characters, or none that tells the scripts apart.
        case neither
    }

    /// The regional standard of a Traditional text.
    public enum Variant: String, Sendable, Hashable {
        /// Hong Kong forms (as in OpenCC's HK variant table).
        case hongKong = "hongkong"
        /// Taiwan forms (as in OpenCC's TW variant table).
        case taiwan
    }

    /// The script.
    public var script: Script
    /// For a Traditional text with regional forms, which region's.
    public var variant: Variant?
    /// How sure the detection is, from 0 to 1: the share of the distinguishing characters that
    /// agree with it, discounted when there are only a few of them.
    public var confidence: Double
    /// The counts it was made from.
    public var counts: ScriptDetector.Counts

    /// The share of distinguishing characters below which the other script is tolerated
    /// (names, quotations, characters OpenCC maps both ways).
    public static let mixedThreshold = 0.1

    /// The detection that `counts` give.
    public init(counts: ScriptDetector.Counts) {
        self.counts = counts
        let t = Double(counts.traditionalOnly)
        let s = Double(counts.simplifiedOnly)
        let evidence = t + s
        // Few distinguishing characters make for a weak call: 1 - e^(-n/8).
        let weight = 1 - exp(-evidence / 8)
        if counts.han == 0 {
            script = .neither
            confidence = 1
        } else if evidence == 0 {
            script = .neither
            confidence = 1 - exp(-Double(counts.han) / 8)
        } else if s <= evidence * ScriptDetection.mixedThreshold {
            script = .traditional
            confidence = (t / evidence) * weight
        } else if t <= evidence * ScriptDetection.mixedThreshold {
            script = .simplified
            confidence = (s / evidence) * weight
        } else {
            script = .mixed
            confidence = (1 - abs(t - s) / evidence) * weight
        }
        let hk = counts.hongKongForms, tw = counts.taiwanForms
        if script == .traditional, hk >= 3, hk >= 3 * tw {
            variant = .hongKong
        } else if script == .traditional, tw >= 3, tw >= 3 * hk {
            variant = .taiwan
        } else {
            variant = nil
        }
    }

    /// `Simplified`, `Traditional (Hong Kong)`, `mixed`, `neither`.
    public var label: String {
        switch script {
        case .simplified: "Simplified"
        case .traditional:
            switch variant {
            case .hongKong: "Traditional (Hong Kong)"
            case .taiwan: "Traditional (Taiwan)"
            case nil: "Traditional"
            }
        case .mixed: "mixed"
        case .neither: "neither"
        }
    }

    public var description: String { "\(label) \(String(format2: confidence))" }
}

extension String {
    /// `0.97`: a number with two decimals, without Foundation.
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        self = "\(whole)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
