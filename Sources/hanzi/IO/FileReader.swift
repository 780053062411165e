#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HanziCore

/// Reads a file descriptor in large chunks with read(2).
final class FileReader {
    let fd: Int32
    /// The name in messages.
    let path: String
    private let owns: Bool

    /// Opens `path` for reading.
    init(path: PathBytes) throws {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        if fd < 0 { throw FileError(path: path.display, operation: "cannot open", code: errno) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw FileError(path: path.display, operation: "cannot read", code: EISDIR)
        }
        self.fd = fd
        self.path = path.display
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
        do {
            return try SystemIO.read(fd, into: buffer)
        } catch {
            throw FileError(path: path, operation: "cannot read", error)
        }
    }

    deinit {
        if owns { close(fd) }
    }
}
