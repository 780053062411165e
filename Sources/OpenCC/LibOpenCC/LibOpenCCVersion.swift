import COpenCCDictionary
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The version of the libopencc this process runs with.
///
/// libopencc's C API has no version call, and the version its headers were built against may
/// not be the one loaded at run time. The loaded library's file name carries the version the
/// dynamic linker chose (`libopencc.so.1.1.6`, `libopencc.1.1.6.dylib`), so it is read from
/// there: the file that holds `opencc_open` (`dladdr`), with symbolic links resolved. Asking
/// the dynamic linker is cheap; `hanzi` reads this at every start, for its `--version` text.
public enum LibOpenCCVersion {
    /// The loaded libopencc's version, such as `"1.1.6"`; `nil` when the library's file name
    /// carries none (a static link, or an unversioned file).
    public static let loaded: String? = loadedLibraryPath().flatMap(version(inLibraryPath:))

    /// The path of the loaded libopencc, symbolic links resolved.
    static func loadedLibraryPath() -> String? {
        guard let name = hanzi_opencc_library_path() else { return nil }
        guard let resolved = realpath(name, nil) else { return String(cString: name) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The dotted version in a shared library's path: the numbers after `.so.` (Linux) or
    /// between `libopencc.` and `.dylib` (macOS); `nil` when there are none.
    static func version(inLibraryPath path: String) -> String? {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        var candidate: Substring
        if let range = file.firstRange(of: ".so.") {
            candidate = file[range.upperBound...]
        } else if file.hasSuffix(".dylib"), let dot = file.firstIndex(of: ".") {
            candidate = file[file.index(after: dot)...].dropLast(".dylib".count)
        } else {
            return nil
        }
        let parts = candidate.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        return String(candidate)
    }
}
