import Foundation
import HanziCore
import HanziTestSupport
import Testing

@Suite struct CommandsTests {
    @Test func configsListsEveryConfigurationWithALiveExample() throws {
        let result = try HanziBinary.run(["configs"])
        #expect(result.status == 0)
        let sections = result.stdoutText.components(separatedBy: "\n\n")
        #expect(sections.count == 2)
        let bundled = sections[0].split(separator: "\n")
        #expect(bundled.first?.hasPrefix("Bundled: OpenCC 1.4.2") == true)
        #expect(bundled.count == 1 + 16)
        #expect(sections.last?.hasPrefix("Installed: libopencc") == true)
        #expect((sections.last?.split(separator: "\n").count ?? 0) >= 1 + 14)
        #expect(!result.stdoutText.contains("cannot load"))
        #expect(result.stdoutText.contains("伊利诺伊州 → 伊利諾州"))
        #expect(result.stdoutText.contains("s2tw"))
        #expect(result.stdoutText.contains("台湾 → 臺灣"))
        #expect(result.stdoutText.contains("漢字 → 汉字"))
    }

    /// The installed data through the native engine, and libopencc itself, give what the
    /// installed `opencc` command gives.
    @Test func convertIsByteIdenticalToTheOpenCCCommand() throws {
        let (url, _) = try HanziBinary.seed("002")
        for config in ["s2tw", "s2tw.json", "s2t", "s2hk"] {
            let reference = try HanziBinary.runTool("opencc", ["-c", config, "-i", url.path])
            for engine in [["--dictionaries", "system"], ["--engine", "libopencc"]] {
                let ours = try HanziBinary.run(["convert", "-c", config] + engine + [url.path])
                #expect(ours.status == 0)
                #expect(ours.stdout == reference, "\(config) \(engine)")
            }
        }
    }

    /// A user phrase wins where it starts a segment, and its value is kept as it is.
    @Test func convertTakesTheUsersPhrases() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hanzi-phrases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let phrases = folder.appendingPathComponent("phrases.txt")
        try Data("鼠标\tMOUSE\n软件\t软件\n".utf8).write(to: phrases)
        let run = try HanziBinary.run(["convert", "-c", "s2twp", "--phrases", phrases.path], input: Array("鼠标和软件，打印机\n".utf8))
        #expect(run.status == 0)
        #expect(run.stdoutText == "MOUSE和软件，印表機\n")
        let refused = try HanziBinary.run(["convert", "-c", "s2t", "--engine", "libopencc", "--phrases", phrases.path], input: [])
        #expect(refused.status == 2)
    }

    /// OpenCC's own test inputs through each configuration, from standard input.
    @Test func convertMatchesOpenCCOnItsTestInputs() throws {
        let names = try OpenCCFixtures.names()
        #expect(names.count == 13)
        for config in names {
            let url = try OpenCCFixtures.input(config)
            let ours = try HanziBinary.run(["convert", "-c", config], input: Array(try Data(contentsOf: url)))
            #expect(ours.status == 0)
            #expect(ours.stdout == (try HanziBinary.runTool("opencc", ["-c", config, "-i", url.path])), "\(config)")
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
    /// Runs another program, found on `PATH`, and returns its standard output.
    static func runTool(_ name: String, _ arguments: [String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = try ExternalTool.require(name)
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
    ///
    /// The input stays open while the test waits for the first line's output, so that output
    /// can only come from the line: nothing here depends on how long anything takes. The time
    /// limit only ends a run that would otherwise wait for ever (the bug this test is for); the
    /// input is then closed and the test fails.
    @Test(.timeLimit(.minutes(2)))
    func slowInputIsWrittenAsItComes() async throws {
        let process = Process()
        process.executableURL = HanziBinary.url
        process.arguments = ["convert", "-c", "s2t"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let input = stdin.fileHandleForWriting
        input.write(Data("汉字\n".utf8))
        let expected = Array("漢字\n".utf8)
        let inputEndedFirst = Locked(false)
        let received: [UInt8] = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                Thread {
                    // Read until the whole converted line is there (or the output ends).
                    var bytes: [UInt8] = []
                    while bytes.count < expected.count {
                        let chunk = stdout.fileHandleForReading.availableData
                        if chunk.isEmpty { break }
                        bytes += chunk
                    }
                    continuation.resume(returning: bytes)
                }.start()
            }
        } onCancel: {
            inputEndedFirst.withLock { $0 = true }
            try? input.close()
        }
        let inputEnded = inputEndedFirst.withLock { $0 }
        #expect(!inputEnded, "no output before the end of the input")
        #expect(received == expected)
        if !inputEnded { try input.close() }
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
        defer { HanziBinary.removeTemporaryFolder(input.deletingLastPathComponent()) }
        let run = try HanziBinary.run(["clean", "--to", "traditional", input.path, "-o", input.path + ".out"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
    }

    /// Under a pseudo-terminal (util-linux `script`), a large job shows a progress line, and
    /// `--quiet` silences it.
    ///
    /// The meter waits 300 ms before its first line, so the runs read from FIFOs the test keeps
    /// feeding until the progress line has appeared: however fast or slow the machine, both
    /// runs are still going when it does, and the quiet one has been fed for longer. The time
    /// limit only ends a run that never shows the line (the bug this test is for).
    @Test(.enabled(if: ExternalTool.find("script") != nil), .timeLimit(.minutes(5)))
    func progressOnATerminal() async throws {
        signal(SIGPIPE, SIG_IGN)  // a run that ends early makes a feeder's write fail, not the tests
        let root = try HanziBinary.temporaryFolder()
        defer { HanziBinary.removeTemporaryFolder(root) }
        let chunk = try Seeds.allBytes().reduce([], +)  // larger than a pipe holds (64 KB)
        let stop = Locked(false)
        func start(_ extra: String, _ name: String) throws -> (process: Process, output: Pipe, fed: DispatchSemaphore,
                                                               reading: DispatchSemaphore) {
            let fifo = root.appendingPathComponent(name)
            #expect(mkfifo(fifo.path, 0o600) == 0)
            let command = "\(HanziBinary.url.path) clean --to traditional \(extra) -o \(fifo.path).out < \(fifo.path)"
            let process = Process()
            process.executableURL = try ExternalTool.require("script")
            process.arguments = ["-qec", command, "/dev/null"]
            let output = Pipe()
            process.standardOutput = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let fed = DispatchSemaphore(value: 0), reading = DispatchSemaphore(value: 0)
            Thread {
                // Blocks until the run opens the FIFO; a write larger than the pipe returns only
                // once the run has read from it. The last write starts after `stop` is set, so
                // each run still gets input after the loud run has shown its line.
                let fd = open(fifo.path, O_WRONLY)
                var total = 0
                while fd >= 0 {
                    let stopping = stop.withLock { $0 }
                    let written = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                    if written <= 0 { break }
                    if total == 0 { reading.signal() }
                    total += written
                    if stopping, total >= ProgressTests.largeInput { break }
                }
                if fd >= 0 { close(fd) }
                if total == 0 { reading.signal() }
                fed.signal()
            }.start()
            return (process, output, fed, reading)
        }
        let quiet = try start("--quiet", "quiet.fifo")
        quiet.reading.wait()  // the quiet run's meter starts before the loud run's
        let loud = try start("", "loud.fifo")
        // The loud run's terminal, read until its progress line shows (or the run ends).
        let shown: String = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                Thread {
                    var seen = Data()
                    while !String(decoding: seen, as: UTF8.self).contains("MB/s") {
                        let more = loud.output.fileHandleForReading.availableData
                        if more.isEmpty { break }
                        seen += more
                    }
                    continuation.resume(returning: String(decoding: seen, as: UTF8.self))
                }.start()
            }
        } onCancel: {
            stop.withLock { $0 = true }
        }
        stop.withLock { $0 = true }
        for run in [loud, quiet] {
            run.fed.wait()
            run.process.waitUntilExit()
            #expect(run.process.terminationStatus == 0)
        }
        let quietShown = String(decoding: quiet.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(shown.contains("MB/s"), "no progress line: \(shown)")
        #expect(!quietShown.contains("MB/s"), "--quiet showed: \(quietShown)")
    }

    /// More than the meter's threshold for input of unknown size (4 MB).
    static let largeInput = 5 << 20
}
