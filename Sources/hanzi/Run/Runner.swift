import Dispatch
import Foundation
import Hanzi

/// Runs a text-processing command over its inputs: reading, decoding, processing, writing,
/// progress and error reporting. Each input that fails is reported (with its name) and the
/// others are still processed.
struct Runner {
    /// Builds the processing of one input; `sample` is the start of the input (as UTF-8) for
    /// choices that depend on the text, such as `--from auto`.
    typealias ProcessorFactory = (_ sample: [UInt8], _ jobs: Int) throws -> any StreamProcessor

    var options: InputOutputOptions
    var makeProcessor: ProcessorFactory

    /// The size of one read.
    static let readSize = 1 << 20

    /// Runs and returns the exit status: 0, or 1 when some input failed.
    func run() -> Int32 {
        let diagnostics = Diagnostics(quiet: options.quiet)
        let enumerator = InputEnumerator(recursive: options.recursive, include: options.include, exclude: options.exclude)
        var (found, failures) = enumerator.inputs(for: options.files)
        for (name, message) in failures { diagnostics.error(name, message) }
        if options.inPlace {
            // A file named twice (a.txt ./a.txt, or through a link) is replaced once.
            var seen = Set<String>()
            found = found.filter { item in
                guard let path = item.path, let resolved = realpath(path, nil) else { return true }
                defer { free(resolved) }
                return seen.insert(String(cString: resolved)).inserted
            }
        }
        let items = found
        if let outputDir = options.outputDir, let clash = Runner.firstClash(items) {
            diagnostics.error(nil, "two inputs would be written to the same file \(outputDir)/\(clash); nothing was written")
            return 1
        }
        let knownSizes = items.allSatisfy { $0.size >= 0 }
        // When the output itself goes to the terminal, it shows the progress.
        let outputOnTerminal = options.output == nil && options.outputDir == nil && !options.inPlace && isatty(1) == 1
        let meter = ProgressMeter(diagnostics: diagnostics, total: knownSizes ? items.reduce(0) { $0 + $1.size } : nil,
                                  files: items.count, enabled: !outputOnTerminal)
        let perFileDestinations = options.outputDir != nil || options.inPlace
        if perFileDestinations, options.jobs > 1, items.count > 1 {
            // Files in parallel, each processed on one thread.
            let next = AtomicIndex()
            let shared = SharedRunner(runner: self, items: items, diagnostics: diagnostics, meter: meter)
            DispatchQueue.concurrentPerform(iterations: min(options.jobs, items.count)) { _ in
                while let k = next.next(below: items.count) {
                    shared.process(k)
                }
            }
        } else {
            var stdout = BufferedWriter(fd: 1, path: "<stdout>")
            for item in items {
                process(item, jobs: options.jobs, standardOutput: &stdout, diagnostics: diagnostics, meter: meter)
            }
            do {
                try stdout.flush()
            } catch {
                diagnostics.error(nil, "standard output: \(error)")
            }
        }
        meter.finish()
        return diagnostics.failures > 0 ? 1 : 0
    }

    /// Where one input's output goes.
    private enum Sink {
        case standardOutput
        case file(AtomicFileWriter)
        case direct(DirectFileWriter)
    }

    /// Processes one input; reports its failure.
    func process(_ item: InputItem, jobs: Int, standardOutput: inout BufferedWriter,
                 diagnostics: Diagnostics, meter: ProgressMeter) {
        let name = item.displayName
        var sink: Sink?
        var lastChunk: [UInt8] = []
        var chunkStart = 0
        do {
            let reader: FileReader
            if let path = item.path {
                reader = try FileReader(path: path)
            } else {
                reader = FileReader(standardInputNamed: name)
            }
            sink = try openSink(for: item, standardOutput: standardOutput)
            let decoder = options.inputEncoding == .utf8 ? nil : try IconvDecoder(options.inputEncoding)
            var processor: (any StreamProcessor)?
            var raw = [UInt8](repeating: 0, count: Runner.readSize)
            var decoded: [UInt8] = []
            var output: [UInt8] = []
            var offset = 0
            func write(_ bytes: [UInt8]) throws {
                guard !bytes.isEmpty else { return }
                switch sink! {
                case .standardOutput: try standardOutput.write(bytes)
                case .file(let file): try file.write(bytes)
                case .direct(let writer): try writer.write(bytes)
                }
            }
            var fedSinceFlush = false
            while true {
                if fedSinceFlush, reader.wouldWait {
                    // Slow input (a terminal, `tail -f`): write what is ready instead of waiting.
                    output.removeAll(keepingCapacity: true)
                    try processor?.flushReady(into: &output)
                    try write(output)
                    switch sink! {
                    case .standardOutput: try standardOutput.flush()
                    case .file, .direct: break
                    }
                    fedSinceFlush = false
                }
                let n = try raw.withUnsafeMutableBytes { try reader.read(into: $0) }
                if n == 0 { break }
                lastChunk = Array(raw[0..<n])
                chunkStart = offset
                offset += n
                var text: [UInt8]
                if let decoder {
                    decoded.removeAll(keepingCapacity: true)
                    try lastChunk.withUnsafeBytes { try decoder.decode($0, appendingTo: &decoded) }
                    text = decoded
                } else {
                    text = lastChunk
                }
                if processor == nil { processor = try makeProcessor(text, jobs) }
                output.removeAll(keepingCapacity: true)
                do {
                    try text.withUnsafeBufferPointer { try processor!.process($0, into: &output) }
                } catch {
                    try? write(output)  // the output of what came before the error
                    throw error
                }
                try write(output)
                fedSinceFlush = true
                meter.add(n)
            }
            try decoder?.finish()
            if processor == nil { processor = try makeProcessor([], jobs) }
            output.removeAll(keepingCapacity: true)
            do {
                try processor!.finish(into: &output)
            } catch {
                try? write(output)
                throw error
            }
            try write(output)
            switch sink! {
            case .standardOutput: try standardOutput.flush()
            case .file(let file): try file.commit(backupSuffix: options.inPlace ? options.backup : nil)
            case .direct(let writer): try writer.close()
            }
            if let warning = processor?.warning { diagnostics.warning(name, warning) }
        } catch {
            if case .file(let file)? = sink { file.abort() }
            diagnostics.error(name, Runner.message(for: error, encoding: options.inputEncoding,
                                                   chunk: lastChunk, chunkStart: chunkStart))
            // Whatever reached standard output stays: it is the output of the lines before the error.
            try? standardOutput.flush()
        }
    }

    private func openSink(for item: InputItem, standardOutput: BufferedWriter) throws -> Sink {
        if options.inPlace, let path = item.path {
            // Through a symbolic link, the file it points to is replaced and the link stays.
            var target = path
            if let resolved = realpath(path, nil) {
                target = String(cString: resolved)
                free(resolved)
            }
            return .file(try AtomicFileWriter(target: target, keepModeOf: target))
        }
        if let outputDir = options.outputDir {
            let target = outputDir + "/" + item.relativeOutputPath
            let folder = (target as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw FileError(path: folder, operation: "cannot create the folder \(folder)", code: EACCES)
            }
            return .file(try AtomicFileWriter(target: target, keepModeOf: target))
        }
        if let output = options.output {
            var st = stat()
            if stat(output, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG {
                // A device or a pipe (/dev/null, a FIFO): written directly.
                let fd = open(output, O_WRONLY | O_CLOEXEC)
                if fd < 0 { throw FileError(path: output, operation: "cannot open \(output)", code: errno) }
                return .direct(DirectFileWriter(fd: fd, path: output))
            }
            return .file(try AtomicFileWriter(target: output, keepModeOf: output))
        }
        return .standardOutput
    }

    /// The relative output path two inputs share, if any.
    static func firstClash(_ items: [InputItem]) -> String? {
        var seen = Set<String>()
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
                let sample = Array(chunk[at..<min(chunk.count, at + 16384)])
                var candidates: [InputEncoding] = []
                if IconvDecoder.looksLike(.gb18030, sample) { candidates.append(.gb18030) }
                if IconvDecoder.looksLike(.big5, sample) {
                    candidates.append(.big5)
                } else if IconvDecoder.looksLike(.big5HKSCS, sample) {
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
        case let error as DecodingError:
            return error.description
        case let error as CustomStringConvertible:
            return error.description
        default:
            return "\(error)"
        }
    }
}

/// Shares a run between worker threads; each input is processed by one of them.
private final class SharedRunner: @unchecked Sendable {
    let runner: Runner
    let items: [InputItem]
    let diagnostics: Diagnostics
    let meter: ProgressMeter

    init(runner: Runner, items: [InputItem], diagnostics: Diagnostics, meter: ProgressMeter) {
        self.runner = runner
        self.items = items
        self.diagnostics = diagnostics
        self.meter = meter
    }

    func process(_ k: Int) {
        var unused = BufferedWriter(fd: 1, path: "<stdout>")
        runner.process(items[k], jobs: 1, standardOutput: &unused, diagnostics: diagnostics, meter: meter)
    }
}

/// Hands out 0, 1, 2, ... to worker threads.
final class AtomicIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
