import HanziCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files the tool writes beside its outputs (`.NAME.hanzi-XXXXXX`): the ones
/// this run has open, removed when a signal ends it, and the stale ones of runs that died.
///
/// A writer holds an exclusive `flock` on its temporary file while it lives; the lock goes
/// with the process, however it ends. A file nobody holds a lock on is therefore stale, and
/// removing it cannot touch the work of a run still going.
enum TemporaryFiles {
    /// The paths of this run's temporary files, as C strings ready for the signal handler.
    private static let live = Locked<[PathBytes: [CChar]]>([:])

    static func register(_ path: PathBytes) {
        live.withLock { $0[path] = path.bytes.map { CChar(bitPattern: $0) } + [0] }
    }

    static func unregister(_ path: PathBytes) {
        _ = live.withLock { $0.removeValue(forKey: path) }
    }

    /// Removes every temporary file this run has open (when a signal ends the run).
    static func removeAll() {
        let paths = live.withLock { Array($0.values) }
        for path in paths { _ = path.withUnsafeBufferPointer { unlink($0.baseAddress!) } }
    }

    /// Whether `name` has the form of the tool's temporary files: `.NAME.hanzi-` and six characters.
    static func isTemporaryName(_ bytes: [UInt8]) -> Bool {
        let marker = Array(".hanzi-".utf8)
        guard bytes.count >= 1 + 1 + marker.count + 6, bytes[0] == UInt8(ascii: ".") else { return false }
        let start = bytes.count - 6 - marker.count
        return Array(bytes[start..<(start + marker.count)]) == marker
    }

    /// Removes `path`, a temporary file of the tool, when it was last written before `time`
    /// and no running process holds it.
    static func removeIfStale(_ path: PathBytes, olderThan time: time_t) {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) }
        guard fd >= 0 else { return }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_mtim.tv_sec < time,
              flock(fd, LOCK_EX | LOCK_NB) == 0 else { return }
        _ = path.withCString { unlink($0) }
    }
}
