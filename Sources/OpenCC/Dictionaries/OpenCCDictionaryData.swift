import Foundation

/// The entries of OpenCC's dictionaries, from either data set the native engine uses: the
/// bundled OpenCC 1.4.2 text dictionaries, or the installed `.ocd2` dictionaries (read through
/// libopencc).
///
/// For code that needs the dictionaries themselves rather than a conversion, such as script
/// detection.
///
/// ```swift
/// let entries = try OpenCCDictionaryData.entries(ofDictionary: "TSCharacters", in: .bundled)
/// // [(key: 萬 as UTF-8, values: [万 as UTF-8]), …], every value kept, in the file's order
/// ```
public enum OpenCCDictionaryData {
    /// The entries of the dictionary `name` (its file name without extension, `"STPhrases"`) in
    /// `dictionaries`, each with all its values in order; `nil` when that data set has no such
    /// dictionary.
    ///
    /// - Throws: ``SystemDictionaryError`` naming the file when it cannot be read.
    public static func entries(
        ofDictionary name: String, in dictionaries: ChineseConverter.Dictionaries
    ) throws -> [(key: [UInt8], values: [[UInt8]])]? {
        switch dictionaries {
        case .bundled:
            guard let file = BundledOpenCCData.file(named: name + ".txt") else { return nil }
            return parseText(file)
        case .system:
            guard let folder = SystemOpenCCData.dataFolder else {
                throw SystemDictionaryError(path: name + ".ocd2", reason: "no installed OpenCC data folder found")
            }
            let path = folder.appendingPathComponent(name + ".ocd2").path
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            return try SystemDictionaryReader.entries(atPath: path)
        }
    }

    /// OpenCC's text format: `key<TAB>value value…` a line; empty lines and lines starting
    /// with `#` skipped, a CR before the LF dropped, a leading byte order mark skipped.
    static func parseText(_ bytes: UnsafeBufferPointer<UInt8>) -> [(key: [UInt8], values: [[UInt8]])] {
        var entries: [(key: [UInt8], values: [[UInt8]])] = []
        var text = bytes[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        for rawLine in text.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            guard let first = line.first, first != UInt8(ascii: "#"),
                  let tab = line.firstIndex(of: 0x09) else { continue }
            let key = Array(line[..<tab])
            guard !key.isEmpty else { continue }
            let values = line[(tab + 1)...].split(separator: 0x20).map { Array($0) }
            entries.append((key: key, values: values))
        }
        return entries
    }
}
