import Foundation

/// Tells whether a text is written in Simplified or Traditional Chinese, and in which regional
/// standard, using OpenCC's own dictionaries as the evidence.
///
/// Each character is looked up in tables read once from the OpenCC dictionaries conversions use
/// by default (the bundled OpenCC 1.4.2 data; see `DetectionTables`): Traditional-only characters are those `t2s` replaces and never keeps,
/// Simplified-only ones those `s2t` replaces and never keeps (leaving out variants such as 灶
/// and 床 that OpenCC's standard replaces but Taiwan and Hong Kong write); the others are common
/// to both scripts. A text whose distinguishing characters are (nearly) all of one kind is of
/// that script; one with a real share of both is *mixed*; one without Han characters, or without
/// any distinguishing character, is *neither*. No conversion runs: detection reads the text
/// once, a table look-up per character.
///
/// The regional standard is named where the characters show it. Simplified text is the
/// mainland standard. For Traditional text the variant tables decide, counting distinct
/// characters: Hong Kong forms (replaced by `hk2t` but not `tw2t`, like 綫) and standard forms
/// that Taiwan replaces but Hong Kong keeps (replaced by `t2tw` but not `t2hk`, like 裏 着 峯)
/// point to Hong Kong; the converse (裡 著 峰) points to Taiwan. The guess is made only when one
/// side has at least three such characters and three times as many as the other: regional usage
/// in print follows the official lists loosely, so weaker evidence is not reported, and the text
/// is plain "Traditional".
///
/// ```swift
/// let detector = try ScriptDetector()
/// detector.detect("汉字简化").script            // .simplified
/// detector.detect("漢字簡化").script            // .traditional
/// ```
///
/// Long texts can be fed in pieces through an ``Accumulator``; the counts are summed, and any
/// cut gives the same counts as the whole (a character cut in two counts as none).
public struct ScriptDetector: Sendable {
    let tables: DetectionTables

    /// Reads the tables from the bundled OpenCC dictionaries (once per process).
    /// - Throws: `OpenCCError` when the dictionaries cannot be read.
    public init() throws(OpenCCError) {
        tables = try DetectionTables.shared.get()
    }

    /// A detector on given tables.
    init(tables: DetectionTables) {
        self.tables = tables
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

    /// Sums the counts of a text fed in pieces.
    public struct Accumulator: Sendable {
        let detector: ScriptDetector
        /// The counts so far.
        public private(set) var counts = Counts()
        /// The regional characters seen so far (they are counted once each).
        private var regional = Set<UInt32>()

        /// An empty accumulator for `detector`.
        public init(detector: ScriptDetector) { self.detector = detector }

        /// Adds a piece of UTF-8 text. A character cut between two pieces, and malformed
        /// bytes, count as no character.
        public mutating func add(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { buffer in
                detector.tables.classes.withUnsafeBufferPointer { classes in
                    scan(buffer, classes: classes)
                }
            }
        }

        /// One pass over the bytes: ASCII eight bytes at a time, every other well-formed
        /// scalar looked up in the class table.
        private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>) {
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var han = 0, traditional = 0, simplified = 0
            var i = 0
            @inline(__always) func continuation(_ index: Int) -> Bool { base[index] & 0xC0 == 0x80 }
            while i < count {
                while i + 8 <= count,
                      UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                guard i < count else { break }
                let lead = base[i]
                var value: UInt32
                if lead < 0x80 {
                    i += 1
                    continue
                } else if lead < 0xE0 {
                    i += (lead >= 0xC2 && i + 1 < count && continuation(i + 1)) ? 2 : 1
                    continue
                } else if lead < 0xF0 {
                    guard i + 2 < count, continuation(i + 1), continuation(i + 2),
                          lead != 0xE0 || base[i + 1] >= 0xA0, lead != 0xED || base[i + 1] < 0xA0 else {
                        i += 1
                        continue
                    }
                    value = UInt32(lead & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
                    i += 3
                } else if lead < 0xF5 {
                    guard i + 3 < count, continuation(i + 1), continuation(i + 2), continuation(i + 3),
                          lead != 0xF0 || base[i + 1] >= 0x90, lead != 0xF4 || base[i + 1] < 0x90 else {
                        i += 1
                        continue
                    }
                    value = UInt32(lead & 0x07) << 18 | UInt32(base[i + 1] & 0x3F) << 12
                        | UInt32(base[i + 2] & 0x3F) << 6 | UInt32(base[i + 3] & 0x3F)
                    i += 4
                    guard value < DetectionTables.limit else { continue }
                } else {
                    i += 1
                    continue
                }
                let characterClass = classes[Int(value)]
                guard characterClass != 0 else { continue }
                if characterClass & DetectionTables.han != 0 { han += 1 }
                if characterClass & DetectionTables.traditionalOnly != 0 { traditional += 1 }
                if characterClass & DetectionTables.simplifiedOnly != 0 { simplified += 1 }
                if characterClass & (DetectionTables.hongKong | DetectionTables.taiwan) != 0,
                   regional.insert(value).inserted {
                    if characterClass & DetectionTables.hongKong != 0 { counts.hongKongForms += 1 }
                    if characterClass & DetectionTables.taiwan != 0 { counts.taiwanForms += 1 }
                }
            }
            counts.han += han
            counts.traditionalOnly += traditional
            counts.simplifiedOnly += simplified
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

    /// The regional standard the characters show.
    public enum Variant: String, Sendable, Hashable {
        /// Hong Kong forms (as in OpenCC's HK variant table).
        case hongKong = "hongkong"
        /// Taiwan forms (as in OpenCC's TW variant table).
        case taiwan
        /// Simplified characters: the mainland standard.
        case mainland
    }

    /// The script.
    public var script: Script
    /// The regional standard: ``Variant/mainland`` for a Simplified text; for a Traditional
    /// text with regional forms, which region's; otherwise `nil`.
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
        } else if script == .simplified {
            variant = .mainland
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
            case .mainland, nil: "Traditional"
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
