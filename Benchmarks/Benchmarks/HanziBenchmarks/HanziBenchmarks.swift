import Benchmark
import Foundation

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(BenchmarkSettings.maxSeconds),
        maxIterations: BenchmarkSettings.maxIterations
    )

    for label in BenchmarkSettings.sizes {
        let corpus = Corpus.load(label)

        Benchmark("scan/\(label)") { benchmark in
            corpus.bytes.withUnsafeBufferPointer { buffer in
                for _ in benchmark.scaledIterations {
                    blackHole(countLineFeeds(buffer))
                }
            }
        }

        for config in ["s2t", "t2s", "hk2s", "s2twp"] {
            let raw = RawOpenCC(configFileName: "\(config).json")
            Benchmark("convert-raw-\(config)/\(label)") { benchmark in
                corpus.bytes.withUnsafeBufferPointer { buffer in
                    for _ in benchmark.scaledIterations {
                        blackHole(raw.convert(buffer))
                    }
                }
            }
        }
    }
}
