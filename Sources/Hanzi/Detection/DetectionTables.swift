#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HanziText
import OpenCC

/// What each character tells about the script and regional standard of a text, read once from
/// OpenCC's dictionaries, so that detection is a table look-up per character instead of a
/// conversion of the text.
///
/// A character is
/// - *Traditional-only* when `t2s` replaces it on its own (TSPhrases, then TSCharacters) and it
///   is never kept: not among its own values (乾 → 干 or 乾) and not left unchanged inside any
///   phrase of TSPhrases (著 in 著名);
/// - *Simplified-only* when `s2t` replaces it on its own (STPhrases, then STCharacters), the
///   Taiwan and Hong Kong variant tables do not turn the result back into it (灶 → 竈 → 灶 in
///   Taiwan), and it is never kept (干 → 幹 乾 干; 后 in 皇后);
/// - a *Hong Kong* sign when `hk2t` replaces it and `tw2t` does not (綫), or `t2tw` replaces it and
///   `t2hk` does not (裏, 着, 峯: the standard forms Hong Kong keeps);
/// - a *Taiwan* sign in the converse cases (裡, 著, 峰).
struct DetectionTables: Sendable {
    /// Character classes, indexed by scalar value below ``limit``.
    let classes: [UInt8]

    /// Every Han scalar lies below this (CJK Extension H ends at U+323AF).
    static let limit = 0x40000

    static let traditionalOnly: UInt8 = 1
    static let simplifiedOnly: UInt8 = 2
    static let hongKong: UInt8 = 4
    static let taiwan: UInt8 = 8
    static let han: UInt8 = 16

    /// The tables from OpenCC's dictionaries: `dictionary(name, wanted, visit)` calls `visit`
    /// with each entry of the dictionary `name` (its file name without extension,
    /// `"TSCharacters"`) whose key's scalars are `wanted`, and does nothing for a dictionary the
    /// data set does not have (OpenCC 1.1 has no `HKVariantsPhrases`), which counts as empty.
    init(dictionary: DictionaryReader) rethrows {
        let conversions = try Conversions(dictionary: dictionary)
        var classes = DetectionTables.baseClasses()
        for c in conversions.candidates where Int(c) < DetectionTables.limit {
            classes[Int(c)] |= conversions.signs(of: c)
        }
        self.classes = classes
    }

    /// The class a scalar has before any dictionary is read: ``han`` for a Han character, 0
    /// for any other.
    static func baseClass(_ scalar: UInt32) -> UInt8 {
        ScalarClass.isHan(scalar) ? han : 0
    }

    /// The classes of every scalar below ``limit`` before any dictionary is read.
    static func baseClasses() -> [UInt8] {
        var classes = [UInt8](repeating: 0, count: limit)
        classes.withUnsafeMutableBufferPointer { all in
            for index in all.indices { all[index] = baseClass(UInt32(index)) }
        }
        return classes
    }

    /// Tables with the given classes (``limit`` of them, indexed by scalar).
    init(classes: [UInt8]) {
        precondition(classes.count == DetectionTables.limit)
        self.classes = classes
    }

    /// Reads one dictionary, entry by entry, decoded into a ``DetectionEntry`` that is reused
    /// from entry to entry; the values are decoded only for the keys that are `wanted`.
    typealias DictionaryReader = (
        _ name: String, _ wanted: ([UInt32]) -> Bool, _ visit: (DetectionEntry) -> Void
    ) throws -> Void

    /// What OpenCC's dictionaries do to single characters, the evidence the classes are read from.
    private struct Conversions {
        /// A single-character entry: its first single-character value, if any, and whether the
        /// character is among its own values.
        struct Single {
            let first: UInt32?
            let keepsItself: Bool
        }

        /// Per character, its first entry in each direction's dictionaries.
        let toSimplified, toTraditional, toTaiwan, toHongKong, fromTaiwan, fromHongKong: [UInt32: Single]
        /// The characters some phrase keeps unchanged, in each direction.
        let keptBySimplifying, keptByTraditionalizing: Set<UInt32>

        init(dictionary: DictionaryReader) rethrows {
            toSimplified = try Self.singles(["TSPhrases", "TSCharacters"], dictionary)
            toTraditional = try Self.singles(["STPhrases", "STCharacters"], dictionary)
            toTaiwan = try Self.singles(["TWVariantsPhrases", "TWVariants"], dictionary)
            toHongKong = try Self.singles(["HKVariantsPhrases", "HKVariants"], dictionary)
            fromTaiwan = try Self.singles(["TWVariantsRevPhrases", "TWVariantsRev"], dictionary)
            fromHongKong = try Self.singles(["HKVariantsRevPhrases", "HKVariantsRev"], dictionary)
            keptBySimplifying = try Self.kept("TSPhrases", dictionary)
            keptByTraditionalizing = try Self.kept("STPhrases", dictionary)
        }

        /// The single-character entries of a group of dictionaries; earlier dictionaries of
        /// the group win, as in OpenCC's short-circuit groups.
        private static func singles(_ names: [String], _ dictionary: DictionaryReader) rethrows -> [UInt32: Single] {
            var table: [UInt32: Single] = [:]
            for name in names {
                try dictionary(name, { $0.count == 1 && table[$0[0]] == nil }) { entry in
                    var first: UInt32?
                    var keepsItself = false
                    for index in 0..<entry.valueCount {
                        let value = entry.value(index)
                        guard value.count == 1 else { continue }
                        if first == nil { first = value[value.startIndex] }
                        if value[value.startIndex] == entry.key[0] { keepsItself = true }
                    }
                    table[entry.key[0]] = Single(first: first, keepsItself: keepsItself)
                }
            }
            return table
        }

        /// The scalars some phrase keeps unchanged (at the same place, or anywhere when the key
        /// and value differ in length).
        private static func kept(_ name: String, _ dictionary: DictionaryReader) rethrows -> Set<UInt32> {
            var keptScalars = Set<UInt32>()
            try dictionary(name, { $0.count > 1 }) { entry in
                let key = entry.key
                for index in 0..<entry.valueCount {
                    let value = entry.value(index)
                    if value.count == key.count {
                        for (k, v) in zip(key, value) where k == v { keptScalars.insert(k) }
                    } else {
                        for k in key where value.contains(k) { keptScalars.insert(k) }
                    }
                }
            }
            return keptScalars
        }

        /// Every character some table replaces or maps.
        var candidates: Set<UInt32> {
            Set(toSimplified.keys).union(toTraditional.keys).union(toTaiwan.keys)
                .union(toHongKong.keys).union(fromTaiwan.keys).union(fromHongKong.keys)
        }

        /// Whether the table replaces `c` (its first value differs).
        private func replaces(_ table: [UInt32: Single], _ c: UInt32) -> Bool {
            guard let first = table[c]?.first else { return false }
            return first != c
        }

        private func mapped(_ table: [UInt32: Single], _ c: UInt32) -> UInt32 { table[c]?.first ?? c }

        /// The class bits (script only, regional sign) that `c` earns, by the rules above.
        func signs(of c: UInt32) -> UInt8 {
            var result: UInt8 = 0
            if replaces(toSimplified, c) {
                if !toSimplified[c]!.keepsItself && !keptBySimplifying.contains(c) {
                    result |= DetectionTables.traditionalOnly
                }
            } else if replaces(toTraditional, c), !toTraditional[c]!.keepsItself, !keptByTraditionalizing.contains(c) {
                let traditional = mapped(toTraditional, c)
                // Replaced whatever the Traditional standard: not a variant that OpenCC's
                // standard avoids but Taiwan or Hong Kong write (灶 竈, 床 牀).
                if mapped(toTaiwan, traditional) != c && mapped(toHongKong, traditional) != c {
                    result |= DetectionTables.simplifiedOnly
                }
            }
            let hongKongForm = replaces(fromHongKong, c), taiwanForm = replaces(fromTaiwan, c)
            let hongKongReplaces = replaces(toHongKong, c), taiwanReplaces = replaces(toTaiwan, c)
            if (hongKongForm && !taiwanForm) || (taiwanReplaces && !hongKongReplaces) { result |= DetectionTables.hongKong }
            if (taiwanForm && !hongKongForm) || (hongKongReplaces && !taiwanReplaces) { result |= DetectionTables.taiwan }
            return result
        }
    }

    /// The tables from one of the native engine's data sets: the bundled OpenCC data (what
    /// conversions use by default) or the installed OpenCC's.
    static func load(_ dictionaries: ChineseConverter.Dictionaries) throws(OpenCCError) -> DetectionTables {
        do {
            var entry = DetectionEntry()
            return try DetectionTables { name, wanted, visit in
                _ = try OpenCCDictionaryData.forEachEntry(ofDictionary: name, in: dictionaries) { key, values in
                    entry.decode(key: key)
                    guard wanted(entry.key) else { return }
                    entry.decode(values: values)
                    visit(entry)
                }
            }
        } catch {
            throw OpenCCError(configuration: .t2s, message: "\(error)")
        }
    }

    /// The process-wide tables from the bundled data, read on first use: from the classes
    /// embedded by `make tables` (``StoredDetectionClasses``), or from the text dictionaries
    /// when none were generated.
    static let shared: Result<DetectionTables, OpenCCError> = Result { () throws(OpenCCError) in
        try embeddedOrBundled(StoredDetectionClasses.embedded)
    }

    /// The tables `image` stores (``StoredDetectionClasses``), or those of the bundled text
    /// dictionaries when `image` is empty.
    ///
    /// - Throws: `OpenCCError` when the image is damaged or the dictionaries cannot be read.
    static func embeddedOrBundled(_ image: UnsafeBufferPointer<UInt8>) throws(OpenCCError) -> DetectionTables {
        guard !image.isEmpty else { return try load(.bundled) }
        do {
            return DetectionTables(classes: try StoredDetectionClasses.classes(from: image))
        } catch {
            throw OpenCCError(configuration: .t2s, message: error.description)
        }
    }

    // MARK: UTF-8 (for tests and checks, not the construction above)

    static func scalars(_ bytes: [UInt8]) -> [UInt32] {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.map(\.value)
    }

    static func singleScalar(_ bytes: [UInt8]) -> UInt32? {
        let values = scalars(bytes)
        return values.count == 1 ? values[0] : nil
    }
}
