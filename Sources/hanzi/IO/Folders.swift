#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folder creation and link resolution with the real `errno` in every message (Foundation's
/// `createDirectory` reports every failure as one generic error).
enum Folders {
    /// Creates `path` and its missing parents, like `mkdir -p`.
    static func create(_ path: PathBytes) throws {
        var st = stat()
        if PathCalls.fileStatus(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return }
            throw FileError(path: path.display, operation: "cannot create the folder \(path.display)", code: ENOTDIR)
        }
        if path.hasParent { try create(path.parent) }
        if path.withCString({ mkdir($0, 0o777) }) != 0, errno != EEXIST {
            throw FileError(path: path.display, operation: "cannot create the folder \(path.display)", code: errno)
        }
    }

    /// The file `path` names once its symbolic links are followed, even when the last one
    /// points to a file that does not exist yet; `path` itself when it is not a link.
    static func followingLinks(_ path: PathBytes) -> PathBytes {
        var current = path
        for _ in 0..<40 {
            var lst = stat()
            guard PathCalls.linkStatus(current, &lst) == 0, (lst.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = current.withCString { readlink($0, &buffer, buffer.count - 1) }
            guard count > 0 else { return current }
            let target = PathBytes(bytes: buffer[..<count].map { UInt8(bitPattern: $0) })
            if target.bytes.first == UInt8(ascii: "/") {
                current = target
            } else {
                current = current.hasParent || current.bytes.first == UInt8(ascii: "/") ? current.parent.appending(target) : target
            }
        }
        return current
    }
}
