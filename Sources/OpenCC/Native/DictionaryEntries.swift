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

    /// Reads an OpenCC text dictionary the way OpenCC 1.4.2's `Lexicon` does: a leading byte
    /// order mark is skipped; lines end at LF, with one CR before it dropped; empty lines and
    /// lines starting with `#` are skipped; the key runs to the first TAB, and the values
    /// after it are separated by single spaces, the first being the one conversions use.
    ///
    /// - Throws: ``FormatError`` naming `name` and the line when the file is not UTF-8, a
    ///   line has no TAB. (A key that appears twice is found when the dictionary is compiled.)
    static func parseText(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws(FormatError) -> DictionaryEntries {
        do {
            _ = try UTF8Validator.validate(bytes)
        } catch {
            throw FormatError(reason: "\(name): \(error)")
        }
        var entries = DictionaryEntries()
        entries.pool.reserveCapacity(bytes.count)
        entries.ranges.reserveCapacity(bytes.count / 4)
        guard let base = bytes.baseAddress else { return entries }
        let size = bytes.count
        var offset = 0
        if size >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { offset = 3 }
        var lineNumber = 0
        while offset < size {
            lineNumber += 1
            var lineEnd = offset
            while lineEnd < size, base[lineEnd] != 0x0A { lineEnd += 1 }
            var end = lineEnd
            if end > offset, base[end - 1] == 0x0D { end -= 1 }
            defer { offset = lineEnd + 1 }
            if end == offset || base[offset] == UInt8(ascii: "#") { continue }
            func stops(_ byte: UInt8) -> Bool { byte == 0x0D || byte == 0x00 }
            var keyEnd = offset
            while keyEnd < end, base[keyEnd] != 0x09, !stops(base[keyEnd]) { keyEnd += 1 }
            guard keyEnd < end, base[keyEnd] == 0x09 else {
                throw FormatError(reason: "\(name), line \(lineNumber): no TAB between key and value")
            }
            // The first value: from after the TAB to the next space or line end.
            let valueStart = keyEnd + 1
            var valueEnd = valueStart
            while valueEnd < end, base[valueEnd] != 0x20, !stops(base[valueEnd]) { valueEnd += 1 }
            entries.append(
                key: UnsafeBufferPointer(start: base + offset, count: keyEnd - offset),
                value: UnsafeBufferPointer(start: base + valueStart, count: valueEnd - valueStart))
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
