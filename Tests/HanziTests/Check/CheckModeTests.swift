import Foundation
import HanziTestSupport
import Testing
@testable import Hanzi

@Suite struct TextDifferenceTests {
    @Test func sameBytesHaveNoDifference() {
        #expect(TextDifference(original: Array("甲乙\n".utf8), changed: Array("甲乙\n".utf8)) == nil)
    }

    @Test func lineAndColumnCountCharacters() throws {
        let d = try #require(TextDifference(original: Array("第一行\n第二行,完\n".utf8), changed: Array("第一行\n第二行，完\n".utf8)))
        #expect(d.line == 2)
        #expect(d.column == 4)
        #expect(d.byteOffset == 19)
        #expect(Array(d.originalExcerpt.unicodeScalars) == Array("第二行,完⏎".unicodeScalars))
        #expect(Array(d.changedExcerpt.unicodeScalars) == Array("第二行，完⏎".unicodeScalars))
    }

    @Test func aDifferenceInsideACharacterPointsAtItsStart() throws {
        // 汉 E6 B1 89 and 漢 E6 BC A2 share their first byte.
        let d = try #require(TextDifference(original: Array("a汉".utf8), changed: Array("a漢".utf8)))
        #expect(d.column == 2)
        #expect(d.byteOffset == 1)
    }

    @Test func textThatOnlyGrowsOrShrinks() throws {
        let grown = try #require(TextDifference(original: Array("ab".utf8), changed: Array("ab\n".utf8)))
        #expect(grown.column == 3)
        #expect(grown.originalExcerpt == "ab")
        let shrunk = try #require(TextDifference(original: Array("ab\n\n".utf8), changed: Array("ab\n".utf8)))
        #expect(shrunk.line == 2)
        #expect(shrunk.changedExcerpt == "(end of text)")
    }
}

@Suite struct UnifiedDiffTests {
    @Test func identicalTextsGiveNoDiff() {
        #expect(UnifiedDiff.make(original: Array("a\n".utf8), changed: Array("a\n".utf8), originalName: "a", changedName: "b").isEmpty)
    }

    @Test func formatMatchesDiff() {
        let diff = UnifiedDiff.make(
            original: Array("1\n2\n3\n4\n5\n6\n7\n8\n9\n".utf8), changed: Array("1\n2\n3\n4\nfive\n6\n7\n8\n9".utf8),
            originalName: "a.txt", changedName: "a.txt (cleaned)")
        let expected = """
            --- a.txt
            +++ a.txt (cleaned)
            @@ -2,8 +2,8 @@
             2
             3
             4
            -5
            +five
             6
             7
             8
            -9
            +9
            \\ No newline at end of file

            """
        #expect(String(decoding: diff, as: UTF8.self) == expected)
    }

    /// The `patch` command applies every generated diff to the original and gets the changed
    /// text back, and the diff changes exactly as many lines as `diff -u` does.
    @Test(arguments: 0..<60) func patchAppliesTheDiff(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) &+ 0xD1FF)
        let vocabulary = ["甲", "乙,丙", "丁。", "", "ab c", "“引”", "   "]
        let original = (0..<Int.random(in: 0...40, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)! }
        var changed = original
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            switch Int.random(in: 0..<3, using: &rng) {
            case 0 where !changed.isEmpty: changed.remove(at: Int.random(in: 0..<changed.count, using: &rng))
            case 1: changed.insert(vocabulary.randomElement(using: &rng)!, at: Int.random(in: 0...changed.count, using: &rng))
            default: if !changed.isEmpty { changed[Int.random(in: 0..<changed.count, using: &rng)] += "，" }
            }
        }
        let a = Array(original.map { $0 + "\n" }.joined().utf8)
        var b = Array(changed.map { $0 + "\n" }.joined().utf8)
        if rng.chance(0.3), !b.isEmpty { b.removeLast() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hanzi-diff-\(seed)-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("f.txt"), other = folder.appendingPathComponent("g.txt")
        try Data(a).write(to: file)
        try Data(b).write(to: other)
        let diff = UnifiedDiff.make(original: a, changed: b, originalName: "f.txt", changedName: "f.txt")
        if a == b {
            #expect(diff.isEmpty)
            return
        }
        let patchFile = folder.appendingPathComponent("d.patch")
        try Data(diff).write(to: patchFile)
        let patch = try run("patch", ["-s", "-p0", "-i", patchFile.path, file.path], in: folder)
        #expect(patch.status == 0, "\(patch.output)")
        #expect(try Data(contentsOf: file) == Data(b))
        try Data(a).write(to: file)
        let reference = try run("diff", ["-u", file.path, other.path], in: folder)
        let count = { (text: [UInt8]) in
            text.split(separator: 0x0A).filter { ($0.first == 0x2B || $0.first == 0x2D) && !$0.starts(with: [0x2B, 0x2B, 0x2B]) && !$0.starts(with: [0x2D, 0x2D, 0x2D]) }.count
        }
        #expect(count(diff) == count(reference.output))
    }

    func run(_ tool: String, _ arguments: [String], in folder: URL) throws -> (status: Int32, output: [UInt8]) {
        let process = Process()
        process.executableURL = try ExternalTool.require(tool)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, Array(output))
    }
}
