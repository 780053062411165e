import Foundation
import HanziCore
import HanziTestSupport
import Testing

/// Runs the built `hanzi` binary.
enum HanziBinary {
    /// The package root.
    static var packageRoot: URL { RepositoryRoot.url }

    /// The binary: next to the test bundle (the build products folder), else in `.build/debug`.
    static let url: URL = {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            var folder = executable.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("hanzi"))
                folder = folder.deletingLastPathComponent()
            }
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("hanzi"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/hanzi"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue {
                return candidate
            }
        }
        return packageRoot.appendingPathComponent(".build/debug/hanzi")
    }()

    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs `hanzi arguments...` in `directory` with `input` on standard input.
    static func run(_ arguments: [String], input: [UInt8] = [], in directory: URL? = nil) throws -> Result {
        try run(executable: url, arguments, input: input, in: directory)
    }

    /// Runs `executable arguments...` in `directory` with `input` on standard input and
    /// `environment` added to this process's environment.
    static func run(
        executable: URL, _ arguments: [String], environment: [String: String] = [:],
        input: [UInt8] = [], in directory: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Feed and drain concurrently so that large inputs and outputs cannot deadlock.
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = Locked(Data())
        let errorRead = DispatchSemaphore(value: 0)
        let errorReader = Thread {
            let data = stderr.fileHandleForReading.readDataToEndOfFile()
            errorData.withLock { $0 = data }
            errorRead.signal()
        }
        errorReader.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errorRead.wait()  // standard error ends when the process does
        return Result(status: process.terminationStatus, stdout: Array(out), stderr: Array(errorData.withLock { $0 }))
    }

    /// The seeds folder.
    static var seeds: URL { packageRoot.appendingPathComponent("seeds") }

    /// The bytes of a seed.
    static func seed(_ prefix: String) throws -> (URL, [UInt8]) {
        let url = try Seeds.file(prefix)
        return (url, Array(try Data(contentsOf: url)))
    }

    /// A fresh temporary folder; the test removes it when it ends
    /// (``removeTemporaryFolder(_:)``), so that runs of the suite leave nothing behind.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hanzi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes a folder from ``temporaryFolder()`` with everything in it, whatever the test
    /// left there (read-only files, FIFOs, files with names that are not UTF-8).
    static func removeTemporaryFolder(_ url: URL) {
        _ = try? run(executable: URL(fileURLWithPath: "/bin/rm"), ["-rf", "--", url.path])
    }
}
