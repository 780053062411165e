#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HanziCore

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

        /// One pass over the bytes: ASCII eight bytes at a time, every other scalar decoded
        /// (``UTF8Codec``) and looked up in the class table.
        private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>) {
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var han = 0, traditional = 0, simplified = 0
            var i = 0
            let word = MemoryLayout<UInt64>.size
            while i < count {
                while i + word <= count,
                      UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += word
                }
                guard i < count else { break }
                let (value, length) = UTF8Codec.decode(base, i, count)
                i += length
                // A byte that starts no well-formed sequence decodes above U+10FFFF, past the table.
                guard value < DetectionTables.limit else { continue }
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
