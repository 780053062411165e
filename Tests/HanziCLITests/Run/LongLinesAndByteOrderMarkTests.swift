import Foundation
import HanziTestSupport
import Testing

/// Giant lines through the real binary, from a file and through a pipe, and the byte order
/// mark kept by every command.
@Suite struct LongLinesAndByteOrderMarkTests {
    typealias H = HanziBinary

    static func repeated(_ unit: String, bytes: Int) -> [UInt8] {
        let unitBytes = Array(unit.utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes + unitBytes.count)
        while text.count < bytes { text += unitBytes }
        return text
    }

    /// `python3 -c "print('中'+'头发'*3500000,end='')"`: no phrase may be split, from a file or
    /// a pipe (it used to be cut at 16 MiB, between 头 and 发).
    @Test func aGiantLineIsConvertedWholeFromAFileAndAPipe() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let body = Self.repeated("头发", bytes: 20 << 20)
        let input = Array("中".utf8) + body
        let expected = Array("中".utf8) + Self.repeated("頭髮", bytes: body.count)
        let file = root.appendingPathComponent("t.txt")
        try Data(input).write(to: file)
        let fromFile = try H.run(["convert", "-c", "s2t", file.path])
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout == expected)
        let fromPipe = try H.run(["convert", "-c", "s2t"], input: input)
        #expect(fromPipe.stdout == expected)
    }

    /// A quote pair around a giant line is paired, as it is in a short line.
    @Test func aGiantLineIsNormalizedWholeFromAFileAndAPipe() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let body = Self.repeated("中文", bytes: 8 << 20)
        let input = Array("\"".utf8) + body + Array("\"\n".utf8)
        let expected = Array("“".utf8) + body + Array("”\n".utf8)
        #expect(try H.run(["normalize"], input: Array("\"中文中文\"\n".utf8)).stdout == Array("“中文中文”\n".utf8))
        let file = root.appendingPathComponent("q.txt")
        try Data(input).write(to: file)
        #expect(try H.run(["normalize", file.path]).stdout == expected)
        #expect(try H.run(["normalize"], input: input).stdout == expected)
        #expect(try H.run(["normalize", "-j", "100000"], input: input).stdout == expected)
    }

    /// A space at the rejoiner's 64 KiB piece boundary: `'x' + ' ' * 65535 + 'y'` keeps its
    /// spaces (it used to become `xy`).
    @Test func rejoinKeepsASpaceAtAPieceBoundary() throws {
        let input = Array("x".utf8) + [UInt8](repeating: 0x20, count: 65_535) + Array("y\n".utf8)
        let run = try H.run(["rejoin"], input: input)
        #expect(run.stdout == input)
    }

    @Test(arguments: [["convert", "-c", "s2t"], ["normalize"], ["rejoin"], ["clean"], ["clean", "--to", "traditional"]])
    func aLeadingByteOrderMarkIsKept(command: [String]) throws {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let text = Array("汉字，\"测试\"。\n第二行\n".utf8)
        let plain = try H.run(command, input: text)
        let marked = try H.run(command, input: mark + text)
        #expect(marked.status == 0)
        #expect(marked.stdout == mark + plain.stdout, "\(command)")
        // Only a mark at the very start: one later in the text is text.
        #expect(try H.run(command, input: []).stdout.isEmpty)
    }

    @Test(.enabled(if: ExternalTool.find("opencc") != nil))
    func convertKeepsTheMarkAsOpenCCDoes() throws {
        let root = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let file = root.appendingPathComponent("bom.txt")
        try Data([0xEF, 0xBB, 0xBF] + Array("汉字，头发\n".utf8)).write(to: file)
        let opencc = Process()
        opencc.executableURL = try ExternalTool.require("opencc")
        opencc.arguments = ["-c", "s2t", "-i", file.path]
        let out = Pipe()
        opencc.standardOutput = out
        try opencc.run()
        let expected = Array(out.fileHandleForReading.readDataToEndOfFile())
        opencc.waitUntilExit()
        #expect(try H.run(["convert", "-c", "s2t", file.path]).stdout == expected)
    }
}
