import Foundation
import HanziTestSupport

/// OpenCC 1.4.2 itself (PyPI `opencc`, the C++ library as a Python module) in the project's
/// virtual environment (`scripts/setup-python.sh` makes it), as an oracle for the bundled data.
enum OpenCC142Oracle {
    /// The environment's Python: `HANZI_VENV` (relative to the repository root), else
    /// `.build/venv`.
    static var python: URL {
        let venv = ProcessInfo.processInfo.environment["HANZI_VENV"] ?? ".build/venv"
        let folder = venv.hasPrefix("/") ? URL(fileURLWithPath: venv) : RepositoryRoot.url.appendingPathComponent(venv)
        return folder.appendingPathComponent("bin/python")
    }

    /// Whether the environment exists (`make test` and `make deps` create it).
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: python.path) }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// OpenCC 1.4.2's conversions of `inputs` with its configuration `name` (`"s2t"`), all in
    /// one Python process: one `convert` call per input, with NUL standing in as U+0001.
    ///
    /// OpenCC 1.4.2 loses text at a NUL in configurations of more than one conversion step
    /// (`s2tw` drops the NUL, `tw2s` everything after it). Hanzi passes NUL through as an
    /// ordinary character that no key contains, as 1.4.2 does in one-step configurations
    /// (where a NUL also completes an ideographic description sequence, `⿺髮\0` stays as it
    /// is). U+0001 behaves the same in every configuration and occurs in no input here, so it
    /// stands in for NUL on the way in and is turned back on the way out.
    static func convert(_ inputs: [[UInt8]], configuration name: String) throws -> [[UInt8]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hanzi-opencc142-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, input) in inputs.enumerated() {
            try Data(input).write(to: folder.appendingPathComponent("\(index).in"))
        }
        let script = """
        import sys, opencc
        assert opencc.__version__ == "1.4.2", opencc.__version__
        folder, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
        converter = opencc.OpenCC(name)
        for i in range(count):
            with open(f"{folder}/{i}.in", "rb") as f:
                text = f.read().decode("utf-8")
            with open(f"{folder}/{i}.out", "wb") as f:
                assert "\\x01" not in text, "U+0001 in the input: it stands in for NUL"
                f.write(converter.convert(text.replace("\\0", "\\x01")).replace("\\x01", "\\0").encode("utf-8"))
        """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, folder.path, name, String(inputs.count)]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "OpenCC 1.4.2 (\(python.path)) failed on \(name): \(String(decoding: message, as: UTF8.self))")
        }
        return try inputs.indices.map { try Repository.bytes(of: folder.appendingPathComponent("\($0).out")) }
    }
}
