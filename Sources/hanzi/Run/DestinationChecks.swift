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

    /// The canonical path `path` would have: its folder resolved, its name kept (for a file
    /// that does not exist yet).
    static func canonicalTarget(_ path: PathBytes) -> PathBytes {
        if let full = PathCalls.canonical(path) { return full }
        guard let folder = PathCalls.canonical(path.parent) else { return path }
        return folder.appending(path.lastComponent)
    }

    /// A file that `--in-place` or `-o` would replace must be a regular file (or a link to
    /// one), or, for `-o`, not exist yet.
    static func replaceable(_ path: PathBytes, mustExist: Bool) -> String? {
        var st = stat()
        if PathCalls.fileStatus(path, &st) != 0 {
            let code = errno
            var lst = stat()
            if !mustExist, code == ENOENT {
                // Nothing there, or a dangling link (written through to where it points).
                return nil
            }
            if PathCalls.linkStatus(path, &lst) == 0, (lst.st_mode & S_IFMT) == S_IFLNK {
                return "cannot follow the symbolic link: \(String(cString: strerror(code)))"
            }
            return "cannot open: \(String(cString: strerror(code)))"
        }
        if (st.st_mode & S_IFMT) == S_IFREG { return nil }
        return "is \(kind(st.st_mode)), not a regular file; only regular files are replaced (use a redirection to write to it)"
    }

    /// With `--in-place --backup SUFFIX`: every backup name must be free and must not be one
    /// of the inputs.
    static func backups(of targets: [PathBytes], suffix: [UInt8]) -> [(String, String)] {
        var problems: [(String, String)] = []
        let inputs = Set(targets.map(canonicalTarget))
        for target in targets {
            let backup = target + suffix
            var lst = stat()
            if inputs.contains(canonicalTarget(backup)) {
                problems.append((target.display, "its backup \(backup.display) would replace another input; nothing was written"))
            } else if PathCalls.linkStatus(backup, &lst) == 0 {
                problems.append((target.display, "the backup \(backup.display) exists already; remove it or choose another --backup suffix; nothing was written"))
            }
        }
        return problems
    }

    /// With `--output-dir`: it must be a folder (or not exist yet), not an input folder, and no
    /// output may land on an input.
    static func outputFolder(_ outputDir: PathBytes, folderArguments: [PathBytes], inputs: [PathBytes],
                             outputs: [PathBytes]) -> [(String, String)] {
        var st = stat()
        if PathCalls.fileStatus(outputDir, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR {
            return [(outputDir.display, "is \(kind(st.st_mode)), not a folder; --output-dir needs a folder")]
        }
        let out = canonicalTarget(outputDir)
        for folder in folderArguments where PathCalls.canonical(folder) == out {
            return [(outputDir.display, "is the input folder \(folder.display); the outputs would replace the inputs; nothing was written")]
        }
        let inputSet = Set(inputs.map(canonicalTarget))
        for (input, output) in zip(inputs, outputs) where inputSet.contains(canonicalTarget(output)) {
            return [(input.display, "its output \(output.display) would replace an input; nothing was written")]
        }
        return []
    }
}
