import COpenCC
import Foundation
import OpenCC

/// An installed OpenCC configuration as the exactness tests use it: its file, the `.ocd2`
/// dictionaries it names, the phrases of those dictionaries (material for generated text), and
/// libopencc itself as the oracle.
final class SystemConfigurationData {
    let name: String
    let file: URL
    let dictionaryFiles: [URL]
    private let handle: opencc_t

    private init(name: String, file: URL) throws {
        self.name = name
        self.file = file
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
        var names: [String] = []
        SystemConfigurationData.collectDictionaryFiles(json, into: &names)
        var seen = Set<String>()
        dictionaryFiles = names.filter { seen.insert($0).inserted }
            .map { file.deletingLastPathComponent().appendingPathComponent($0) }
        // libopencc keeps its last error in a global: one opening at a time.
        handle = try SystemConfigurationData.openLock.withLock { () throws(OpenCCError) -> opencc_t in
            guard let handle = opencc_open(file.path), handle != UnsafeMutableRawPointer(bitPattern: -1) else {
                throw OpenCCError(configuration: .file(file), message: String(cString: opencc_error()))
            }
            return handle
        }
    }

    deinit { opencc_close(handle) }

    private static let openLock = Locked()

    /// The installed configuration `name`, loaded by libopencc.
    static func named(_ name: String) throws -> SystemConfigurationData {
        guard let file = SystemOpenCCData.configurationFile(named: name) else {
            throw SystemDictionaryError(path: name + ".json", reason: "not an installed configuration")
        }
        return try SystemConfigurationData(name: name, file: file)
    }

    /// Every `file` named by a dictionary in the configuration (segmentation and conversion
    /// chain, groups included), in the order the JSON names them.
    private static func collectDictionaryFiles(_ node: Any, into names: inout [String]) {
        if let object = node as? [String: Any] {
            if let file = object["file"] as? String { names.append(file) }
            for key in object.keys.sorted() { collectDictionaryFiles(object[key]!, into: &names) }
        } else if let array = node as? [Any] {
            for element in array { collectDictionaryFiles(element, into: &names) }
        }
    }

    /// Every key and every value of the configuration's dictionaries, read through libopencc.
    func phrases() throws -> [[UInt8]] {
        var all: [[UInt8]] = []
        for url in dictionaryFiles {
            for entry in try SystemDictionaryReader.entries(atPath: url.path) {
                all.append(entry.key)
                all += entry.values
            }
        }
        return all
    }

    /// libopencc's conversion of `bytes`: one `opencc_convert_utf8` call per NUL-free run, NULs
    /// kept (libopencc's C interface stops at NUL).
    func libopencc(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0 { end += 1 }
            if end > start { output += convertRun(bytes[start..<end]) }
            if end < bytes.count { output.append(0) }
            start = end + 1
        }
        return output
    }

    private func convertRun(_ run: ArraySlice<UInt8>) -> [UInt8] {
        let result = run.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { opencc_convert_utf8(handle, $0.baseAddress, $0.count) }
        }!
        defer { opencc_convert_utf8_free(result) }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(result).assumingMemoryBound(to: UInt8.self),
                                         count: strlen(result)))
    }
}
