import Foundation

/// Programs the tests run (`opencc`, `iconv`, `script`, `python3`), found through `PATH` as a
/// shell finds them, never at a fixed path.
public enum ExternalTool {
    /// The executable named `name` in the first `PATH` folder that has one, or nil.
    public static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    /// The executable named `name`; throws when it is not on `PATH`.
    public static func require(_ name: String) throws -> URL {
        guard let url = find(name) else { throw MissingTestFile(path: name, reason: "not found on PATH") }
        return url
    }

    /// Runs the program `tool` (found on `PATH`) with `arguments` in `folder` (the repository
    /// root unless given) and waits for it: its exit status and its standard output and
    /// standard error together, for a failure message.
    public static func run(_ tool: String, _ arguments: [String], in folder: URL? = nil) throws
        -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = try require(tool)
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? RepositoryRoot.url
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
