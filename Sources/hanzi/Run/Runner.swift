#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hanzi
import HanziCore

/// Runs a text-processing command over its inputs: reading, decoding, processing, writing,
/// progress and error reporting. Each input that fails is reported (with its name) and the
/// others are still processed.
struct Runner: Sendable {
    /// Builds the processing of one input; `sample` is the start of the input (as UTF-8) for
    /// choices that depend on the text, such as `--from auto`; `format` is the input's format.
    typealias ProcessorFactory = @Sendable (_ sample: [UInt8], _ jobs: Int, _ format: InputFormat) throws
        -> any StreamProcessor

    var options: InputOutputOptions
    var makeProcessor: ProcessorFactory
    /// How many inputs `--check` or `--diff` found that would change.
    private let changedInputs = Locked(0)

    /// Runs and returns the exit status: 0, or 1 when some input failed.
    func run() -> Int32 {
        let diagnostics = Diagnostics(quiet: options.quiet)
        SignalCleanup.install(diagnostics: diagnostics)
        let items = inputs(diagnostics: diagnostics)
        let problems = destinationProblems(items)
        if !problems.isEmpty {
            for (name, message) in problems { diagnostics.error(name, message) }
            return 1
        }
        if let outputDir = outputDirPath, let clash = Runner.firstClash(items) {
            diagnostics.error(nil, "two inputs would be written to the same file \(outputDir.appending(clash).display); nothing was written")
            return 1
        }
        let knownSizes = items.allSatisfy { $0.size >= 0 }
        // When the output itself goes to the terminal, it shows the progress.
        let outputOnTerminal = options.output == nil && options.outputDir == nil && !options.inPlace && isatty(1) == 1
        let meter = ProgressMeter(diagnostics: diagnostics, total: knownSizes ? items.reduce(0) { $0 + $1.size } : nil,
                                  files: items.count, enabled: !outputOnTerminal)
        // Check mode reports in input order, so it runs the inputs one after the other.
        let perFileDestinations = (options.outputDir != nil || options.inPlace) && !options.reportsChanges
        if perFileDestinations, options.jobs > 1, items.count > 1 {
            // Files in parallel, each processed on one thread.
            ConcurrentMap.forEach(count: items.count, maxConcurrency: Runner.filesInFlight(jobs: options.jobs)) { k in
                var unused = BufferedWriter(fd: 1, path: Runner.standardOutputName)
                process(items[k], jobs: 1, standardOutput: &unused, diagnostics: diagnostics, meter: meter)
            }
        } else {
            var stdout = BufferedWriter(fd: 1, path: Runner.standardOutputName)
            for item in items {
                process(item, jobs: options.jobs, standardOutput: &stdout, diagnostics: diagnostics, meter: meter)
            }
            do {
                try stdout.flush()
            } catch {
                StandardOutput.fail((error as? FileError)?.code ?? EIO)
            }
        }
        meter.finish()
        return diagnostics.failures > 0 || changedInputs.withLock({ $0 }) > 0 ? 1 : 0
    }

    /// How many files are processed at the same time: `-j`, but at most four per core, so that
    /// `-j` far above the core count cannot multiply the memory each file needs.
    static func filesInFlight(jobs: Int) -> Int {
        min(jobs, 4 * max(1, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// How many bytes from the first bad one are tried in other encodings, to suggest one.
    static let encodingSampleSize = 16 << 10

    /// The name of standard output in messages.
    static let standardOutputName = "<stdout>"

    /// The file and folder arguments, as the bytes given (a name need not be UTF-8).
    private var filePaths: [PathBytes] { options.files.map(PathBytes.init(argument:)) }
    /// `-o`, as the bytes given.
    private var outputPath: PathBytes? { options.output.map(PathBytes.init(argument:)) }
    /// `--output-dir`, as the bytes given.
    private var outputDirPath: PathBytes? { options.outputDir.map(PathBytes.init(argument:)) }
    /// `--backup`'s suffix, as the bytes given.
    private var backupSuffix: [UInt8]? { options.backup.map { PathBytes(argument: $0).bytes } }

    /// The inputs the arguments name; reports the ones that cannot be used. With `--in-place`,
    /// a file named twice (a.txt ./a.txt, or through a link) is listed once.
    private func inputs(diagnostics: Diagnostics) -> [InputItem] {
        var enumerator = InputEnumerator(recursive: options.recursive, include: options.include, exclude: options.exclude)
        enumerator.skipFolder = outputDirPath.flatMap(PathCalls.canonical)
        enumerator.backupSuffix = options.inPlace ? backupSuffix : nil
        let (found, failures) = enumerator.inputs(for: filePaths)
        for (name, message) in failures { diagnostics.error(name, message) }
        for glob in enumerator.unmatchedIncludes(found) {
            diagnostics.warning(nil, "--include '\(glob)' matches no file")
        }
        guard options.inPlace else { return found }
        var seen = Set<PathBytes>()
        return found.filter { item in
            guard let path = item.path, let resolved = PathCalls.canonical(path) else { return true }
            return seen.insert(resolved).inserted
        }
    }

    /// What would make writing unsafe (see ``DestinationChecks``), found before anything is written.
    private func destinationProblems(_ items: [InputItem]) -> [(String, String)] {
        let paths = items.compactMap(\.path)
        if options.inPlace {
            let bad = paths.compactMap { path in DestinationChecks.replaceable(path, mustExist: true).map { (path.display, $0) } }
            if !bad.isEmpty { return bad }
            if let suffix = backupSuffix { return DestinationChecks.backups(of: paths, suffix: suffix) }
        } else if let output = outputPath {
            return DestinationChecks.replaceable(output, mustExist: false).map { [(output.display, $0)] } ?? []
        } else if let outputDir = outputDirPath {
            let folders = filePaths.filter { var st = stat(); return PathCalls.fileStatus($0, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR }
            return DestinationChecks.outputFolder(outputDir, folderArguments: folders, inputs: paths,
                                                  outputs: items.map { outputDir.appending($0.relativeOutputPath) })
        }
        return []
    }

    /// Where one input's output goes.
    private enum Sink {
        case standardOutput
        case file(AtomicFileWriter)
        /// Check mode: the output is kept to compare with the input.
        case memory(ByteCollector)

        func write(_ bytes: [UInt8], standardOutput: inout BufferedWriter) throws {
            guard !bytes.isEmpty else { return }
            switch self {
            case .standardOutput: try standardOutput.write(bytes)
            case .file(let file): try file.write(bytes)
            case .memory(let collector): collector.bytes += bytes
            }
        }
    }

    /// Processes one input; reports its failure.
    func process(_ item: InputItem, jobs: Int, standardOutput: inout BufferedWriter,
                 diagnostics: Diagnostics, meter: ProgressMeter) {
        var sink: Sink?
        var input: DecodedInput?
        do {
            input = try DecodedInput(item, encoding: options.inputEncoding)
            sink = try openSink(for: item)
            let original = options.reportsChanges ? ByteCollector() : nil
            let warning = try pump(&input!, format: options.format.resolved(forPath: item.path?.lossyText), jobs: jobs, to: sink!,
                                   recordingInputIn: original, standardOutput: &standardOutput, meter: meter)
            try close(sink!, standardOutput: &standardOutput)
            // Skipped or kept invalid records are always counted, even with --quiet.
            if let warning { diagnostics.warning(item.displayName, warning, evenWhenQuiet: true) }
            if let original, case .memory(let output) = sink,
               let report = ChangeReport.make(name: item.displayName, input: original.bytes, output: output.bytes,
                                              diff: options.diff, jsonl: options.jsonl)
            {
                changedInputs.withLock { $0 += 1 }
                try standardOutput.write(report)
            }
        } catch {
            if case .file(let file)? = sink { file.abort() }
            if let failure = error as? FileError, failure.path == Runner.standardOutputName {
                // Standard output is gone for every input: one line for it, and the run ends.
                meter.finish()
                StandardOutput.fail(failure.code)
            }
            diagnostics.error(item.displayName, Runner.message(for: error, encoding: options.inputEncoding,
                                                               chunk: input?.lastChunk ?? [], chunkStart: input?.chunkStart ?? 0))
            // Whatever reached standard output stays: it is the output of the lines before the error.
            try? standardOutput.flush()
        }
    }

    /// Reads `input` to its end through its processor into `sink`; returns the processor's
    /// warning. On an error, the output of what came before it is written first.
    private func pump(_ input: inout DecodedInput, format: InputFormat, jobs: Int, to sink: Sink,
                      recordingInputIn original: ByteCollector?, standardOutput: inout BufferedWriter,
                      meter: ProgressMeter) throws -> String? {
        var processor: (any StreamProcessor)?
        var output: [UInt8] = []
        /// Runs one step of the processor and writes its output, even when the step fails.
        func step(_ body: (inout any StreamProcessor, inout [UInt8]) throws -> Void) throws {
            output.removeAll(keepingCapacity: true)
            do {
                try body(&processor!, &output)
            } catch {
                try? sink.write(output, standardOutput: &standardOutput)
                throw error
            }
            try sink.write(output, standardOutput: &standardOutput)
        }
        var fedSinceFlush = false
        var byteOrderMark = LeadingByteOrderMark(applies: options.inputEncoding == .utf8)
        while true {
            if fedSinceFlush, input.wouldWait, processor != nil {
                // Slow input (a terminal, `tail -f`): write what is ready instead of waiting.
                try step { try $0.flushReady(into: &$1) }
                if case .standardOutput = sink { try standardOutput.flush() }
                fedSinceFlush = false
            }
            guard let (text, inputBytes) = try input.next() else { break }
            if processor == nil { processor = try makeProcessor(text, jobs, format) }
            original?.bytes += text
            if byteOrderMark.found(startingWith: text) {
                try sink.write(UTF8StreamValidator.byteOrderMark, standardOutput: &standardOutput)
            }
            try step { try $0.process(text, into: &$1) }
            fedSinceFlush = true
            meter.add(inputBytes)
        }
        try input.finish()
        if processor == nil { processor = try makeProcessor([], jobs, format) }
        try step { try $0.finish(into: &$1) }
        return processor?.warning
    }

    /// Completes the output of one input: flushes standard output, or commits the file.
    private func close(_ sink: Sink, standardOutput: inout BufferedWriter) throws {
        switch sink {
        case .standardOutput: try standardOutput.flush()
        case .file(let file): try file.commit(backupSuffix: options.inPlace ? backupSuffix : nil)
        case .memory: break
        }
    }

    private func openSink(for item: InputItem) throws -> Sink {
        if options.reportsChanges { return .memory(ByteCollector()) }
        if options.inPlace, let path = item.path {
            // Through a symbolic link, the file it points to is replaced and the link stays.
            let target = PathCalls.canonical(path) ?? path
            return .file(try AtomicFileWriter(target: target, keepModeOf: target, keepLinks: options.keepLinks))
        }
        if let outputDir = outputDirPath {
            let target = outputDir.appending(item.relativeOutputPath)
            try Folders.create(target.parent)
            return .file(try AtomicFileWriter(target: target, keepModeOf: target))
        }
        if let output = outputPath {
            // Through a symbolic link, the file it points to is written and the link stays.
            let target = Folders.followingLinks(output)
            return .file(try AtomicFileWriter(target: target, keepModeOf: target))
        }
        return .standardOutput
    }

    /// The relative output path two inputs share, if any.
    static func firstClash(_ items: [InputItem]) -> PathBytes? {
        var seen = Set<PathBytes>()
        for item in items where !seen.insert(item.relativeOutputPath).inserted {
            return item.relativeOutputPath
        }
        return nil
    }

    /// One line describing `error`.
    static func message(for error: any Error, encoding: InputEncoding, chunk: [UInt8], chunkStart: Int) -> String {
        switch error {
        case let error as InvalidUTF8Error:
            var line = error.description
            let at = error.byteOffset - chunkStart
            // A character cut by the end of the input says nothing about the encoding.
            let endsInsideCharacter = error.reason == .truncatedSequence
                && error.byteOffset + error.bytes.count == chunkStart + chunk.count
            if encoding == .utf8, !endsInsideCharacter, at >= 0, at < chunk.count {
                let sample = Array(chunk[at..<min(chunk.count, at + Runner.encodingSampleSize)])
                var candidates: [InputEncoding] = []
                if EncodingGuess.looksLike(.gb18030, sample) { candidates.append(.gb18030) }
                if EncodingGuess.looksLike(.big5, sample) {
                    candidates.append(.big5)
                } else if EncodingGuess.looksLike(.big5HKSCS, sample) {
                    candidates.append(.big5HKSCS)
                }
                if !candidates.isEmpty {
                    line += "; the bytes look like " + candidates.map(\.rawValue).joined(separator: " or ")
                        + ": try " + candidates.map { "--encoding \($0.rawValue)" }.joined(separator: " or ")
                } else {
                    line += " (is it a text file? for another encoding use --encoding)"
                }
            }
            return line
        case let error as FileError:
            return error.description
        case let error as JSONLinesError:
            return error.description
        case let error as TextDecodingError:
            return error.description
        case let error as CustomStringConvertible:
            return error.description
        default:
            return "\(error)"
        }
    }
}
