import Foundation
import HanziTestSupport
import Testing

/// The command reads UTF-16 with a byte order mark without being told, and takes
/// `--encoding` as one of its listed values.
@Suite struct EncodingDetectionTests {
    typealias H = HanziBinary

    static let text = "漢字，A1\n"

    static func utf16(littleEndian: Bool) -> [UInt8] {
        (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) + text.utf16.flatMap { unit -> [UInt8] in
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            return littleEndian ? [low, high] : [high, low]
        }
    }

    @Test(arguments: [true, false])
    func utf16WithAByteOrderMarkIsDetected(_ littleEndian: Bool) throws {
        let folder = try H.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(folder) }
        let file = folder.appendingPathComponent("utf16.txt")
        try Data(Self.utf16(littleEndian: littleEndian)).write(to: file)
        let fromFile = try H.run(["convert", "-c", "t2s", file.path])
        #expect(fromFile.status == 0, "\(fromFile.stderrText)")
        #expect(fromFile.stdout == Array("汉字，A1\n".utf8))
        let fromStandardInput = try H.run(["convert", "-c", "t2s"], input: Self.utf16(littleEndian: littleEndian))
        #expect(fromStandardInput.stdout == Array("汉字，A1\n".utf8))
    }

    @Test func anUnknownEncodingIsAUsageErrorListingTheValues() throws {
        let result = try H.run(["clean", "--encoding", "latin1"], input: Array("x\n".utf8))
        #expect(result.status == 2, "status \(result.status)")
        #expect(result.stderrText.contains("gb18030") && result.stderrText.contains("big5-hkscs"), "\(result.stderrText)")
        let accepted = try H.run(["clean", "--encoding", "GB18030"], input: [0xBA, 0xBA, 0xD7, 0xD6, 0x0A])
        #expect(accepted.stdout == Array("汉字\n".utf8), "\(accepted.stderrText)")
    }
}
