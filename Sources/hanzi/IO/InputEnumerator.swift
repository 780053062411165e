#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input of a run: standard input, or a file with the path its output mirrors.
struct InputItem: Sendable {
    /// The path to open, or nil for standard input.
    var path: PathBytes?
    /// The path of the output relative to `--output-dir`.
    var relativeOutputPath: PathBytes
    /// The size in bytes, when known.
    var size: Int

    /// The name used in messages (bytes that are not UTF-8 escaped).
    var displayName: String { path?.display ?? "<stdin>" }
}

/// Turns the command line's file and folder arguments into the list of inputs.
struct InputEnumerator {
    var recursive: Bool
    var include: [String]
    var exclude: [String]
    /// A folder the walks leave out: the output folder, when it lies inside an input folder.
    var skipFolder: PathBytes?
    /// With `--in-place --backup`: the suffix of the backups, which the walks leave out.
    var backupSuffix: [UInt8]?
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
                let relative = item.relativeOutputPath
                return Glob(glob).matches(name: relative.lastComponent.lossyText, relative: relative.lossyText)
            }
        }
    }

    /// The inputs, in argument order (a folder's files sorted by path); problems (a missing file,
    /// a folder without `-r`) are returned as failures and do not stop the others. File names
    /// are bytes throughout: a name that is not UTF-8 is processed like any other.
    func inputs(for arguments: [PathBytes]) -> (items: [InputItem], failures: [(String, String)]) {
        var items: [InputItem] = []
        var failures: [(String, String)] = []
        if arguments.isEmpty {
            return ([InputItem(path: nil, relativeOutputPath: PathBytes("stdin"), size: -1)], [])
        }
        for argument in arguments {
            if argument.bytes == [UInt8(ascii: "-")] {
                items.append(InputItem(path: nil, relativeOutputPath: PathBytes("stdin"), size: -1))
                continue
            }
            var st = stat()
            guard PathCalls.fileStatus(argument, &st) == 0 else {
                failures.append((argument.display, "cannot open: \(String(cString: strerror(errno)))"))
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                guard recursive else {
                    failures.append((argument.display, "is a folder (use -r to process the files in it)"))
                    continue
                }
                var found: [InputItem] = []
                walk(folder: argument, relative: nil, into: &found, failures: &failures)
                found.sort { $0.relativeOutputPath.bytes.lexicographicallyPrecedes($1.relativeOutputPath.bytes) }
                items.append(contentsOf: found)
            } else {
                items.append(InputItem(path: argument, relativeOutputPath: argument.lastComponent, size: Int(st.st_size)))
            }
        }
        return (items, failures)
    }

    private func walk(folder: PathBytes, relative: PathBytes?, into items: inout [InputItem], failures: inout [(String, String)]) {
        guard let dir = folder.withCString({ opendir($0) }) else {
            failures.append((folder.display, "cannot open the folder: \(String(cString: strerror(errno)))"))
            return
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = PathBytes(bytes: withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) })
            if name.bytes == [0x2E] || name.bytes == [0x2E, 0x2E] { continue }
            let path = folder.appending(name)
            if TemporaryFiles.isTemporaryName(name.bytes) {
                // The tool's own: never an input; removed when its run has died.
                TemporaryFiles.removeIfStale(path, olderThan: runStart)
                continue
            }
            if let backupSuffix, name.hasSuffix(backupSuffix), name.bytes.count > backupSuffix.count {
                // A backup of a file beside it (a.txt.orig next to a.txt) is not an input.
                var original = stat()
                if PathCalls.fileStatus(PathBytes(bytes: path.bytes.dropLast(backupSuffix.count)), &original) == 0 { continue }
            }
            let rel = relative.map { $0.appending(name) } ?? name
            var lst = stat()
            guard PathCalls.linkStatus(path, &lst) == 0 else { continue }
            var st = lst
            let isLink = (lst.st_mode & S_IFMT) == S_IFLNK
            if isLink, PathCalls.fileStatus(path, &st) != 0 { continue }  // a dangling link
            if (st.st_mode & S_IFMT) == S_IFDIR {
                // Folders reached through links are not followed (no cycles).
                if isLink || matches(exclude, name: name, relative: rel) { continue }
                if let skipFolder, PathCalls.canonical(path) == skipFolder { continue }
                walk(folder: path, relative: rel, into: &items, failures: &failures)
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                if !include.isEmpty, !matches(include, name: name, relative: rel) { continue }
                if matches(exclude, name: name, relative: rel) { continue }
                items.append(InputItem(path: path, relativeOutputPath: rel, size: Int(st.st_size)))
            }
        }
    }

    /// A glob without `/` is matched against the file name, one with `/` against the path
    /// relative to the folder argument (see ``Glob``); bytes that are not UTF-8 match only `*`
    /// and `?`.
    private func matches(_ globs: [String], name: PathBytes, relative: PathBytes) -> Bool {
        globs.contains { Glob($0).matches(name: name.lossyText, relative: relative.lossyText) }
    }
}
