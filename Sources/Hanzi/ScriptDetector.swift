import Foundation

/// Tells whether a text is written in Simplified or Traditional Chinese, using OpenCC's own
/// dictionaries as the evidence.
///
/// The detector converts the text both ways and counts the characters each conversion changes:
/// `t2s` changes characters that exist only in Traditional writing, `s2t` the ones that exist
/// only in Simplified writing. A text whose distinguishing characters are (nearly) all of one
/// kind is of that script; one with a real share of both is *mixed*; one without Han
/// characters, or without any distinguishing character, is *neither*. For Traditional text the
/// regional standard is guessed the same way, from how much `hk2t` and `tw2t` (the Hong Kong
/// and Taiwan variant tables) change it.
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

    /// Loads the four OpenCC configurations the detector uses (shared, loaded once).
    /// - Throws: ``OpenCCError`` when a configuration cannot be loaded.
    public init() throws(OpenCCError) {
        toSimplified = try .shared(.t2s)
        toTraditional = try .shared(.s2t)
        hongKongToStandard = try .shared(.hk2t)
        taiwanToStandard = try .shared(.tw2t)
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
        /// Characters `t2s` changes: Traditional-only characters.
        public var traditionalOnly = 0
        /// Characters `s2t` changes: Simplified-only characters.
        public var simplifiedOnly = 0
        /// Characters `hk2t` changes: Hong Kong variant forms.
        public var hongKongForms = 0
        /// Characters `tw2t` changes: Taiwan variant forms.
        public var taiwanForms = 0

        public init() {}
    }

    /// Sums the counts of a text fed in pieces (each piece should end at a line break).
    public struct Accumulator: Sendable {
        let detector: ScriptDetector
        /// The counts so far.
        public private(set) var counts = Counts()

        /// An empty accumulator for `detector`.
        public init(detector: ScriptDetector) { self.detector = detector }

        /// Adds a piece of UTF-8 text.
        public mutating func add(_ bytes: [UInt8]) {
            // Ill-formed bytes are replaced so that every conversion sees valid UTF-8.
            let text = Array(String(decoding: bytes, as: UTF8.self).utf8)
            var han = 0
            for scalar in String(decoding: text, as: UTF8.self).unicodeScalars where ScalarClass.isHan(scalar.value) {
                han += 1
            }
            guard han > 0 else { return }
            counts.han += han
            counts.traditionalOnly += Accumulator.changed(text, by: detector.toSimplified)
            counts.simplifiedOnly += Accumulator.changed(text, by: detector.toTraditional)
            counts.hongKongForms += Accumulator.changed(text, by: detector.hongKongToStandard)
            counts.taiwanForms += Accumulator.changed(text, by: detector.taiwanToStandard)
        }

        /// The detection from the counts so far.
        public var result: ScriptDetection { ScriptDetection(counts: counts) }

        /// How many characters of `text` the conversion replaces: the size of the multiset
        /// difference between the input's and the output's Han characters.
        static func changed(_ text: [UInt8], by converter: ChineseConverter) -> Int {
            guard let converted = try? converter.convert(utf8: text), converted != text else { return 0 }
            var histogram: [UInt32: Int] = [:]
            for scalar in String(decoding: text, as: UTF8.self).unicodeScalars where ScalarClass.isHan(scalar.value) {
                histogram[scalar.value, default: 0] += 1
            }
            for scalar in String(decoding: converted, as: UTF8.self).unicodeScalars where ScalarClass.isHan(scalar.value) {
                if let n = histogram[scalar.value], n > 0 { histogram[scalar.value] = n - 1 }
            }
            return histogram.values.reduce(0, +)
        }
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
        if script == .traditional, counts.hongKongForms != counts.taiwanForms {
            variant = counts.hongKongForms > counts.taiwanForms ? .hongKong : .taiwan
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
