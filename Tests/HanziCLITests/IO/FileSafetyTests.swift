import Foundation
import HanziTestSupport
import Testing

/// What a run may replace, and what it leaves behind: devices, FIFOs, links, backups, output
/// folders, the tool's own temporary files, and runs ended by a signal.
@Suite struct FileSafetyTests {
    typealias H = HanziBinary
    var fm: FileManager { FileManager.default }

    static func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func text(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    static func oneErrorLine(_ run: HanziBinary.Result, _ words: String) {
        #expect(run.status == 1)
        #expect(run.stderrText.contains(words), "\(run.stderrText)")
    }

    @Test func inPlaceRefusesFIFOsDevicesAndStandardInput() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let fifo = root.appendingPathComponent("f")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let run = try H.run(["normalize", "--in-place", "f"], in: root)
        Self.oneErrorLine(run, "f: is a FIFO, not a regular file")
        var st = stat()
        #expect(lstat(fifo.path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
        let null = try H.run(["normalize", "--in-place", "/dev/null"])
        Self.oneErrorLine(null, "/dev/null: is a character device")
        let stdin = try H.run(["normalize", "--in-place", "/dev/stdin"], input: Array("x".utf8))
        #expect(stdin.status == 1)
        #expect(lstat("/dev/stdin", &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK)
    }

    @Test func outputRefusesDevicesAndWritesThroughALink() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        try Self.write("汉字\n", root.appendingPathComponent("in.txt"))
        Self.oneErrorLine(try H.run(["convert", "-c", "s2t", "in.txt", "-o", "/dev/null"], in: root),
                          "/dev/null: is a character device")
        try Self.write("old\n", root.appendingPathComponent("real.txt"))
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "real.txt")
        let run = try H.run(["convert", "-c", "s2t", "in.txt", "-o", "link"], in: root)
        #expect(run.status == 0, "\(run.stderrText)")
        #expect(try fm.destinationOfSymbolicLink(atPath: root.appendingPathComponent("link").path) == "real.txt")
        #expect(try Self.text(root.appendingPathComponent("real.txt")) == "漢字\n")
        // A dangling link: the file it names is created.
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("dangling").path, withDestinationPath: "new.txt")
        #expect(try H.run(["convert", "-c", "s2t", "in.txt", "-o", "dangling"], in: root).status == 0)
        #expect(try Self.text(root.appendingPathComponent("new.txt")) == "漢字\n")
    }

    @Test func backupsNeverReplaceAnInputOrAnEarlierBackup() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        try Self.write("a\n", root.appendingPathComponent("notes"))
        try Self.write("b\n", root.appendingPathComponent("notes.txt"))
        let clash = try H.run(["normalize", "--in-place", "--backup", ".txt", "notes", "notes.txt"], in: root)
        Self.oneErrorLine(clash, "would replace another input")
        #expect(try Self.text(root.appendingPathComponent("notes.txt")) == "b\n")
        try Self.write("中,文\n", root.appendingPathComponent("t.txt"))
        try Self.write("old\n", root.appendingPathComponent("t.txt.orig"))
        let existing = try H.run(["normalize", "--in-place", "--backup", ".orig", "t.txt"], in: root)
        Self.oneErrorLine(existing, "t.txt.orig exists already")
        #expect(try Self.text(root.appendingPathComponent("t.txt.orig")) == "old\n")
        #expect(try Self.text(root.appendingPathComponent("t.txt")) == "中,文\n")
    }

    @Test func outputFolderChecks() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        try Self.write("汉字\n", root.appendingPathComponent("d/a.txt"))
        Self.oneErrorLine(try H.run(["convert", "-c", "s2t", "-r", "d", "--output-dir", "d/"], in: root), "is the input folder")
        Self.oneErrorLine(try H.run(["convert", "-c", "s2t", "d/a.txt", "--output-dir", "d"], in: root), "would replace an input")
        #expect(try Self.text(root.appendingPathComponent("d/a.txt")) == "汉字\n")
        try Self.write("x", root.appendingPathComponent("file"))
        let regular = try H.run(["convert", "-c", "s2t", "d/a.txt", "--output-dir", "file"], in: root)
        Self.oneErrorLine(regular, "file: is a regular file, not a folder")
        #expect(!regular.stderrText.contains("Permission denied"))
        // Inside the input folder: allowed, and the next run does not walk into it.
        for _ in 0..<2 {
            let run = try H.run(["convert", "-c", "s2t", "-r", "d", "--output-dir", "d/out"], in: root)
            #expect(run.status == 0, "\(run.stderrText)")
        }
        #expect(try Self.text(root.appendingPathComponent("d/out/a.txt")) == "漢字\n")
        #expect(!fm.fileExists(atPath: root.appendingPathComponent("d/out/out").path))
    }

    @Test func keepLinksRewritesTheSharedInode() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let a = root.appendingPathComponent("a.txt"), b = root.appendingPathComponent("b.txt")
        try Self.write("汉字\n", a)
        #expect(link(a.path, b.path) == 0)
        // By default the name gets a new file and the other link keeps the old text.
        #expect(try H.run(["convert", "-c", "s2t", "--in-place", "a.txt"], in: root).status == 0)
        #expect(try Self.text(a) == "漢字\n")
        #expect(try Self.text(b) == "汉字\n")
        try fm.removeItem(at: a)
        #expect(link(b.path, a.path) == 0)
        let run = try H.run(["convert", "-c", "s2t", "--in-place", "--keep-links", "--backup", ".orig", "a.txt"], in: root)
        #expect(run.status == 0, "\(run.stderrText)")
        #expect(try Self.text(a) == "漢字\n")
        #expect(try Self.text(b) == "漢字\n")
        #expect(try Self.text(root.appendingPathComponent("a.txt.orig")) == "汉字\n")
        #expect(try fm.contentsOfDirectory(atPath: root.path).sorted() == ["a.txt", "a.txt.orig", "b.txt"])
    }

    @Test func walksSkipTheToolsOwnFilesAndRemoveStaleTemporaryFiles() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        try Self.write("汉字\n", root.appendingPathComponent("d/a.txt"))
        let stale = root.appendingPathComponent("d/.a.txt.hanzi-Ab12Cd")
        try Self.write("half", stale)
        // Older than the run, held by no process: a leftover of a run that died.
        var times = utimbuf(actime: 1_000_000, modtime: 1_000_000)
        #expect(utime(stale.path, &times) == 0)
        let first = try H.run(["convert", "-c", "s2t", "-r", "d", "--in-place", "--backup", ".orig"], in: root)
        #expect(first.status == 0, "\(first.stderrText)")
        #expect(!fm.fileExists(atPath: stale.path))
        #expect(try fm.contentsOfDirectory(atPath: root.appendingPathComponent("d").path).sorted() == ["a.txt", "a.txt.orig"])
        // A second run neither processes the backup (no a.txt.orig.orig) nor replaces it.
        let second = try H.run(["convert", "-c", "s2t", "-r", "d", "--in-place", "--backup", ".orig"], in: root)
        Self.oneErrorLine(second, "exists already")
        #expect(!fm.fileExists(atPath: root.appendingPathComponent("d/a.txt.orig.orig").path))
    }

    @Test func globsWithDoubleStarAndBracesAndAWarningForNoMatch() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        try Self.write("1\n", root.appendingPathComponent("t/a.md"))
        try Self.write("2\n", root.appendingPathComponent("t/x/y/b.md"))
        try Self.write("3\n", root.appendingPathComponent("t/x/c.txt"))
        try Self.write("4\n", root.appendingPathComponent("t/x/d.csv"))
        #expect(try H.run(["normalize", "-r", "t", "--include", "**/*.md"], in: root).stdoutText == "1\n2\n")
        #expect(try H.run(["normalize", "-r", "t", "--include", "*.{md,txt}"], in: root).stdoutText == "1\n3\n2\n")
        #expect(try H.run(["normalize", "-r", "t", "--include", "x/**/*.{csv,md}"], in: root).stdoutText == "4\n2\n")
        let none = try H.run(["normalize", "-r", "t", "--include", "*.zzz", "--include", "*.csv"], in: root)
        #expect(none.status == 0)
        #expect(none.stdoutText == "4\n")
        #expect(none.stderrText == "hanzi: warning: --include '*.zzz' matches no file\n")
    }

    /// SIGTERM and SIGINT mid-run: the temporary output file is removed, the target is as it
    /// was, and the status is 143 or 130. The input is a pipe the test holds open, so the run
    /// is provably still reading when the signal lands.
    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func aSignalRemovesTheTemporaryFile(signalNumber: Int32, status: Int32) throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let (_, seed) = try H.seed("000")
        let file = root.appendingPathComponent("out.txt")
        try Self.write("keep\n", file)
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = H.url
        process.arguments = ["clean", "-o", file.path]
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try stdin.fileHandleForReading.close()
        var input: [UInt8] = []
        while input.count < 4 << 20 { input += seed }
        try stdin.fileHandleForWriting.write(contentsOf: Data(input))
        #expect(try fm.contentsOfDirectory(atPath: root.path).contains { $0.hasPrefix(".out.txt.hanzi-") })
        #expect(kill(process.processIdentifier, signalNumber) == 0)
        process.waitUntilExit()
        try stdin.fileHandleForWriting.close()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == status)
        #expect(try fm.contentsOfDirectory(atPath: root.path) == ["out.txt"])
        #expect(try Self.text(file) == "keep\n")
    }
}
