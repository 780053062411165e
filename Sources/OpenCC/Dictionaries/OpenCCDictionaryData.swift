#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    /// - Throws: ``SystemDictionaryError`` naming the file when it cannot be read or is not a
    ///   dictionary OpenCC can read.
    public static func entries(
        ofDictionary name: String, in dictionaries: ChineseConverter.Dictionaries
    ) throws -> [(key: [UInt8], values: [[UInt8]])]? {
        switch dictionaries {
        case .bundled:
            guard let file = BundledOpenCCData.file(named: name + ".txt") else { return nil }
            do throws(OpenCCTextDictionary.FormatError) {
                return try parseText(file, name: name + ".txt")
            } catch {
                throw dictionaryError(error)
            }
        case .system:
            guard let folder = SystemOpenCCData.dataFolder else {
                throw SystemDictionaryError(path: name + ".ocd2", reason: "no installed OpenCC data folder found")
            }
            let path = folder.appendingPathComponent(name + ".ocd2").path
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            return try SystemDictionaryReader.entries(atPath: path)
        }
    }

    /// Calls `body` with each entry of the dictionary `name` in `dictionaries`, in order: its
    /// key, and its values separated by single spaces as in a text dictionary. Returns `false`
    /// when that data set has no such dictionary.
    ///
    /// For readers of a whole dictionary that need no copy of it: the bundled dictionaries are
    /// read in place, without an array per entry as ``entries(ofDictionary:in:)`` makes.
    ///
    /// - Throws: ``SystemDictionaryError``, as ``entries(ofDictionary:in:)``.
    package static func forEachEntry(
        ofDictionary name: String, in dictionaries: ChineseConverter.Dictionaries,
        _ body: (_ key: UnsafeBufferPointer<UInt8>, _ values: UnsafeBufferPointer<UInt8>) -> Void
    ) throws -> Bool {
        switch dictionaries {
        case .bundled:
            guard let file = BundledOpenCCData.file(named: name + ".txt") else { return false }
            do throws(OpenCCTextDictionary.FormatError) {
                try OpenCCTextDictionary.forEachEntry(in: file, name: name + ".txt") { body($0.key, $0.values) }
            } catch {
                throw dictionaryError(error)
            }
        case .system:
            guard let entries = try entries(ofDictionary: name, in: .system) else { return false }
            var joined: [UInt8] = []
            for entry in entries {
                joined.removeAll(keepingCapacity: true)
                for (index, value) in entry.values.enumerated() {
                    if index > 0 { joined.append(OpenCCTextDictionary.space) }
                    joined.append(contentsOf: value)
                }
                entry.key.withUnsafeBufferPointer { key in joined.withUnsafeBufferPointer { body(key, $0) } }
            }
        }
        return true
    }

    /// A bundled text dictionary's format error, told as the installed data's errors are.
    private static func dictionaryError(_ error: OpenCCTextDictionary.FormatError) -> SystemDictionaryError {
        SystemDictionaryError(path: error.name, reason: error.line.map { "line \($0): \(error.problem)" } ?? error.problem)
    }

    /// Every entry of a text dictionary with all its values (``OpenCCTextDictionary``).
    static func parseText(
        _ bytes: UnsafeBufferPointer<UInt8>, name: String
    ) throws(OpenCCTextDictionary.FormatError) -> [(key: [UInt8], values: [[UInt8]])] {
        var entries: [(key: [UInt8], values: [[UInt8]])] = []
        try OpenCCTextDictionary.forEachEntry(in: bytes, name: name) { entry in
            entries.append((key: Array(entry.key), values: entry.allValues))
        }
        return entries
    }
}
