import Benchmark
import Foundation
import Hanzi

// Every benchmark processes one whole corpus per iteration, so throughput is the corpus size
// divided by the wall clock of one iteration (scripts/bench-report.py computes it). Names are
// `STAGE/SIZE`; the report pairs stages of the same size to form the ratios.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .nanoseconds,
        units: exactUnits(),
        warmupIterations: 1,
        maxDuration: .seconds(BenchmarkSettings.maxSeconds),
        maxIterations: BenchmarkSettings.maxIterations
    )

    for label in BenchmarkSettings.sizes {
        let corpus = Corpus.load(label)
        registerBaselines(corpus)
        registerConversions(corpus)
        registerTextStages(corpus)
    }
}

/// Exported samples in nanoseconds and plain counts, so that the report computes from exact
/// figures (package-benchmark otherwise picks a unit per benchmark and rounds to it).
func exactUnits() -> [BenchmarkMetric: BenchmarkUnits] {
    [
        .wallClock: .count, .throughput: .count, .mallocCountTotal: .count, .peakMemoryResident: .count,
        inputBytesMetric: .count, pairedRatioMetric: .count,
    ]
}

/// The byte scan every single-pass stage is compared with.
func registerBaselines(_ corpus: Corpus) {
    Benchmark("scan/\(corpus.label)") { benchmark in
        corpus.bytes.withUnsafeBufferPointer { buffer in
            for _ in benchmark.scaledIterations {
                blackHole(countLineFeeds(buffer))
            }
        }
    }
}

/// Conversion by the native engine (the default: OpenCC 1.4.2's data) and by libopencc's C API
/// directly, on the same buffer; the paired ratio is native over libopencc. The other bundled
/// configurations are timed with the native engine alone.
func registerConversions(_ corpus: Corpus) {
    let paired: [ChineseConverter.Configuration] = [.s2t, .t2s, .hk2s, .s2twp]
    for configuration in paired {
        let name = configuration.openCCName
        let raw = RawOpenCC(configFileName: configuration.configFileName)
        Benchmark("convert-raw-\(name)/\(corpus.label)") { benchmark in
            corpus.bytes.withUnsafeBufferPointer { buffer in
                for _ in benchmark.scaledIterations {
                    blackHole(raw.convert(buffer))
                }
            }
        }

        let converter = loadConverter(configuration)
        Benchmark("convert-\(name)/\(corpus.label)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try converter.convert(utf8: corpus.bytes))
            }
        }

        registerPairedRatio(
            "convert-\(name)", corpus: corpus,
            stage: { blackHole(try? converter.convert(utf8: corpus.bytes)) },
            baseline: { corpus.bytes.withUnsafeBufferPointer { blackHole(raw.convert($0)) } }
        )
    }
    for configuration in ChineseConverter.Configuration.builtIn where !paired.contains(configuration) {
        let converter = loadConverter(configuration)
        Benchmark("convert-\(configuration.openCCName)/\(corpus.label)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try converter.convert(utf8: corpus.bytes))
            }
        }
    }
    let system = loadConverter(.s2t, options: .init(dictionaries: .system))
    Benchmark("convert-system-s2t/\(corpus.label)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try system.convert(utf8: corpus.bytes))
        }
    }

    let converter = loadConverter(.s2t)
    Benchmark("convert-parallel-s2t/\(corpus.label)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try converter.convertConcurrently(utf8: corpus.bytes))
        }
    }
    registerPairedRatio(
        "convert-parallel-s2t", corpus: corpus,
        stage: { blackHole(try? converter.convertConcurrently(utf8: corpus.bytes)) },
        baseline: { blackHole(try? converter.convert(utf8: corpus.bytes)) }
    )
}

/// The pure-Swift text stages.
func registerTextStages(_ corpus: Corpus) {
    let rejoiner = ColumnRejoiner()
    registerTextStage("rejoin", corpus: corpus) { blackHole(rejoiner.rejoin(utf8: corpus.bytes)) }

    // Every style with every spacing mode: `normalize` is the default (mainland, remove),
    // the others are `normalize-STYLE-SPACING` with the default parts left out
    // (`normalize-taiwan`, `normalize-insert`, `normalize-hongkong-keep`).
    for style in PunctuationNormalizer.Style.allCases {
        for spacing in PunctuationNormalizer.Spacing.allCases {
            let normalizer = PunctuationNormalizer(style: style, options: .init(spacing: spacing))
            registerTextStage(normalizeStageName(style, spacing), corpus: corpus) {
                blackHole(normalizer.normalize(utf8: corpus.bytes))
            }
        }
    }

    let cleaner = loadCleaner(TextCleaner.Options())
    registerTextStage("clean", corpus: corpus) { blackHole(try? cleaner.clean(utf8: corpus.bytes)) }

    let convertingCleaner = loadCleaner(TextCleaner.Options(conversions: [.s2t]))
    registerTextStage("clean-s2t", corpus: corpus) { blackHole(try? convertingCleaner.clean(utf8: corpus.bytes)) }

    let detector: ScriptDetector
    do { detector = try ScriptDetector() } catch { fatalError("benchmarks: cannot load the script detector: \(error)") }
    registerTextStage("detect", corpus: corpus) { blackHole(detector.detect(utf8: corpus.bytes)) }

    // JSON Lines: the corpus's paragraphs as records, the `text` field cleaned as `hanzi clean
    // --jsonl` does. Its input is larger than the corpus (JSON escapes, keys), so the benchmark
    // reports its own byte count.
    let records = JSONLinesCorpus.records(from: corpus.bytes)
    let recordBytes = records.count
    Benchmark(
        "jsonl-clean/\(corpus.label)",
        configuration: .init(
            metrics: Benchmark.defaultConfiguration.metrics + [inputBytesMetric],
            timeUnits: .nanoseconds,
            units: exactUnits(),
            warmupIterations: 1,
            maxDuration: .seconds(BenchmarkSettings.maxSeconds),
            maxIterations: BenchmarkSettings.maxIterations
        )
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            var stream = JSONLinesStream(fields: ["text"]) { try cleaner.clean(validUTF8: $0) }
            var output: [UInt8] = []
            output.reserveCapacity(recordBytes + recordBytes / 8)
            do {
                try stream.feed(records, into: &output)
                try stream.finish(into: &output)
            } catch {
                fatalError("benchmarks: JSON Lines corpus rejected: \(error)")
            }
            blackHole(output)
            benchmark.measurement(inputBytesMetric, recordBytes)
        }
    }
}

/// The benchmark name of the normaliser in `style` with `spacing`: `normalize`, then the style
/// and the spacing mode where they are not the defaults (mainland, remove).
func normalizeStageName(_ style: PunctuationNormalizer.Style, _ spacing: PunctuationNormalizer.Spacing) -> String {
    var name = "normalize"
    if style != .mainland { name += "-\(style.rawValue)" }
    if spacing != .remove { name += "-\(spacing.rawValue)" }
    return name
}

/// Registers a text stage, and its paired ratio to the byte scan.
func registerTextStage(_ name: String, corpus: Corpus, _ body: @escaping @Sendable () -> Void) {
    Benchmark("\(name)/\(corpus.label)") { benchmark in
        for _ in benchmark.scaledIterations {
            body()
        }
    }
    registerPairedRatio(
        name, corpus: corpus, stage: body,
        baseline: { corpus.bytes.withUnsafeBufferPointer { blackHole(countLineFeeds($0)) } }
    )
}

func loadCleaner(_ options: TextCleaner.Options) -> TextCleaner {
    do {
        return try TextCleaner(options: options)
    } catch {
        fatalError("benchmarks: cannot load the cleaner: \(error)")
    }
}

func loadConverter(
    _ configuration: ChineseConverter.Configuration, options: ChineseConverter.Options = .default
) -> ChineseConverter {
    do {
        return try ChineseConverter(configuration, options: options)
    } catch {
        fatalError("benchmarks: cannot load \(configuration.openCCName): \(error)")
    }
}
