import Foundation
import OpenCC
import HanziTestSupport

/// The native engine as the exactness tests drive it: on the installed data (against
/// libopencc) and on the bundled data (against OpenCC 1.4.2).
enum NativeEngineUnderTest {
    /// The native engine on the installed configuration file `url` and the installed dictionaries.
    static func system(configurationFile url: URL) throws -> ([UInt8]) throws -> [UInt8] {
        let converter = try ChineseConverter(.file(url), options: .init(engine: .native, dictionaries: .system))
        return { try converter.convert(utf8: $0) }
    }

    /// The native engine on the bundled configuration `name` and the bundled dictionaries.
    static func bundled(configuration name: String) throws -> ([UInt8]) throws -> [UInt8] {
        guard let configuration = ChineseConverter.Configuration(openCCName: name) else {
            throw SystemDictionaryError(path: name, reason: "not a bundled configuration")
        }
        let converter = try ChineseConverter(configuration, options: .init(engine: .native, dictionaries: .bundled))
        return { try converter.convert(utf8: $0) }
    }

    static var bundledConfigurationNames: [String] { BundledOpenCCData.configurationNames }

    /// The keys and values of the dictionaries the bundled configuration `name` names, read
    /// from the repository's `Tables/opencc` (OpenCC's text format: `key<TAB>value value…`).
    static func bundledPhrases(configuration name: String) throws -> [[UInt8]] {
        let folder = try RepositoryRoot.existing("Tables/opencc")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("config/\(name).json")))
        var files: [String] = []
        func collect(_ node: Any) {
            if let object = node as? [String: Any] {
                if let file = object["file"] as? String { files.append(file) }
                for key in object.keys.sorted() { collect(object[key]!) }
            } else if let array = node as? [Any] {
                array.forEach(collect)
            }
        }
        collect(json)
        var phrases: [[UInt8]] = []
        for file in Set(files).sorted() {
            let bytes = try Repository.bytes(of: folder.appendingPathComponent(file))
            for line in bytes.split(separator: 0x0A) where line.first != 0x23 {
                let fields = line.split(separator: 0x09, maxSplits: 1)
                guard let key = fields.first, !key.isEmpty else { continue }
                phrases.append(Array(key))
                if fields.count > 1 {
                    phrases += fields[1].split(separator: 0x20).map { Array($0.filter { $0 != 0x0D }) }
                }
            }
        }
        return phrases
    }
}
