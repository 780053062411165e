#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call on a file, reported as one line: `PATH: cannot open: No such file or directory`.
struct FileError: Error, CustomStringConvertible {
    var path: String
    var operation: String
    var code: Int32

    var description: String {
        "\(operation): \(String(cString: strerror(code)))"
    }
}

/// Reads a file descriptor in large chunks with read(2).
final class FileReader {
    let fd: Int32
    let path: String
    private let owns: Bool

    /// Opens `path` for reading.
    init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw FileError(path: path, operation: "cannot open", code: errno) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw FileError(path: path, operation: "cannot read", code: EISDIR)
        }
        self.fd = fd
        self.path = path
        self.owns = true
    }

    /// Standard input.
    init(standardInputNamed name: String) {
        self.fd = 0
        self.path = name
        self.owns = false
    }

    /// Whether a read would have to wait for more input (a pipe or terminal with nothing in it
    /// yet); never for a regular file.
    var wouldWait: Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) == 0
    }

    /// Reads up to `buffer.count` bytes; 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            #else
            let n = Darwin.read(fd, buffer.baseAddress, buffer.count)
            #endif
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw FileError(path: path, operation: "cannot read", code: errno)
        }
    }

    deinit {
        if owns { close(fd) }
    }
}

/// Writes to a file descriptor through a large buffer.
struct BufferedWriter {
    let fd: Int32
    let path: String
    private var buffer: [UInt8] = []
    private let capacity: Int

    init(fd: Int32, path: String, capacity: Int = 1 << 20) {
        self.fd = fd
        self.path = path
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// Buffers `bytes`, writing when the buffer is full; large arrays are written directly.
    mutating func write(_ bytes: [UInt8]) throws {
        if buffer.count + bytes.count <= capacity {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        if bytes.count >= capacity {
            try bytes.withUnsafeBytes { try BufferedWriter.writeAll(fd, $0, path: path) }
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes out whatever is buffered.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try BufferedWriter.writeAll(fd, $0, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            #else
            let n = Darwin.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, operation: "cannot write", code: errno)
            }
            offset += n
        }
    }
}

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

/// Writes straight to a file that cannot be replaced (a device, a pipe).
final class DirectFileWriter {
    private var writer: BufferedWriter
    private var closed = false

    init(fd: Int32, path: String) {
        writer = BufferedWriter(fd: fd, path: path)
    }

    func write(_ bytes: [UInt8]) throws {
        try writer.write(bytes)
    }

    func close() throws {
        try writer.flush()
        closed = true
        #if canImport(Glibc)
        _ = Glibc.close(writer.fd)
        #else
        _ = Darwin.close(writer.fd)
        #endif
    }

    deinit {
        if !closed {
            #if canImport(Glibc)
            _ = Glibc.close(writer.fd)
            #else
            _ = Darwin.close(writer.fd)
            #endif
        }
    }
}
