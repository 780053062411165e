import Foundation
import HanziTestSupport

/// OpenCC 1.4.2 itself (PyPI `opencc` in .build/venv, set up by scripts/setup-python.sh, which
/// `make test` runs): the oracle of the native engine on the bundled data.
enum OpenCC142Oracle {
    /// The virtual environment's Python, or `nil` when it has not been set up.
    static let python: URL? = {
        let venv = ProcessInfo.processInfo.environment["HANZI_VENV"].map { URL(fileURLWithPath: $0) }
            ?? RepositoryRoot.url.appendingPathComponent(".build/venv")
        let python = venv.appendingPathComponent("bin/python")
        return FileManager.default.isExecutableFile(atPath: python.path) ? python : nil
    }()

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// OpenCC 1.4.2's conversion of each input with `configuration` (a name or a file path).
    static func convert(_ inputs: [[UInt8]], configuration: String) throws -> [[UInt8]] {
        guard let python else {
            throw Failure(description: "no .build/venv/bin/python: run `make python-env` (scripts/setup-python.sh)")
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hanzi-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = [RepositoryRoot.url.appendingPathComponent("scripts/opencc-oracle.py").path, configuration]
        for (index, input) in inputs.enumerated() {
            let inputFile = folder.appendingPathComponent("\(index).in")
            try Data(input).write(to: inputFile)
            arguments += [inputFile.path, folder.appendingPathComponent("\(index).out").path]
        }
        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "OpenCC 1.4.2 failed on \(configuration): \(String(decoding: message, as: UTF8.self))")
        }
        return try inputs.indices.map { [UInt8](try Data(contentsOf: folder.appendingPathComponent("\($0).out"))) }
    }
}
