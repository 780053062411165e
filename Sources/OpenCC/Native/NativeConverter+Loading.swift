import COpenCCDictionary
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
            json = try NativeConverterBuilder.readFile(url)
            folder = url.deletingLastPathComponent()
        } else {
            switch source {
            case .bundled:
                if let stored = try precompiled(configuration.openCCName) {
                    var builder = NativeConverterBuilder(source: source, configurationFolder: nil)
                    return try builder.build(stored, phrases: options.phrases)
                }
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
                json = try NativeConverterBuilder.readFile(url)
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

    /// The bundled configuration `name` as `make tables` compiled it, `nil` when the binary
    /// has none for it.
    private static func precompiled(_ name: String) throws(NativeEngineError) -> PrecompiledOpenCCData.Configuration? {
        let bare = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        do {
            return try PrecompiledOpenCCData.configuration(named: bare)
        } catch {
            throw NativeEngineError(
                reason: "the compiled tables of the bundled configuration \(bare) are damaged (\(error.reason)); rebuild them with make tables")
        }
    }

    /// Compiles every bundled configuration from the text dictionaries, in the stored form
    /// `make tables` embeds (``PrecompiledOpenCCData``).
    static func precompiledImage() throws(NativeEngineError) -> [UInt8] {
        var configurations: [(name: String, configuration: PrecompiledOpenCCData.Configuration)] = []
        for name in BundledOpenCCData.configurationNames {
            guard let json = BundledOpenCCData.configuration(named: name) else {
                throw NativeEngineError(reason: "no bundled configuration \(name)")
            }
            let document: ConfigurationDocument
            do {
                document = try ConfigurationDocument(json: Array(json))
            } catch {
                throw NativeEngineError(reason: error.reason)
            }
            var builder = NativeConverterBuilder(source: .bundled, configurationFolder: nil)
            builder.recordsTables = true
            let converter = try builder.build(document, phrases: [], keepsDescriptionSequences: true)
            configurations.append((name, builder.stored(converter)))
        }
        return PrecompiledOpenCCData.image(configurations)
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
        guard let version = SystemOpenCCData.pkgConfig(["--modversion", "opencc"]), !version.isEmpty else { return nil }
        return version
    }

    private static func libraryFileVersion() -> String? {
        guard let path = hanzi_opencc_library_path().map({ String(cString: $0) }) else { return nil }
        let name = URL(fileURLWithPath: path).resolvingSymlinksInPath().lastPathComponent
        // libopencc.so.1.1.6, libopencc.1.1.6.dylib
        let digits = name.split(separator: ".").filter { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        return digits.isEmpty ? nil : digits.joined(separator: ".")
    }
}
