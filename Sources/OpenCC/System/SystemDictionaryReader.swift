import COpenCCDictionary

/// Reads an installed OpenCC `.ocd2` dictionary through libopencc itself.
///
/// The file is loaded with libopencc's own `MarisaDict` (through the small C++ shim
/// `COpenCCDictionary`), so what the native engine sees is exactly what libopencc converts
/// with; the marisa-trie format is never decoded here.
///
/// ```swift
/// let folder = SystemOpenCCData.dataFolder!
/// let entries = try SystemDictionaryReader.entries(atPath: folder.appendingPathComponent("STCharacters.ocd2").path)
/// // entries[i].key: UTF-8 bytes of a key; entries[i].values: its values, the default first
/// ```
public enum SystemDictionaryReader {
    /// Every entry of the `.ocd2` dictionary at `path`, in the order of libopencc's lexicon
    /// (the marisa trie's key order), each with its values in the dictionary's order.
    ///
    /// - Parameter path: The dictionary file, as given to libopencc.
    /// - Returns: Keys and values as UTF-8 bytes. An entry without values has an empty
    ///   `values` array (libopencc then keeps the key unchanged).
    /// - Throws: ``SystemDictionaryError`` naming the file when it is missing, unreadable, or
    ///   not a dictionary libopencc can load.
    public static func entries(atPath path: String) throws -> [(key: [UInt8], values: [[UInt8]])] {
        var message: UnsafeMutablePointer<CChar>?
        guard let dictionary = hanzi_ocd2_open(path, &message) else {
            let reason = message.map { String(cString: $0) } ?? "libopencc could not load it"
            hanzi_ocd2_free_error(message)
            throw SystemDictionaryError(path: path, reason: reason)
        }
        defer { hanzi_ocd2_close(dictionary) }
        let count = hanzi_ocd2_entry_count(dictionary)
        var entries: [(key: [UInt8], values: [[UInt8]])] = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            var length = 0
            let keyStart = hanzi_ocd2_key(dictionary, index, &length)
            let key = [UInt8](UnsafeBufferPointer(start: keyStart, count: length))
            let valueCount = hanzi_ocd2_value_count(dictionary, index)
            var values: [[UInt8]] = []
            values.reserveCapacity(valueCount)
            for valueIndex in 0..<valueCount {
                let valueStart = hanzi_ocd2_value(dictionary, index, valueIndex, &length)
                values.append([UInt8](UnsafeBufferPointer(start: valueStart, count: length)))
            }
            entries.append((key: key, values: values))
        }
        return entries
    }
}
