#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The checks made before anything is written, so that a run cannot replace a device, a pipe,
/// an input or an earlier backup: each returns the problems found as (name, message) pairs.
enum DestinationChecks {
    /// What kind of file `mode` describes, in words, for messages.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "a regular file"
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }

    /// The canonical path of `path` (links resolved), or nil when it does not exist.
    static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The canonical path `path` would have: its folder resolved, its name kept (for a file
    /// that does not exist yet).
    static func canonicalTarget(_ path: String) -> String {
        if let full = canonical(path) { return full }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let resolvedFolder = canonical(folder.isEmpty ? "/" : folder) else { return path }
        return (resolvedFolder == "/" ? "" : resolvedFolder) + "/" + name
    }

    /// A file that `--in-place` or `-o` would replace must be a regular file (or a link to
    /// one), or, for `-o`, not exist yet.
    static func replaceable(_ path: String, mustExist: Bool) -> String? {
        var st = stat()
        if stat(path, &st) != 0 {
            let code = errno
            var lst = stat()
            if !mustExist, code == ENOENT {
                // Nothing there, or a dangling link (written through to where it points).
                return nil
            }
            if lstat(path, &lst) == 0, (lst.st_mode & S_IFMT) == S_IFLNK {
                return "cannot follow the symbolic link: \(String(cString: strerror(code)))"
            }
            return "cannot open: \(String(cString: strerror(code)))"
        }
        if (st.st_mode & S_IFMT) == S_IFREG { return nil }
        return "is \(kind(st.st_mode)), not a regular file; only regular files are replaced (use a redirection to write to it)"
    }

    /// With `--in-place --backup SUFFIX`: every backup name must be free and must not be one
    /// of the inputs.
    static func backups(of targets: [String], suffix: String) -> [(String, String)] {
        var problems: [(String, String)] = []
        let inputs = Set(targets.map(canonicalTarget))
        for target in targets {
            let backup = target + suffix
            var lst = stat()
            if inputs.contains(canonicalTarget(backup)) {
                problems.append((target, "its backup \(backup) would replace another input; nothing was written"))
            } else if lstat(backup, &lst) == 0 {
                problems.append((target, "the backup \(backup) exists already; remove it or choose another --backup suffix; nothing was written"))
            }
        }
        return problems
    }

    /// With `--output-dir`: it must be a folder (or not exist yet), not an input folder, and no
    /// output may land on an input.
    static func outputFolder(_ outputDir: String, folderArguments: [String], inputs: [String],
                             outputs: [String]) -> [(String, String)] {
        var st = stat()
        if stat(outputDir, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR {
            return [(outputDir, "is \(kind(st.st_mode)), not a folder; --output-dir needs a folder")]
        }
        let out = canonicalTarget(outputDir)
        for folder in folderArguments where canonical(folder) == out {
            return [(outputDir, "is the input folder \(folder); the outputs would replace the inputs; nothing was written")]
        }
        let inputSet = Set(inputs.map(canonicalTarget))
        for (input, output) in zip(inputs, outputs) where inputSet.contains(canonicalTarget(output)) {
            return [(input, "its output \(output) would replace an input; nothing was written")]
        }
        return []
    }
}
