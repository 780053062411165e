#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file safely: the bytes go to a temporary file in the same folder, which replaces
/// the target only when it is complete and flushed to disk (``commit(backupSuffix:)``). Until
/// then, and on any error, the target is untouched.
final class AtomicFileWriter {
    let target: String
    let temporaryPath: String
    private(set) var writer: BufferedWriter
    private var done = false

    /// Starts writing a replacement for `target` (which may not exist yet). When `keepModeOf`
    /// names a file, the replacement gets its permissions (and, when allowed, its owner).
    init(target: String, keepModeOf original: String?) throws {
        self.target = target
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array("\(folder.isEmpty ? "/" : folder)/.\(name).hanzi-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw FileError(path: target, operation: "cannot create a temporary file in \(folder)", code: errno) }
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var mode: mode_t = 0o644
        var st = stat()
        if let original, stat(original, &st) == 0 {
            mode = st.st_mode & 0o7777
            _ = fchown(fd, st.st_uid, st.st_gid)
        } else {
            // A new file: the usual permissions under the user's umask.
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        if fchmod(fd, mode) != 0 {
            let code = errno
            close(fd)
            unlink(temporaryPath)
            throw FileError(path: target, operation: "cannot set permissions", code: code)
        }
        writer = BufferedWriter(fd: fd, path: target)
    }

    func write(_ bytes: [UInt8]) throws {
        try writer.write(bytes)
    }

    /// Flushes, syncs and renames the temporary file over the target; with `backupSuffix`, the
    /// old target is kept as `target + backupSuffix`.
    func commit(backupSuffix: String? = nil) throws {
        do {
            try writer.flush()
            if fsync(writer.fd) != 0 { throw FileError(path: target, operation: "cannot sync", code: errno) }
            if close(writer.fd) != 0 { done = true; throw FileError(path: target, operation: "cannot close", code: errno) }
            done = true
            if let backupSuffix {
                // A hard link keeps the old version while the target itself is replaced
                // atomically; where links are not possible, the old version is renamed.
                let backup = target + backupSuffix
                if unlink(backup) != 0, errno != ENOENT {
                    throw FileError(path: target, operation: "cannot replace the backup \(backup)", code: errno)
                }
                if link(target, backup) != 0, rename(target, backup) != 0, errno != ENOENT {
                    throw FileError(path: target, operation: "cannot keep a backup as \(backup)", code: errno)
                }
            }
            if rename(temporaryPath, target) != 0 {
                throw FileError(path: target, operation: "cannot replace", code: errno)
            }
            AtomicFileWriter.syncFolder(of: target)
        } catch {
            abort()
            throw error
        }
    }

    /// Throws the temporary file away.
    func abort() {
        if !done {
            close(writer.fd)
            done = true
        }
        unlink(temporaryPath)
    }

    private static func syncFolder(of path: String) {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let fd = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            _ = fsync(fd)
            close(fd)
        }
    }
}
