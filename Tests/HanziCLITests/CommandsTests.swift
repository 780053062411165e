import Foundation
import Testing

@Suite struct CommandsTests {
    @Test func configsListsEveryConfigurationWithALiveExample() throws {
        let result = try HanziBinary.run(["configs"])
        #expect(result.status == 0)
        let lines = result.stdoutText.split(separator: "\n")
        #expect(lines.count == 14)
        #expect(result.stdoutText.contains("s2tw"))
        #expect(result.stdoutText.contains("台湾 → 臺灣"))
        #expect(result.stdoutText.contains("漢字 → 汉字"))
    }

    @Test func convertIsByteIdenticalToTheOpenCCCommand() throws {
        let (url, _) = try HanziBinary.seed("002")
        for config in ["s2tw", "s2tw.json", "s2t", "s2hk"] {
            let ours = try HanziBinary.run(["convert", "-c", config, url.path])
            #expect(ours.status == 0)
            let reference = try HanziBinary.runTool("/usr/bin/opencc", ["-c", config, "-i", url.path])
            #expect(ours.stdout == reference, "\(config)")
        }
    }

    /// OpenCC's own test inputs through each configuration, from standard input.
    @Test func convertMatchesOpenCCOnItsTestInputs() throws {
        let fixtures = HanziBinary.packageRoot.appendingPathComponent("Tests/HanziTests/Fixtures")
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) where name.hasSuffix(".in") {
            let config = String(name.dropLast(3))
            let url = fixtures.appendingPathComponent(name)
            let ours = try HanziBinary.run(["convert", "-c", config], input: Array(try Data(contentsOf: url)))
            #expect(ours.status == 0)
            #expect(ours.stdout == (try HanziBinary.runTool("/usr/bin/opencc", ["-c", config, "-i", url.path])), "\(config)")
        }
    }

    @Test func everyCommandRunsOnEverySeedAndStandardInputMatchesTheFile() throws {
        let commands: [[String]] = [
            ["clean"], ["clean", "--to", "simplified"], ["clean", "--to", "taiwan"], ["rejoin"],
            ["normalize"], ["normalize", "--style", "hongkong", "--spacing", "insert"], ["convert", "-c", "t2s"],
        ]
        let names = try FileManager.default.contentsOfDirectory(atPath: HanziBinary.seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count == 5)
        for command in commands {
            for name in names {
                let url = HanziBinary.seeds.appendingPathComponent(name)
                let bytes = Array(try Data(contentsOf: url))
                let fromFile = try HanziBinary.run(command + [url.path])
                let fromStdin = try HanziBinary.run(command, input: bytes)
                let fromDash = try HanziBinary.run(command + ["-"], input: bytes)
                #expect(fromFile.status == 0, "\(command) \(name): \(fromFile.stderrText)")
                #expect(!fromFile.stdout.isEmpty)
                #expect(fromFile.stdout == fromStdin.stdout, "\(command) \(name)")
                #expect(fromFile.stdout == fromDash.stdout, "\(command) \(name)")
                #expect(fromFile.stderr.isEmpty)
            }
        }
    }
}

extension HanziBinary {
    /// Runs another program and returns its standard output.
    static func runTool(_ path: String, _ arguments: [String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}

@Suite struct InteractiveTests {
    /// Slow input (a terminal, `tail -f`) is converted line by line, not held until the end.
    @Test func slowInputIsWrittenAsItComes() throws {
        let process = Process()
        process.executableURL = HanziBinary.url
        process.arguments = ["convert", "-c", "s2t"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data("汉字\n".utf8))
        let received = LockedData()
        let reader = Thread { received.set(stdout.fileHandleForReading.availableData) }
        reader.start()
        var waited = 0
        while !received.isSet, waited < 10_000 {
            usleep(10_000)
            waited += 10
        }
        #expect(received.isSet, "no output before the end of the input")
        #expect(Array(received.get()) == Array("漢字\n".utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

@Suite struct ProgressTests {
    /// A 6 MB input made of the seeds.
    static func bigInput() throws -> URL {
        let root = try HanziBinary.temporaryFolder()
        var corpus: [UInt8] = []
        for prefix in ["000", "001", "002", "003", "004"] { corpus += try HanziBinary.seed(prefix).1 }
        var big: [UInt8] = []
        while big.count < 6 << 20 { big += corpus }
        let url = root.appendingPathComponent("big.txt")
        try Data(big).write(to: url)
        return url
    }

    @Test func noProgressWhenStandardErrorIsNotATerminal() throws {
        let input = try Self.bigInput()
        let run = try HanziBinary.run(["clean", "--to", "traditional", input.path, "-o", input.path + ".out"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
    }

    /// Under a pseudo-terminal (util-linux `script`), a large job shows one progress line,
    /// and `--quiet` silences it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressOnATerminal() throws {
        let input = try Self.bigInput()
        func underTerminal(_ extra: String) throws -> String {
            let command = "\(HanziBinary.url.path) clean --to traditional \(extra) \(input.path) -o \(input.path).out"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", command, "/dev/null"]
            let stdout = Pipe()
            process.standardOutput = stdout
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let shown = try underTerminal("")
        #expect(shown.contains("MB/s"))
        #expect(shown.contains(" / 6."))
        let quiet = try underTerminal("--quiet")
        #expect(!quiet.contains("MB/s"))
    }
}
