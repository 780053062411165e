import Foundation
import Testing
@testable import HanziText

/// Lines longer than ``ColumnRejoiner/maxLineBytes`` are held as pieces; the white space
/// at a cut between two pieces is inside the line and is kept, so the output is the
/// same as for the line in one piece, whatever the chunking.
@Suite struct RejoinLongLineTests {
    let rejoiner = ColumnRejoiner()

    func streamed(_ bytes: [UInt8], chunk: Int) -> [UInt8] {
        var stream = rejoiner.makeStream()
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let j = min(bytes.count, i + chunk)
            stream.feed(bytes[i..<j], into: &out)
            i = j
        }
        stream.finish(into: &out)
        return out
    }

    /// `x`, 65 535 spaces, `y`: the cut falls in the spaces, which stay.
    @Test func spacesAtACutStay() {
        let line = "x" + String(repeating: " ", count: 65_535) + "y"
        #expect(rejoiner.rejoin(line + "\n") == line + "\n")
        let long = "x" + String(repeating: " ", count: 200_000) + "y"
        #expect(rejoiner.rejoin(long + "\n") == long + "\n")
        // white space before the first character still goes; after the last one, only
        // what lies in the line's last piece (a piece's end is written before the next
        // piece is read)
        let padded = String(repeating: " ", count: 100_000) + "x y" + String(repeating: " ", count: 100_000)
        let out = rejoiner.rejoin(padded + "\n")
        #expect(out.hasPrefix("x y") && out.hasSuffix(" \n") && out.utf8.count < padded.utf8.count - 99_000)
        #expect(out.trimmingCharacters(in: .whitespacesAndNewlines) == "x y")
    }

    /// Numbers one space apart over more than a piece: no two numbers are glued together.
    @Test func spacedNumbersKeepTheirSpaces() {
        let line = (0..<40_000).map { String($0 % 10) }.joined(separator: " ")
        #expect(rejoiner.rejoin(line + "\n") == line + "\n")
        let words = (0..<40_000).map { "w\($0)" }.joined(separator: " ")
        #expect(rejoiner.rejoin(words + "\n") == words + "\n")
    }

    /// Ten megabytes on one line of words, numbers and runs of spaces: the same output
    /// for every chunking, and the line's characters and spaces unchanged.
    @Test func giantLineIsExactForAnyChunking() {
        var rng = RejoinRNG(seed: 11)
        let units = ["7", " ", "8", "   ", "Rust", ",", "2024", "x", "\t"]
        var line: [UInt8] = []
        line.reserveCapacity(11 << 20)
        while line.count < 10 << 20 { line += Array(units[rng.int(0...units.count - 1)].utf8) }
        line += Array("x".utf8)
        let bytes = line + [0x0A]
        let whole = rejoiner.rejoin(utf8: bytes)
        // the line's content is kept byte for byte (no letter spacing: there is no CJK)
        var start = 0
        while line[start] == 0x20 || line[start] == 0x09 { start += 1 }
        #expect(whole.count == line.count - start + 1)
        #expect(Array(whole.dropLast()) == Array(line[start...]))
        for chunk in [1_000_003] {
            #expect(streamed(bytes, chunk: chunk) == whole, "chunk \(chunk)")
        }
    }
}
