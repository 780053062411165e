import COpenCC
import Foundation
import OpenCC
import HanziTestSupport

/// The repository's files as the OpenCC tests use them, through `HanziTestSupport`.
enum Repository {
    /// The repository root.
    static let root: URL = RepositoryRoot.url

    /// The five seed documents, `seeds/000_….txt` to `seeds/004_….txt`.
    static let seedFiles: [URL] = RepositoryRoot.required("the seed documents") { try Seeds.files() }

    static func bytes(of url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    /// Every Han character (and CJK punctuation) that occurs in the seeds, as UTF-8 strings.
    static let seedCharacters: [String] = {
        var seen = Set<UInt32>()
        var characters: [String] = []
        for text in seedTexts {
            for scalar in text.unicodeScalars where scalar.value >= 0x3000 && seen.insert(scalar.value).inserted {
                characters.append(String(scalar))
            }
        }
        return characters
    }()

    /// Runs of text from the seeds (up to 12 scalars), so generated text holds real phrases.
    static let seedPhrases: [String] = {
        var phrases: [String] = []
        for text in seedTexts {
            let scalars = Array(text.unicodeScalars.filter { $0.value >= 0x3000 })
            var i = 0
            while i < scalars.count {
                let length = 2 + (i % 11)
                var phrase = String.UnicodeScalarView()
                phrase.append(contentsOf: scalars[i..<min(i + length, scalars.count)])
                phrases.append(String(phrase))
                i += length
            }
        }
        return phrases
    }()

    /// The seed documents as text (each must be UTF-8).
    private static let seedTexts: [String] = RepositoryRoot.required("the seed documents as UTF-8") {
        try seedFiles.map { try RepositoryRoot.text("seeds/" + $0.lastPathComponent) }
    }
}

/// Random text mixing Han from the seeds, ASCII, punctuation, line breaks, CRLF, emoji and
/// (optionally) NUL.
struct TextGenerator {
    var random: SeededGenerator
    var includeNUL = true

    init(seed: UInt64, includeNUL: Bool = true) {
        random = SeededGenerator(seed: seed)
        self.includeNUL = includeNUL
    }

    private static let ascii = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
        .map(String.init)
    private static let punctuation = ["，", "。", "、", "；", "：", "？", "！", "「", "」", "《", "》", "（", "）",
                                      ",", ".", "!", "?", "(", ")", "\"", "'", "-", "—", "…", "·", "\t"]
    private static let emoji = ["😀", "🇨🇳", "👩‍👩‍👧", "𠀀", "𪚥", "é", "e\u{301}", "\u{FEFF}", "ｆｕｌｌ"]

    mutating func next(maxPieces: Int = 40) -> String {
        var text = ""
        let pieces = Int.random(in: 0...maxPieces, using: &random)
        for _ in 0..<pieces {
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<40: text += Repository.seedPhrases.randomElement(using: &random)!
            case 40..<55: text += Repository.seedCharacters.randomElement(using: &random)!
            case 55..<70:
                for _ in 0..<Int.random(in: 1...8, using: &random) {
                    text += TextGenerator.ascii.randomElement(using: &random)!
                }
            case 70..<80: text += TextGenerator.punctuation.randomElement(using: &random)!
            case 80..<87: text += "\n"
            case 87..<91: text += "\r\n"
            case 91..<94: text += "\r"
            case 94..<98: text += TextGenerator.emoji.randomElement(using: &random)!
            default: text += includeNUL ? "\0" : " "
            }
        }
        return text
    }
}

/// libopencc's plain C API, used directly as the reference the wrapper must match.
final class RawOpenCC {
    private let handle: opencc_t

    init(_ configuration: ChineseConverter.Configuration) {
        let handle = opencc_open(configuration.configFileName)!
        precondition(handle != UnsafeMutableRawPointer(bitPattern: -1))
        self.handle = handle
    }

    deinit { opencc_close(handle) }

    /// libopencc's result for `bytes` converted line by line, NULs passed through: one
    /// `opencc_convert_utf8` call per NUL-free line.
    func convertLines(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var line: [UInt8] = []
        func flush() {
            guard !line.isEmpty else { return }
            output += convertWhole(line)
            line.removeAll()
        }
        for byte in bytes {
            if byte == 0 {
                flush()
                output.append(0)
            } else {
                line.append(byte)
                if byte == 0x0A { flush() }
            }
        }
        flush()
        return output
    }

    /// One `opencc_convert_utf8` call over all of `bytes` (which must hold no NUL).
    func convertWhole(_ bytes: [UInt8]) -> [UInt8] {
        let result = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { opencc_convert_utf8(handle, $0.baseAddress, $0.count) }
        }!
        defer { opencc_convert_utf8_free(result) }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(result).assumingMemoryBound(to: UInt8.self),
                                         count: strlen(result)))
    }
}

enum Reference {
    /// The output of the `opencc` command-line tool for `input` with `configuration`.
    static func commandLine(_ input: [UInt8], configuration: ChineseConverter.Configuration) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("opencc-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputURL = folder.appendingPathComponent("in.txt")
        let outputURL = folder.appendingPathComponent("out.txt")
        try Data(input).write(to: inputURL)
        let process = Process()
        process.executableURL = try ExternalTool.require("opencc")
        process.arguments = ["-c", configuration.configFileName, "-i", inputURL.path, "-o", outputURL.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandLineFailure(status: process.terminationStatus)
        }
        return try Repository.bytes(of: outputURL)
    }

    /// The folder of the installed OpenCC configurations and dictionaries: `share/opencc` under
    /// the prefix pkg-config gives for libopencc.
    static func installedDataFolder() throws -> URL {
        let process = Process()
        process.executableURL = try ExternalTool.require("pkg-config")
        process.arguments = ["--variable=prefix", "opencc"]
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let prefix = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, !prefix.isEmpty else {
            throw CommandLineFailure(status: process.terminationStatus)
        }
        return URL(fileURLWithPath: prefix).appendingPathComponent("share/opencc")
    }

    struct CommandLineFailure: Error {
        let status: Int32
    }
}

extension ChineseConverter.Options {
    /// libopencc itself: what the wrapper tests check.
    static let libopencc = ChineseConverter.Options(engine: .libopencc)
}

extension ChineseConverter.Configuration {
    /// The built-in configurations the installed libopencc has (all but `s2hkp` and `hk2sp` on 1.1.6).
    static let installed: [ChineseConverter.Configuration] = builtIn.filter {
        SystemOpenCCData.configurationFile(named: $0.openCCName) != nil
    }
}
