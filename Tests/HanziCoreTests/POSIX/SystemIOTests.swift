#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import HanziCore

@Suite struct SystemIOTests {
    @Test func writeAllThenReadGivesTheSameBytes() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let bytes = (0..<40_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }  // fits a pipe's buffer
        try SystemIO.writeAll(bytes, to: ends[1])
        close(ends[1])
        var read: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try SystemIO.read(ends[0], into: $0) }
            if count == 0 { break }
            read += buffer[..<count]
        }
        #expect(read == bytes)
    }

    /// A descriptor that is not open is an error with its code. Not a closed pipe's ends: tests
    /// run in parallel, and another test may be given the same number in the meantime.
    @Test func aDescriptorThatIsNotOpenIsAnErrorWithItsCode() {
        let notOpen: Int32 = -1
        #expect(throws: SystemCallError(code: EBADF)) { try SystemIO.writeAll([1, 2, 3], to: notOpen) }
        var buffer = [UInt8](repeating: 0, count: 8)
        #expect(throws: SystemCallError(code: EBADF)) {
            _ = try buffer.withUnsafeMutableBytes { try SystemIO.read(notOpen, into: $0) }
        }
    }
}
