import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hanzi

extension JSONLinesStream.InvalidLinePolicy: NamedArgumentValues {}

/// The options every text-processing command shares: what to read, where to write, how.
struct InputOutputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files or folders to process; none or '-' reads standard input.", valueName: "file"), completion: .file())
    var files: [String] = []

    @Option(name: [.customShort("i"), .customLong("input")], help: ArgumentHelp("An input file, like opencc -i (repeatable; the same as a file argument).", valueName: "file"), completion: .file())
    var input: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the output to this file (one input only).", valueName: "file"), completion: .file())
    var output: String?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp(
        "Write each output into this folder: a file argument under its own name, the files of a folder argument under their paths relative to it.",
        valueName: "dir"), completion: .directory)
    var outputDir: String?

    @Flag(name: .customLong("in-place"), help: "Replace each file with its output (safely: a temporary file, synced, renamed over the original).")
    var inPlace = false

    @Option(help: ArgumentHelp("With --in-place, keep the old version as FILE+SUFFIX (never replacing an existing file).", valueName: "suffix"))
    var backup: String?

    @Flag(name: .customLong("keep-links"), help: "With --in-place, rewrite a file that has other hard links in place once its new version is complete, so the links keep sharing it (by default the file gets a new inode and the links keep the old text).")
    var keepLinks = false

    @Flag(name: .shortAndLong, help: "Process the files in folders, recursively.")
    var recursive = false

    @Option(help: ArgumentHelp("With -r, process only the files matching this glob (repeatable; a glob with '/' matches the relative path).", valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp("With -r, skip the files and folders matching this glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Flag(help: "Read JSON Lines: process the string fields named by --field in every record, keep everything else byte for byte.")
    var jsonl = false

    @Option(help: ArgumentHelp("With --jsonl, a top-level string field to process (repeatable; default: text).", valueName: "name"))
    var field: [String] = []

    @Flag(name: .customLong("skip-invalid"), help: "With --jsonl, the same as --invalid skip.")
    var skipInvalid = false

    @Option(name: .customLong("invalid"), help: ArgumentHelp(
        "With --jsonl, what to do with an invalid line (not UTF-8, not a JSON object, or a --field missing or not a string): keep (write it unchanged, one output line per input line), skip (leave it out) or fail (the default: stop, naming the line). Kept and skipped lines are counted in a warning with their line numbers.",
        valueName: "rule"))
    var invalid: JSONLinesStream.InvalidLinePolicy?

    /// What happens to an invalid JSON line: `--invalid`, `--skip-invalid`, else fail.
    var invalidLines: JSONLinesStream.InvalidLinePolicy { invalid ?? (skipInvalid ? .skip : .fail) }

    @Option(help: ArgumentHelp(
        "The input encoding (a leading UTF-8 BOM is kept at the start of the output; utf-16 goes by its BOM, big-endian without one). The output is always UTF-8.",
        valueName: "name"))
    var encoding: InputEncoding = .utf8

    @Option(name: [.customShort("j"), .customLong("jobs")], help: ArgumentHelp(
        "Threads to use (default: the number of cores): files in parallel, and one large input in pieces. The output does not depend on it.",
        valueName: "n"))
    var jobsOption: Int?

    /// The number of threads: `--jobs`, else the number of cores, as the help says.
    var jobs: Int { jobsOption ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }

    @Option(help: ArgumentHelp(
        "What the inputs are: auto (Markdown for .md and .markdown files, else text), text, or markdown (structure kept byte for byte, only the prose cleaned; with --jsonl, the fields hold Markdown).",
        valueName: "format"))
    var format: InputFormat = .auto

    @Flag(help: "Write nothing; list each input (or JSON Lines record) that would change as path:line:column with the first difference, and exit 1 if any would.")
    var check = false

    @Flag(help: "Write nothing; print a unified diff of what would change, and exit 1 if anything would.")
    var diff = false

    @Flag(name: .shortAndLong, help: "No progress line and no warnings.")
    var quiet = false

    mutating func validate() throws {
        files = input + files
        input = []
        if let n = jobsOption, n < 1 { throw ValidationError("--jobs must be at least 1.") }
        let destinations = [output != nil, outputDir != nil, inPlace].filter { $0 }.count
        if destinations > 1 { throw ValidationError("use only one of -o, --output-dir and --in-place.") }
        if check, diff { throw ValidationError("use --check or --diff, not both.") }
        if check || diff, destinations > 0 {
            throw ValidationError("--\(check ? "check" : "diff") writes nothing; leave out -o, --output-dir and --in-place.")
        }
        if backup != nil, !inPlace { throw ValidationError("--backup goes with --in-place.") }
        if keepLinks, !inPlace { throw ValidationError("--keep-links goes with --in-place.") }
        if backup == "" { throw ValidationError("--backup needs a non-empty suffix.") }
        if inPlace, files.isEmpty || files.contains("-") {
            throw ValidationError("--in-place needs files (it cannot replace standard input).")
        }
        if outputDir != nil, files.isEmpty || files.contains("-") {
            throw ValidationError("--output-dir needs files (standard input has no name); use -o or a redirection.")
        }
        if output != nil, files.count > 1 || recursive {
            throw ValidationError("-o takes one input; use --output-dir for several.")
        }
        if !field.isEmpty, !jsonl { throw ValidationError("--field goes with --jsonl.") }
        if skipInvalid, !jsonl { throw ValidationError("--skip-invalid goes with --jsonl.") }
        if invalid != nil, !jsonl { throw ValidationError("--invalid goes with --jsonl.") }
        if skipInvalid, let invalid, invalid != .skip { throw ValidationError("--skip-invalid is --invalid skip; it cannot go with --invalid \(invalid.rawValue).") }
        if (!include.isEmpty || !exclude.isEmpty), !recursive {
            throw ValidationError("--include and --exclude select files in folders; add -r.")
        }
    }

    /// The input encoding (validated).
    var inputEncoding: InputEncoding { encoding }

    /// Whether the run only reports what would change (`--check` or `--diff`).
    var reportsChanges: Bool { check || diff }

    /// The JSON fields to process.
    var fields: [String] { field.isEmpty ? ["text"] : field }
}
