#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input of a run: standard input, or a file with the path its output mirrors.
struct InputItem: Sendable {
    /// The path to open, or nil for standard input.
    var path: String?
    /// The path of the output relative to `--output-dir`.
    var relativeOutputPath: String
    /// The size in bytes, when known.
    var size: Int

    /// The name used in messages.
    var displayName: String { path ?? "<stdin>" }
}

/// Turns the command line's file and folder arguments into the list of inputs.
struct InputEnumerator {
    var recursive: Bool
    var include: [String]
    var exclude: [String]

    /// The inputs, in argument order (a folder's files sorted by path); problems (a missing file,
    /// a folder without `-r`) are returned as failures and do not stop the others.
    func inputs(for arguments: [String]) -> (items: [InputItem], failures: [(String, String)]) {
        var items: [InputItem] = []
        var failures: [(String, String)] = []
        if arguments.isEmpty {
            return ([InputItem(path: nil, relativeOutputPath: "stdin", size: -1)], [])
        }
        for argument in arguments {
            if argument == "-" {
                items.append(InputItem(path: nil, relativeOutputPath: "stdin", size: -1))
                continue
            }
            var st = stat()
            guard stat(argument, &st) == 0 else {
                failures.append((argument, "cannot open: \(String(cString: strerror(errno)))"))
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                guard recursive else {
                    failures.append((argument, "is a folder (use -r to process the files in it)"))
                    continue
                }
                var found: [InputItem] = []
                walk(folder: argument, relative: "", into: &found, failures: &failures)
                found.sort { $0.relativeOutputPath.utf8.lexicographicallyPrecedes($1.relativeOutputPath.utf8) }
                items.append(contentsOf: found)
            } else {
                let name = argument.split(separator: "/").last.map(String.init) ?? argument
                items.append(InputItem(path: argument, relativeOutputPath: name, size: Int(st.st_size)))
            }
        }
        return (items, failures)
    }

    private func walk(folder: String, relative: String, into items: inout [InputItem], failures: inout [(String, String)]) {
        guard let dir = opendir(folder) else {
            failures.append((folder, "cannot open the folder: \(String(cString: strerror(errno)))"))
            return
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var lst = stat()
            guard lstat(path, &lst) == 0 else { continue }
            var st = lst
            let isLink = (lst.st_mode & S_IFMT) == S_IFLNK
            if isLink, stat(path, &st) != 0 { continue }  // a dangling link
            if (st.st_mode & S_IFMT) == S_IFDIR {
                // Folders reached through links are not followed (no cycles).
                if isLink || matches(exclude, name: name, relative: rel) { continue }
                walk(folder: path, relative: rel, into: &items, failures: &failures)
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                if !include.isEmpty, !matches(include, name: name, relative: rel) { continue }
                if matches(exclude, name: name, relative: rel) { continue }
                items.append(InputItem(path: path, relativeOutputPath: rel, size: Int(st.st_size)))
            }
        }
    }

    /// A glob without `/` is matched against the file name, one with `/` against the path
    /// relative to the folder argument.
    private func matches(_ globs: [String], name: String, relative: String) -> Bool {
        for glob in globs {
            if glob.contains("/") {
                if fnmatch(glob, relative, FNM_PATHNAME) == 0 { return true }
            } else if fnmatch(glob, name, 0) == 0 {
                return true
            }
        }
        return false
    }
}
