#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file safely: the bytes go to a temporary file in the same folder, which replaces
/// the target only when it is complete and flushed to disk (``commit(backupSuffix:)``). Until
/// then, and on any error, the target is untouched.
///
/// Replacing a file gives the name a new inode, so a hard link to the old file keeps the old
/// bytes (as with `sed -i`). With `keepLinks`, a file with other hard links is instead
/// rewritten in place once the complete temporary copy is safe on disk: the links stay, but a
/// crash during that last copy can leave the file half written (the copy is then the backup
/// if one was asked for).
final class AtomicFileWriter {
    let target: String
    let temporaryPath: String
    private(set) var writer: BufferedWriter
    private var done = false
    private let keepLinks: Bool
    private var preserve = false

    /// Starts writing a replacement for `target` (which may not exist yet). When `keepModeOf`
    /// names a file, the replacement gets its permissions (and, when allowed, its owner).
    init(target: String, keepModeOf original: String?, keepLinks: Bool = false) throws {
        self.target = target
        self.keepLinks = keepLinks
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array("\(folder.isEmpty ? "/" : folder)/.\(name).hanzi-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw FileError(path: target, operation: "cannot create a temporary file in \(folder)", code: errno) }
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // Held while this process lives: a later run removes only temporary files nobody holds.
        _ = flock(fd, LOCK_EX | LOCK_NB)
        TemporaryFiles.register(temporaryPath)
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
            var st = stat()
            if keepLinks, stat(target, &st) == 0, st.st_nlink > 1 {
                if let backupSuffix { try copy(from: target, to: target + backupSuffix, exclusive: true) }
                do {
                    try copy(from: temporaryPath, to: target, exclusive: false)
                } catch {
                    // The complete output is in the temporary file: it stays for the user.
                    preserve = true
                    throw FileError(path: target, operation: "cannot rewrite it in place (the complete output is kept as \(temporaryPath))",
                                    code: (error as? FileError)?.code ?? EIO)
                }
                unlink(temporaryPath)
                TemporaryFiles.unregister(temporaryPath)
                return
            }
            if let backupSuffix {
                // A hard link keeps the old version while the target itself is replaced
                // atomically; where links are not possible, the old version is renamed. An
                // existing backup is never replaced (the run checks for one before writing).
                let backup = target + backupSuffix
                if link(target, backup) != 0 {
                    let code = errno
                    var existing = stat()
                    if code == EEXIST || lstat(backup, &existing) == 0 || rename(target, backup) != 0 {
                        throw FileError(path: target, operation: "cannot keep a backup as \(backup)", code: code)
                    }
                }
            }
            if rename(temporaryPath, target) != 0 {
                throw FileError(path: target, operation: "cannot replace", code: errno)
            }
            TemporaryFiles.unregister(temporaryPath)
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
        if !preserve { unlink(temporaryPath) }
        TemporaryFiles.unregister(temporaryPath)
    }

    /// Copies the bytes of `source` into `destination` (its inode kept), synced; `exclusive`
    /// refuses an existing destination.
    private func copy(from source: String, to destination: String, exclusive: Bool) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        if input < 0 { throw FileError(path: target, operation: "cannot read \(source)", code: errno) }
        defer { close(input) }
        var st = stat()
        _ = fstat(input, &st)
        let flags = O_WRONLY | O_CLOEXEC | (exclusive ? O_CREAT | O_EXCL : O_TRUNC)
        let output = open(destination, flags, st.st_mode & 0o7777)
        if output < 0 { throw FileError(path: target, operation: "cannot write \(destination)", code: errno) }
        var out = BufferedWriter(fd: output, path: destination)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(output)
                throw FileError(path: target, operation: "cannot read \(source)", code: code)
            }
            if count == 0 { break }
            do { try out.write(Array(buffer[..<count])) } catch { close(output); throw error }
        }
        do { try out.flush() } catch { close(output); throw error }
        if fsync(output) != 0 || close(output) != 0 {
            throw FileError(path: target, operation: "cannot write \(destination)", code: errno)
        }
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
