import COpenCCDictionary
import HanziCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where the installed libopencc keeps its configurations and `.ocd2` dictionaries, and which
/// configurations it has.
///
/// The folder is found the way libopencc's own install lays it out, without any fixed path:
/// 1. next to the libopencc library this process loaded (`<prefix>/lib/…/libopencc.*` →
///    `<prefix>/share/opencc`): `/usr/share/opencc` on Debian, Homebrew's
///    `…/opencc/share/opencc` on macOS;
/// 2. otherwise from pkg-config (found on `PATH`): `datadir` of the `opencc` entry, else its
///    `prefix` followed by `share/opencc`.
///
/// A candidate counts only when it holds at least one configuration (`*.json`).
///
/// ```swift
/// if let folder = SystemOpenCCData.dataFolder {
///     print(folder.path)                              // /usr/share/opencc
///     print(SystemOpenCCData.installedConfigurations) // ["hk2s", "hk2t", "jp2t", …]
/// }
/// ```
public enum SystemOpenCCData {
    /// The installed OpenCC data folder, or `nil` when none is found. Looked up once per process.
    public static let dataFolder: URL? = locateDataFolder()

    /// The names (`"s2t"`, without `.json`) of the configurations in ``dataFolder``, sorted;
    /// empty when no folder is found.
    public static var installedConfigurations: [String] {
        guard let folder = dataFolder else { return [] }
        return configurations(in: folder)
    }

    /// The names (without `.json`) of the configuration files in `folder`, sorted by their
    /// UTF-8 bytes; empty when the folder cannot be listed.
    public static func configurations(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && $0.count > 5 }
            .map { String($0.dropLast(5)) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The configuration file of the installed configuration `name` (`"s2t"` or `"s2t.json"`),
    /// or `nil` when ``dataFolder`` has no such file.
    public static func configurationFile(named name: String) -> URL? {
        guard let folder = dataFolder else { return nil }
        let fileName = name.hasSuffix(".json") ? name : name + ".json"
        let file = folder.appendingPathComponent(fileName)
        return FileManager.default.isReadableFile(atPath: file.path) ? file : nil
    }

    /// The folders tried, in order, whether or not they exist.
    public static func candidateFolders() -> [URL] {
        var candidates: [URL] = []
        if let library = hanzi_opencc_library_path().map({ String(cString: $0) }) {
            candidates += foldersBeside(library: URL(fileURLWithPath: library).resolvingSymlinksInPath())
        }
        if let datadir = pkgConfigVariable("datadir"), !datadir.isEmpty {
            candidates.append(URL(fileURLWithPath: datadir).appendingPathComponent("opencc"))
        }
        if let prefix = pkgConfigVariable("prefix"), !prefix.isEmpty {
            candidates.append(URL(fileURLWithPath: prefix).appendingPathComponent("share/opencc"))
        }
        return candidates
    }

    /// `<ancestor>/share/opencc` for the library's folder and its next two ancestors, which
    /// covers `<prefix>/lib` and Debian's `<prefix>/lib/<multiarch>`.
    package static func foldersBeside(library: URL) -> [URL] {
        var folders: [URL] = []
        var ancestor = library.deletingLastPathComponent()
        for _ in 0..<3 {
            ancestor = ancestor.deletingLastPathComponent()
            folders.append(ancestor.appendingPathComponent("share/opencc"))
            if ancestor.path == "/" { break }
        }
        return folders
    }

    private static func locateDataFolder() -> URL? {
        if let library = hanzi_opencc_library_path().map({ String(cString: $0) }) {
            let beside = foldersBeside(library: URL(fileURLWithPath: library).resolvingSymlinksInPath())
            if let found = beside.first(where: { !configurations(in: $0).isEmpty }) { return found }
        }
        return candidateFolders().first { !configurations(in: $0).isEmpty }
    }

    /// `pkg-config --variable=NAME opencc`, with pkg-config found on `PATH`; `nil` when
    /// pkg-config or the entry is missing.
    private static func pkgConfigVariable(_ name: String) -> String? {
        pkgConfig(["--variable=\(name)", "opencc"])
    }

    /// What `pkg-config ARGUMENTS` prints, trimmed, with pkg-config found on `PATH`; `nil` when
    /// pkg-config is missing or fails.
    static func pkgConfig(_ arguments: [String]) -> String? {
        guard let tool = executableOnPath("pkg-config"),
              let output = CommandOutput.run(tool.path, arguments) else { return nil }
        // trimmed of ASCII white space (pkg-config ends its line with a line feed)
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte &- 0x09 < 5 }
        let text = output.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        return String(decoding: text, as: UTF8.self)
    }

    private static func executableOnPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
