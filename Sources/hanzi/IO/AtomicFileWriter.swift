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
    let target: PathBytes
    let temporaryPath: PathBytes
    /// The target's name in messages.
    private let name: String
    private(set) var writer: BufferedWriter
    private var done = false
    private let keepLinks: Bool
    private var preserve = false

    /// Starts writing a replacement for `target` (which may not exist yet). When `keepModeOf`
    /// names a file, the replacement gets its permissions (and, when allowed, its owner).
    init(target: PathBytes, keepModeOf original: PathBytes?, keepLinks: Bool = false) throws {
        self.target = target
        self.name = target.display
        self.keepLinks = keepLinks
        let folder = target.parent
        let temporaryName = PathBytes(bytes: [UInt8(ascii: ".")] + target.lastComponent.bytes + Array(".hanzi-XXXXXX".utf8))
        var template = folder.appending(temporaryName).bytes.map { CChar(bitPattern: $0) } + [0]
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw FileError(path: name, operation: "cannot create a temporary file in \(folder.display)", code: errno) }
        temporaryPath = PathBytes(bytes: template.dropLast().map { UInt8(bitPattern: $0) })
        // Held while this process lives: a later run removes only temporary files nobody holds.
        _ = flock(fd, LOCK_EX | LOCK_NB)
        TemporaryFiles.register(temporaryPath)
        var mode: mode_t = 0o644
        var st = stat()
        if let original, PathCalls.fileStatus(original, &st) == 0 {
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
            _ = temporaryPath.withCString { unlink($0) }
            throw FileError(path: name, operation: "cannot set permissions", code: code)
        }
        writer = BufferedWriter(fd: fd, path: name)
    }

    func write(_ bytes: [UInt8]) throws {
        try writer.write(bytes)
    }

    /// Flushes, syncs and renames the temporary file over the target; with `backupSuffix`, the
    /// old target is kept as `target + backupSuffix`.
    func commit(backupSuffix: [UInt8]? = nil) throws {
        do {
            try writer.flush()
            if fsync(writer.fd) != 0 { throw FileError(path: name, operation: "cannot sync", code: errno) }
            if close(writer.fd) != 0 { done = true; throw FileError(path: name, operation: "cannot close", code: errno) }
            done = true
            var st = stat()
            if keepLinks, PathCalls.fileStatus(target, &st) == 0, st.st_nlink > 1 {
                if let backupSuffix { try copy(from: target, to: target + backupSuffix, exclusive: true) }
                do {
                    try copy(from: temporaryPath, to: target, exclusive: false)
                } catch {
                    // The complete output is in the temporary file: it stays for the user.
                    preserve = true
                    throw FileError(path: name, operation: "cannot rewrite it in place (the complete output is kept as \(temporaryPath.display))",
                                    code: (error as? FileError)?.code ?? EIO)
                }
                _ = temporaryPath.withCString { unlink($0) }
                TemporaryFiles.unregister(temporaryPath)
                return
            }
            if let backupSuffix {
                // A hard link keeps the old version while the target itself is replaced
                // atomically; where links are not possible, the old version is renamed. An
                // existing backup is never replaced (the run checks for one before writing).
                let backup = target + backupSuffix
                if AtomicFileWriter.hardLink(target, backup) != 0 {
                    let code = errno
                    var existing = stat()
                    if code == EEXIST || PathCalls.linkStatus(backup, &existing) == 0 || AtomicFileWriter.renamePath(target, backup) != 0 {
                        throw FileError(path: name, operation: "cannot keep a backup as \(backup.display)", code: code)
                    }
                }
            }
            if AtomicFileWriter.renamePath(temporaryPath, target) != 0 {
                throw FileError(path: name, operation: "cannot replace", code: errno)
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
        if !preserve { _ = temporaryPath.withCString { unlink($0) } }
        TemporaryFiles.unregister(temporaryPath)
    }

    /// Copies the bytes of `source` into `destination` (its inode kept), synced; `exclusive`
    /// refuses an existing destination.
    private func copy(from source: PathBytes, to destination: PathBytes, exclusive: Bool) throws {
        let input = source.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        if input < 0 { throw FileError(path: name, operation: "cannot read \(source.display)", code: errno) }
        defer { close(input) }
        var st = stat()
        _ = fstat(input, &st)
        let flags = O_WRONLY | O_CLOEXEC | (exclusive ? O_CREAT | O_EXCL : O_TRUNC)
        let output = destination.withCString { open($0, flags, st.st_mode & 0o7777) }
        if output < 0 { throw FileError(path: name, operation: "cannot write \(destination.display)", code: errno) }
        var out = BufferedWriter(fd: output, path: destination.display)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(output)
                throw FileError(path: name, operation: "cannot read \(source.display)", code: code)
            }
            if count == 0 { break }
            do { try out.write(Array(buffer[..<count])) } catch { close(output); throw error }
        }
        do { try out.flush() } catch { close(output); throw error }
        if fsync(output) != 0 || close(output) != 0 {
            throw FileError(path: name, operation: "cannot write \(destination.display)", code: errno)
        }
    }

    private static func syncFolder(of path: PathBytes) {
        let fd = path.parent.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        if fd >= 0 {
            _ = fsync(fd)
            close(fd)
        }
    }

    private static func hardLink(_ from: PathBytes, _ to: PathBytes) -> Int32 {
        from.withCString { f in to.withCString { t in link(f, t) } }
    }

    private static func renamePath(_ from: PathBytes, _ to: PathBytes) -> Int32 {
        from.withCString { f in to.withCString { t in rename(f, t) } }
    }
}
