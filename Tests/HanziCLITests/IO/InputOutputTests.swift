import Foundation
import HanziTestSupport
import Testing

@Suite struct InputOutputTests {
    typealias H = HanziBinary

    static func write(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    static func read(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    @Test func outputDirMirrorsFoldersAndHonoursIncludeAndExclude() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let (_, a) = try H.seed("000"), (_, b) = try H.seed("003")
        try Self.write(a, to: root.appendingPathComponent("in/2024/a.txt"))
        try Self.write(b, to: root.appendingPathComponent("in/2024/07/b.txt"))
        try Self.write(a, to: root.appendingPathComponent("in/skip/c.txt"))
        try Self.write(Array("notes".utf8), to: root.appendingPathComponent("in/readme.md"))
        let run = try H.run(["clean", "-r", "in", "--output-dir", "out", "--include", "*.txt", "--exclude", "skip"], in: root)
        #expect(run.status == 0, "\(run.stderrText)")
        let found = FileManager.default.enumerator(atPath: root.appendingPathComponent("out").path)!
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") }.sorted()
        #expect(found == ["2024/07/b.txt", "2024/a.txt"])
        #expect(try Self.read(root.appendingPathComponent("out/2024/a.txt")) == (try H.run(["clean"], input: a)).stdout)
        #expect(try Self.read(root.appendingPathComponent("out/2024/07/b.txt")) == (try H.run(["clean"], input: b)).stdout)
        // Files given directly keep their own names; to standard output they come in order.
        let both = try H.run(["clean", "in/2024/a.txt", "in/2024/07/b.txt"], in: root)
        #expect(both.stdout == (try H.run(["clean"], input: a)).stdout + (try H.run(["clean"], input: b)).stdout)
        let flat = try H.run(["rejoin", "in/2024/a.txt", "in/2024/07/b.txt", "--output-dir", "flat"], in: root)
        #expect(flat.status == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("flat/b.txt").path))
        // Two inputs with one output name: nothing is written.
        let clash = try H.run(["rejoin", "in/2024/a.txt", "in/skip/../2024/a.txt", "--output-dir", "clash"], in: root)
        #expect(clash.status == 1)
        #expect(clash.stderrText.contains("same file"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("clash/a.txt").path))
    }

    @Test func outputFileAndStandardStreams() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let (url, bytes) = try H.seed("001")
        let run = try H.run(["clean", url.path, "-o", root.appendingPathComponent("o.txt").path])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(try Self.read(root.appendingPathComponent("o.txt")) == (try H.run(["clean"], input: bytes)).stdout)
        let convert = try H.run(["convert", "-c", "s2t", "-i", url.path, "-o", root.appendingPathComponent("t.txt").path])
        #expect(convert.status == 0)
        #expect(try Self.read(root.appendingPathComponent("t.txt")) == (try H.run(["convert", "-c", "s2t"], input: bytes)).stdout)
    }

    @Test func inPlaceReplacesSafelyKeepsPermissionsAndBacksUp() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let (_, bytes) = try H.seed("004")
        let file = root.appendingPathComponent("article.txt")
        try Self.write(bytes, to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let expected = try H.run(["clean"], input: bytes).stdout
        let run = try H.run(["clean", "--in-place", "--backup", ".orig", file.path])
        #expect(run.status == 0, "\(run.stderrText)")
        #expect(try Self.read(file) == expected)
        #expect(try Self.read(root.appendingPathComponent("article.txt.orig")) == bytes)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["article.txt", "article.txt.orig"])
    }

    @Test func inPlaceThroughASymbolicLinkReplacesItsTarget() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let real = root.appendingPathComponent("real.txt"), link = root.appendingPathComponent("link.txt")
        try Self.write(Array("汉字\n".utf8), to: real)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let run = try H.run(["convert", "-c", "s2t", "--in-place", link.path])
        #expect(run.status == 0)
        #expect(try Self.read(real) == Array("漢字\n".utf8))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) != nil)
        // Named three times, replaced once (a second pass would be applied to the output).
        try Self.write(Array("著\n".utf8), to: real)
        let again = try H.run(["convert", "-c", "t2tw", "--in-place", real.path, link.path, root.path + "/./real.txt"])
        #expect(again.status == 0)
        #expect(try Self.read(real) == (try H.run(["convert", "-c", "t2tw"], input: Array("著\n".utf8))).stdout)
    }

    @Test func inPlaceLeavesTheOriginalUntouchedOnError() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let good = root.appendingPathComponent("good.txt"), bad = root.appendingPathComponent("bad.txt")
        let badBytes = Array(String(repeating: "汉字，测试。\n", count: 50_000).utf8) + [0xFF] + Array("尾\n".utf8)
        try Self.write(badBytes, to: bad)
        try Self.write(Array("好的\n".utf8), to: good)
        let run = try H.run(["clean", "--in-place", bad.path, good.path])
        #expect(run.status == 1)
        #expect(run.stderrText.contains("bad.txt: invalid UTF-8 at byte offset \(badBytes.count - 5)"))
        #expect(try Self.read(bad) == badBytes)
        #expect(try Self.read(good) == Array("好的\n".utf8))  // processed all the same
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["bad.txt", "good.txt"])
    }

    /// A run killed before its output is complete leaves the file it was replacing as it was
    /// (the atomic writer behind --in-place, --output-dir and -o). The input is a pipe the test
    /// holds open, so the run cannot have finished when the kill lands: no race, no waiting.
    @Test func killingTheProcessMidWriteLeavesTheOriginalUnchanged() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let (_, seed) = try H.seed("000")
        let original = Array("the version to keep\n".utf8)
        let file = root.appendingPathComponent("big.txt")
        try Self.write(original, to: file)
        signal(SIGPIPE, SIG_IGN)  // a run that ends early makes the write below throw, not kill the tests
        let process = Process()
        process.executableURL = H.url
        process.arguments = ["clean", "--to", "traditional", "-o", file.path]
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try stdin.fileHandleForReading.close()  // only the child reads: an early exit fails the write below
        // 8 MB: once the pipe has taken them, the run is reading, well past opening its output.
        var input: [UInt8] = []
        while input.count < 8 << 20 { input += seed }
        try stdin.fileHandleForWriting.write(contentsOf: Data(input))
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(names.contains { $0.hasPrefix(".big.txt.hanzi-") }, "no temporary file while writing: \(names)")
        #expect(kill(process.processIdentifier, SIGKILL) == 0)
        process.waitUntilExit()
        try stdin.fileHandleForWriting.close()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)
        #expect(try Self.read(file) == original)
    }

    @Test func emptyFilesAndFilesWithoutAFinalNewline() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let empty = root.appendingPathComponent("empty.txt")
        try Self.write([], to: empty)
        for command in [["clean"], ["rejoin"], ["normalize"], ["convert", "-c", "s2t"], ["clean", "--to", "taiwan"]] {
            let run = try H.run(command + [empty.path])
            #expect(run.status == 0)
            #expect(run.stdout.isEmpty, "\(command)")
        }
        let noNewline = Array("汉字，测试".utf8)
        #expect(try H.run(["convert", "-c", "s2t"], input: noNewline).stdout == Array("漢字，測試".utf8))
        #expect(try H.run(["normalize"], input: Array("汉字,测试".utf8)).stdout == Array("汉字，测试".utf8))
        #expect(try H.run(["clean"], input: noNewline).stdout == Array("汉字，测试\n".utf8))
    }

    @Test func invalidUTF8NamesTheFileAndOffsetAndSuggestsAnEncoding() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let (seedURL, seed) = try H.seed("000")
        let gb = root.appendingPathComponent("gb.txt")
        try Self.iconv(from: "UTF-8", to: "GB18030", seedURL, gb)
        let run = try H.run(["clean", gb.path])
        #expect(run.status == 1)
        let gbBytes = try Self.read(gb)
        let firstHigh = gbBytes.firstIndex { $0 >= 0x80 }!
        #expect(run.stderrText.contains("gb.txt: invalid UTF-8 at byte offset \(firstHigh)"))
        #expect(run.stderrText.contains("--encoding gb18030"))
        #expect(run.stderrText.split(separator: "\n").count == 1)
        // Decoded, the output is the same as for the UTF-8 original.
        let decoded = try H.run(["clean", "--encoding", "gb18030", gb.path])
        #expect(decoded.status == 0)
        #expect(decoded.stdout == (try H.run(["clean"], input: seed)).stdout)
        let plain = try H.run(["rejoin"], input: Array("ab\n".utf8) + [0xC3, 0x28])
        #expect(plain.status == 1)
        #expect(plain.stderrText.hasPrefix("hanzi: <stdin>: invalid UTF-8 at byte offset 3"))
    }

    @Test func big5AndUTF16Inputs() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let (seedURL, _) = try H.seed("003")
        let big5 = root.appendingPathComponent("b5.txt"), back = root.appendingPathComponent("back.txt")
        try Self.iconv(from: "UTF-8", to: "BIG5-HKSCS", seedURL, big5, dropUnencodable: true)
        try Self.iconv(from: "BIG5-HKSCS", to: "UTF-8", big5, back)
        let plain = try H.run(["clean", "--to", "simplified", back.path])
        let suggestion = try H.run(["clean", big5.path])
        #expect(suggestion.status == 1)
        #expect(suggestion.stderrText.contains("--encoding big5"))
        let decoded = try H.run(["clean", "--to", "simplified", "--encoding", "big5-hkscs", big5.path])
        #expect(decoded.status == 0)
        #expect(decoded.stdout == plain.stdout)
        let utf16 = root.appendingPathComponent("u16.txt")
        try Self.iconv(from: "UTF-8", to: "UTF-16", back, utf16)
        #expect(try H.run(["clean", "--to", "simplified", "--encoding", "utf-16", utf16.path]).stdout == plain.stdout)
        let bom = try H.run(["convert", "-c", "s2t"], input: [0xEF, 0xBB, 0xBF] + Array("汉\n".utf8))
        // A leading BOM is kept, as opencc keeps it.
        #expect(bom.stdout == [0xEF, 0xBB, 0xBF] + Array("漢\n".utf8))
    }

    @Test func jobsDoNotChangeTheOutput() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        var corpus: [UInt8] = []
        for prefix in ["000", "001", "002", "003", "004"] { corpus += try H.seed(prefix).1 }
        var big: [UInt8] = []
        while big.count < 3 << 20 { big += corpus }
        let file = root.appendingPathComponent("big.txt")
        try Self.write(big, to: file)
        for command in [["clean", "--to", "traditional"], ["clean", "--paragraphs", "one-per-line"], ["normalize"], ["convert", "-c", "s2twp"]] {
            let one = try H.run(command + ["--jobs", "1", file.path])
            let two = try H.run(command + ["--jobs", "2", file.path])
            #expect(one.status == 0 && two.status == 0)
            #expect(one.stdout == two.stdout, "\(command)")
            #expect(!one.stdout.isEmpty)
        }
        // Many files in parallel into a folder.
        let lineStarts = corpus.indices.filter { $0 == 0 || corpus[$0 - 1] == 0x0A }
        for k in 0..<8 {
            try Self.write(Array(corpus[lineStarts[k * 40]...]), to: root.appendingPathComponent("many/f\(k).txt"))
        }
        let serial = try H.run(["clean", "-r", "many", "--output-dir", "out1", "--jobs", "1"], in: root)
        let parallel = try H.run(["clean", "-r", "many", "--output-dir", "out2", "--jobs", "2"], in: root)
        #expect(serial.status == 0 && parallel.status == 0)
        for k in 0..<8 {
            #expect(try Self.read(root.appendingPathComponent("out1/f\(k).txt")) == (try Self.read(root.appendingPathComponent("out2/f\(k).txt"))))
        }
    }

    static func iconv(from: String, to: String, _ input: URL, _ output: URL, dropUnencodable: Bool = false) throws {
        let process = Process()
        process.executableURL = try ExternalTool.require("iconv")
        process.arguments = (dropUnencodable ? ["-c"] : []) + ["-f", from, "-t", to, input.path]
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
    }
}
