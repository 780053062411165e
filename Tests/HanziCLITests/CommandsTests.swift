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
