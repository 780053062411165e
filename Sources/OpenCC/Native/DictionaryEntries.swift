/// The entries of one dictionary: keys and the value each converts to (its first value), as
/// UTF-8 bytes in one pool.
struct DictionaryEntries: Sendable {
    /// Key and value bytes of every entry.
    private(set) var pool: [UInt8] = []
    /// Per entry: key start, key length, value start, value length (four words an entry).
    private(set) var ranges: [UInt32] = []

    /// The number of entries.
    var count: Int { ranges.count / 4 }

    /// What is wrong with a dictionary, in one line.
    struct FormatError: Error, Sendable, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    init() {}

    /// Adds an entry; keys that are empty are skipped (they can never match).
    mutating func append(key: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        guard !key.isEmpty else { return }
        ranges.append(UInt32(pool.count))
        ranges.append(UInt32(key.count))
        pool.append(contentsOf: key)
        ranges.append(UInt32(pool.count))
        ranges.append(UInt32(value.count))
        pool.append(contentsOf: value)
    }

    /// Adds an entry from arrays.
    mutating func append(key: [UInt8], value: [UInt8]) {
        key.withUnsafeBufferPointer { k in value.withUnsafeBufferPointer { v in append(key: k, value: v) } }
    }

    /// Reads an OpenCC text dictionary (``OpenCCTextDictionary``, the format as OpenCC 1.4.2's
    /// `Lexicon` reads it): each entry's key and its first value, the one conversions use.
    ///
    /// - Throws: ``FormatError`` naming `name` and the line when the file is not UTF-8, a
    ///   line has no TAB. (A key that appears twice is found when the dictionary is compiled.)
    static func parseText(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws(FormatError) -> DictionaryEntries {
        var entries = DictionaryEntries()
        entries.pool.reserveCapacity(bytes.count)
        entries.ranges.reserveCapacity(bytes.count / 4)
        do throws(OpenCCTextDictionary.FormatError) {
            try OpenCCTextDictionary.forEachEntry(in: bytes, name: name) { entry in
                entries.append(key: entry.key, value: entry.firstValue)
            }
        } catch {
            throw FormatError(reason: error.description)
        }
        return entries
    }

    /// The entries of an installed `.ocd2` dictionary, read through libopencc; an entry
    /// without values converts to its key, as in libopencc.
    static func system(entries: [(key: [UInt8], values: [[UInt8]])]) -> DictionaryEntries {
        var result = DictionaryEntries()
        for entry in entries {
            result.append(key: entry.key, value: entry.values.first ?? entry.key)
        }
        return result
    }
}
