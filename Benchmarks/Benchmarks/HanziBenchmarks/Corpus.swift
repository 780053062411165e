import Foundation

/// One benchmark input: the deterministic corpus of one nominal size, built from `seeds/` by
/// `scripts/bench-corpus.py` (generated on first use, cached in `Benchmarks/.corpus/`).
struct Corpus: Sendable {
    /// The nominal size as written in benchmark names: `64K`, `1M`, `16M`.
    let label: String
    /// The corpus, UTF-8, cut at a line break.
    let bytes: [UInt8]

    /// The repository root, found from this file's location.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // HanziBenchmarks
        .deletingLastPathComponent()  // Benchmarks (benchmark targets)
        .deletingLastPathComponent()  // Benchmarks (the package)
        .deletingLastPathComponent()  // the repository

    /// Loads the corpus of the given nominal size, generating it first when it is missing.
    static func load(_ label: String) -> Corpus {
        let script = repositoryRoot.appendingPathComponent("scripts/bench-corpus.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, label, "--print-path"]
        let pipe = Pipe()
        process.standardOutput = pipe
        do {
            try process.run()
        } catch {
            fatalError("benchmarks: cannot run \(script): \(error)")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let path = String(decoding: output, as: UTF8.self).split(separator: "\n").last.map(String.init),
            let data = FileManager.default.contents(atPath: path)
        else {
            fatalError("benchmarks: \(script) \(label) failed (status \(process.terminationStatus))")
        }
        return Corpus(label: label, bytes: [UInt8](data))
    }
}

/// Settings read from the environment, so `make bench` and the CI gate share one binary.
enum BenchmarkSettings {
    /// `HANZI_BENCH_SIZES`: comma-separated corpus sizes (default `64K,1M,16M`).
    static let sizes: [String] = {
        let raw = ProcessInfo.processInfo.environment["HANZI_BENCH_SIZES"] ?? "64K,1M,16M"
        return raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }()

    /// `HANZI_BENCH_MAX_SECONDS`: the longest a benchmark measures (default 6 s).
    static let maxSeconds: Int = Int(ProcessInfo.processInfo.environment["HANZI_BENCH_MAX_SECONDS"] ?? "") ?? 6

    /// `HANZI_BENCH_MAX_ITERATIONS`: the most iterations a benchmark measures (default 40).
    static let maxIterations: Int = Int(ProcessInfo.processInfo.environment["HANZI_BENCH_MAX_ITERATIONS"] ?? "") ?? 40
}
