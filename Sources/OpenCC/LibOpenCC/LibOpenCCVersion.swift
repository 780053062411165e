import COpenCC
import Foundation
#if canImport(Darwin)
import Darwin
#endif

/// The version of the libopencc this process runs with.
///
/// libopencc's C API has no version call, and the version its headers were built against may
/// not be the one loaded at run time. The loaded library's file name carries the version the
/// dynamic linker chose (`libopencc.so.1.1.6`, `libopencc.1.1.6.dylib`), so it is read from
/// there: on Linux from the process's map of loaded files (`/proc/self/maps`), on Apple's
/// systems from the file that holds `opencc_open`, with symbolic links resolved.
public enum LibOpenCCVersion {
    /// The loaded libopencc's version, such as `"1.1.6"`; `nil` when the library's file name
    /// carries none (a static link, or an unversioned file).
    public static let loaded: String? = loadedLibraryPath().flatMap(version(inLibraryPath:))

    /// The path of the loaded libopencc, symbolic links resolved.
    static func loadedLibraryPath() -> String? {
        #if canImport(Darwin)
        let open: @convention(c) (UnsafePointer<CChar>?) -> opencc_t? = opencc_open
        var info = Dl_info()
        guard dladdr(unsafeBitCast(open, to: UnsafeRawPointer.self), &info) != 0,
              let name = info.dli_fname else { return nil }
        return URL(fileURLWithPath: String(cString: name)).resolvingSymlinksInPath().path
        #else
        // Each line: address, permissions, offset, device, inode, path. The library is
        // mapped from the start, since this module links it.
        guard let maps = FileHandle(forReadingAtPath: "/proc/self/maps") else { return nil }
        defer { try? maps.close() }
        guard let data = try? maps.readToEnd() else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            let file = path.split(separator: "/").last ?? ""
            if file.hasPrefix("libopencc.so") || file.hasPrefix("libopencc.") && file.hasSuffix(".so") {
                return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            }
        }
        return nil
        #endif
    }

    /// The dotted version in a shared library's path: the numbers after `.so.` (Linux) or
    /// between `libopencc.` and `.dylib` (macOS); `nil` when there are none.
    static func version(inLibraryPath path: String) -> String? {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        var candidate: Substring
        if let range = file.range(of: ".so.") {
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
