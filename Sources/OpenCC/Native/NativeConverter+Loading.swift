import COpenCCDictionary
import Foundation

extension NativeConverter {
    /// Loads `configuration` for the native engine with `options`' data and phrases.
    static func load(
        _ configuration: ChineseConverter.Configuration, options: ChineseConverter.Options
    ) throws(OpenCCError) -> NativeConverter {
        do {
            return try loadThrowing(configuration, options: options)
        } catch {
            throw OpenCCError(configuration: configuration, message: error.reason)
        }
    }

    private static func loadThrowing(
        _ configuration: ChineseConverter.Configuration, options: ChineseConverter.Options
    ) throws(NativeEngineError) -> NativeConverter {
        let json: [UInt8]
        let folder: URL?
        let source: DictionarySource
        let keepsSequences: Bool
        switch options.dictionaries {
        case .bundled:
            source = .bundled
            keepsSequences = true
        case .system:
            guard let dataFolder = SystemOpenCCData.dataFolder else {
                throw NativeEngineError(reason: "no installed OpenCC data folder found (is libopencc installed?)")
            }
            source = .system(dataFolder)
            keepsSequences = SystemLibOpenCC.keepsDescriptionSequences
        }
        if case .file(let url) = configuration {
            do {
                json = [UInt8](try Data(contentsOf: url))
            } catch {
                throw NativeEngineError(reason: "cannot read \(url.path): \(error.localizedDescription)")
            }
            folder = url.deletingLastPathComponent()
        } else {
            switch source {
            case .bundled:
                guard let bundled = BundledOpenCCData.configuration(named: configuration.openCCName) else {
                    throw NativeEngineError(reason: "no bundled configuration \(configuration.openCCName)")
                }
                json = Array(bundled)
                folder = nil
            case .system:
                guard let url = SystemOpenCCData.configurationFile(named: configuration.openCCName) else {
                    throw NativeEngineError(
                        reason: "the installed OpenCC has no configuration \(configuration.openCCName) (in \(SystemOpenCCData.dataFolder?.path ?? "?"))")
                }
                do {
                    json = [UInt8](try Data(contentsOf: url))
                } catch {
                    throw NativeEngineError(reason: "cannot read \(url.path): \(error.localizedDescription)")
                }
                folder = url.deletingLastPathComponent()
            }
        }
        let document: ConfigurationDocument
        do {
            document = try ConfigurationDocument(json: json)
        } catch {
            throw NativeEngineError(reason: error.reason)
        }
        var builder = NativeConverterBuilder(source: source, configurationFolder: folder)
        return try builder.build(document, phrases: options.phrases, keepsDescriptionSequences: keepsSequences)
    }
}

/// The installed libopencc's version, and what follows from it for exactness.
public enum SystemLibOpenCC {
    /// The version in the file name of the libopencc this process loaded (no process to run),
    /// else the one pkg-config reports for `opencc`; `nil` when neither says. Debian's
    /// 1.1.6 package names its library 1.1.5, as upstream's build does.
    public static let version: String? = libraryFileVersion() ?? pkgConfigVersion()

    /// OpenCC 1.3.2 and later copy an unmatched ideographic description sequence whole.
    static var keepsDescriptionSequences: Bool {
        guard let version else { return true }
        let parts = version.split(separator: ".").map { Int($0) ?? 0 }
        let padded = parts + Array(repeating: 0, count: max(0, 3 - parts.count))
        return (padded[0], padded[1], padded[2]) >= (1, 3, 2)
    }

    private static func pkgConfigVersion() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        guard
            let tool = path.split(separator: ":").map({ URL(fileURLWithPath: String($0)).appendingPathComponent("pkg-config") })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { return nil }
        let process = Process()
        process.executableURL = tool
        process.arguments = ["--modversion", "opencc"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    private static func libraryFileVersion() -> String? {
        guard let path = hanzi_opencc_library_path().map({ String(cString: $0) }) else { return nil }
        let name = URL(fileURLWithPath: path).resolvingSymlinksInPath().lastPathComponent
        // libopencc.so.1.1.6, libopencc.1.1.6.dylib
        let digits = name.split(separator: ".").filter { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        return digits.isEmpty ? nil : digits.joined(separator: ".")
    }
}
