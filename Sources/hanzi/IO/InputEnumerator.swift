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
    /// A folder the walks leave out: the output folder, when it lies inside an input folder.
    var skipFolder: String?
    /// With `--in-place --backup`: the suffix of the backups, which the walks leave out.
    var backupSuffix: String?
    /// When the run started: the tool's own temporary files older than this, which no live
    /// run holds, are removed by the walks.
    var runStart = time(nil)

    init(recursive: Bool, include: [String], exclude: [String]) {
        self.recursive = recursive
        self.include = include
        self.exclude = exclude
    }

    /// The `--include` globs that select none of `items` (for a warning).
    func unmatchedIncludes(_ items: [InputItem]) -> [String] {
        guard recursive else { return [] }
        return include.filter { glob in
            !items.contains { item in
                let name = item.relativeOutputPath.split(separator: "/").last.map(String.init) ?? item.relativeOutputPath
                return Glob(glob).matches(name: name, relative: item.relativeOutputPath)
            }
        }
    }

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
            if let raw = PathText.invalidArgument(decodedAs: argument) {
                failures.append((PathText.escaped(raw), "a file name that is not UTF-8 is not supported yet; rename the file"))
                continue
            }
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
            let nameBytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            guard let name = String(validating: nameBytes, as: UTF8.self) else {
                failures.append((folder + "/" + PathText.escaped(nameBytes),
                                 "a file name that is not UTF-8 is not supported yet; rename the file"))
                continue
            }
            if name == "." || name == ".." { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if TemporaryFiles.isTemporaryName(name) {
                // The tool's own: never an input; removed when its run has died.
                TemporaryFiles.removeIfStale(path, olderThan: runStart)
                continue
            }
            if let backupSuffix, name.hasSuffix(backupSuffix), name.utf8.count > backupSuffix.utf8.count {
                // A backup of a file beside it (a.txt.orig next to a.txt) is not an input.
                var original = stat()
                if stat(String(path.dropLast(backupSuffix.count)), &original) == 0 { continue }
            }
            let rel = relative.isEmpty ? name : relative + "/" + name
            var lst = stat()
            guard lstat(path, &lst) == 0 else { continue }
            var st = lst
            let isLink = (lst.st_mode & S_IFMT) == S_IFLNK
            if isLink, stat(path, &st) != 0 { continue }  // a dangling link
            if (st.st_mode & S_IFMT) == S_IFDIR {
                // Folders reached through links are not followed (no cycles).
                if isLink || matches(exclude, name: name, relative: rel) { continue }
                if let skipFolder, DestinationChecks.canonical(path) == skipFolder { continue }
                walk(folder: path, relative: rel, into: &items, failures: &failures)
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                if !include.isEmpty, !matches(include, name: name, relative: rel) { continue }
                if matches(exclude, name: name, relative: rel) { continue }
                items.append(InputItem(path: path, relativeOutputPath: rel, size: Int(st.st_size)))
            }
        }
    }

    /// A glob without `/` is matched against the file name, one with `/` against the path
    /// relative to the folder argument (see ``Glob``).
    private func matches(_ globs: [String], name: String, relative: String) -> Bool {
        globs.contains { Glob($0).matches(name: name, relative: relative) }
    }
}
