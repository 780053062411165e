#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file path as the system has it: bytes, which need not be UTF-8 (a GBK-encoded Chinese name
/// on a Linux disk). Paths go from the command line and `readdir` to `open`, `rename` and the
/// output folder as these bytes, never through a `String` and back; a `String` is made only
/// for messages (``display``, with the bytes that are not UTF-8 escaped) and to match globs.
///
/// The project's own type rather than swift-system's `FilePath`: the command needs a handful
/// of operations on bytes (join, last component, parent, suffix), and no new dependency for them.
struct PathBytes: Hashable, Sendable {
    /// The path's bytes, without a terminating NUL.
    var bytes: [UInt8]

    init(bytes: some Sequence<UInt8>) { self.bytes = Array(bytes) }

    /// A path written in the program (always UTF-8).
    init(_ text: String) { bytes = Array(text.utf8) }

    /// The path a command-line argument names, as the bytes given (see ``RawArguments``).
    init(argument: String) {
        bytes = RawArguments.bytes(of: argument)
    }

    /// A NUL-terminated copy of a C string, such as `realpath`'s result.
    init(cString: UnsafePointer<CChar>) {
        bytes = Array(UnsafeBufferPointer(start: cString, count: strlen(cString)).map { UInt8(bitPattern: $0) })
    }

    /// The path for messages: UTF-8 as it is, other bytes as `\xNN`.
    var display: String { PathText.escaped(bytes) }

    /// The path decoded for matching globs and file name extensions (bytes that are not UTF-8
    /// become U+FFFD; the path itself is never rebuilt from it).
    var lossyText: String { String(decoding: bytes, as: UTF8.self) }

    /// Calls `body` with the path as a C string.
    func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        let terminated = bytes.map { CChar(bitPattern: $0) } + [0]
        return try terminated.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// `self/name` (no second slash when `self` ends with one).
    func appending(_ name: PathBytes) -> PathBytes {
        if bytes.isEmpty { return name }
        return PathBytes(bytes: bytes.last == slash ? bytes + name.bytes : bytes + [slash] + name.bytes)
    }

    /// The part after the last slash (the whole path when there is none).
    var lastComponent: PathBytes {
        guard let i = bytes.lastIndex(of: slash) else { return self }
        return PathBytes(bytes: bytes[(i + 1)...])
    }

    /// The part before the last slash: `.` when there is no slash, `/` for a file at the root.
    var parent: PathBytes {
        guard let i = bytes.lastIndex(of: slash) else { return PathBytes(".") }
        return i == 0 ? PathBytes("/") : PathBytes(bytes: bytes[..<i])
    }

    /// Whether the path has a slash before its last component.
    var hasParent: Bool { bytes.lastIndex(of: slash).map { $0 > 0 } ?? false }

    func hasSuffix(_ suffix: [UInt8]) -> Bool { bytes.count >= suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix) }

    static func + (path: PathBytes, suffix: [UInt8]) -> PathBytes { PathBytes(bytes: path.bytes + suffix) }

    private var slash: UInt8 { UInt8(ascii: "/") }
}

/// The path-taking system calls the command uses, over ``PathBytes``.
enum PathCalls {
    /// `stat(2)`: the file `path` names, links followed; 0 or -1 with `errno`.
    static func fileStatus(_ path: PathBytes, _ st: inout stat) -> Int32 { path.withCString { stat($0, &st) } }
    /// `lstat(2)`: the file `path` names, a link itself.
    static func linkStatus(_ path: PathBytes, _ st: inout stat) -> Int32 { path.withCString { lstat($0, &st) } }

    /// The canonical path (links resolved), or nil when it does not exist.
    static func canonical(_ path: PathBytes) -> PathBytes? {
        guard let resolved = path.withCString({ realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return PathBytes(cString: resolved)
    }
}
