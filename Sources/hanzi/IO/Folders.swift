#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folder creation and link resolution with the real `errno` in every message (Foundation's
/// `createDirectory` reports every failure as one generic error).
enum Folders {
    /// Creates `path` and its missing parents, like `mkdir -p`.
    static func create(_ path: String) throws {
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return }
            throw FileError(path: path, operation: "cannot create the folder \(path)", code: ENOTDIR)
        }
        let slash = path.lastIndex(of: "/")
        if let slash, slash != path.startIndex {
            try create(String(path[..<slash]))
        }
        if mkdir(path, 0o777) != 0, errno != EEXIST {
            throw FileError(path: path, operation: "cannot create the folder \(path)", code: errno)
        }
    }

    /// The file `path` names once its symbolic links are followed, even when the last one
    /// points to a file that does not exist yet; `path` itself when it is not a link.
    static func followingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var lst = stat()
            guard lstat(current, &lst) == 0, (lst.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                current = target
            } else {
                let folder = current.lastIndex(of: "/").map { String(current[..<$0]) }
                current = folder.map { $0 + "/" + target } ?? target
            }
        }
        return current
    }
}
