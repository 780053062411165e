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

    /// A whole file, of every size around the growth steps of the read buffer.
    @Test func aWholeFileIsReadWhateverItsSize() throws {
        let path = "/tmp/hanzi-systemio-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        defer { unlink(path) }
        for size in [0, 1, 4095, SystemIO.readSize / 4 - 1, SystemIO.readSize / 4, SystemIO.readSize / 4 + 1,
                     SystemIO.readSize, 3 * SystemIO.readSize + 17] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            #expect(fd >= 0)
            try SystemIO.writeAll(bytes, to: fd)
            close(fd)
            #expect(try SystemIO.readFile(atPath: path) == bytes, "\(size) bytes")
        }
    }

    @Test func aFileThatCannotBeReadIsAnErrorWithItsCode() {
        #expect(throws: SystemCallError(code: ENOENT)) { try SystemIO.readFile(atPath: "/nonexistent/hanzi-\(getpid())") }
        #expect(throws: SystemCallError(code: EISDIR)) { try SystemIO.readFile(atPath: "/tmp") }
    }
}

