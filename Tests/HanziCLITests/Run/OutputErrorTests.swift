import Foundation
import HanziTestSupport
import Testing

/// Every write to standard output is checked, help and version included: a failure gives one
/// error line and status 1.
@Suite struct OutputErrorTests {
    /// Runs `hanzi arguments` with standard output on /dev/full (every write fails with ENOSPC).
    static func runToFullDevice(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = HanziBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = HanziBinary.packageRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        let text = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")),
          arguments: [["--help"], ["--version"], ["configs"], ["clean", "--help"], ["detect", "Tests/HanziCLITests/HanziBinary.swift"],
                      ["clean", "Tests/HanziCLITests/Run/OutputErrorTests.swift", "Tests/HanziCLITests/HanziBinary.swift"]])
    func aFailedWriteToStandardOutputIsOneErrorLine(arguments: [String]) throws {
        let run = try Self.runToFullDevice(arguments)
        #expect(run.status == 1, "\(arguments)")
        #expect(run.stderr == "hanzi: standard output: cannot write: No space left on device\n", "\(arguments)")
    }
}
