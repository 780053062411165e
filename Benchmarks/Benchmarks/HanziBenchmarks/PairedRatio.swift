import Benchmark
import Dispatch

/// The metric a paired benchmark records: the throughput of one stage over that of its baseline,
/// in units of 1/10,000, once per iteration.
let pairedRatioMetric = BenchmarkMetric.custom("Paired ratio (x10000)", polarity: .prefersLarger, useScalingFactor: false)

/// Registers `ratio-NAME/SIZE`: every iteration runs the baseline, then the stage, on the same
/// corpus, timing each, and records baseline time over stage time (the stage's throughput as a
/// fraction of the baseline's). Both halves of one sample are measured within a second of each
/// other, so a change of load on a shared machine affects both alike: the median of these
/// samples is the figure CI gates on, rather than a quotient of two separately measured medians.
func registerPairedRatio(
    _ name: String,
    corpus: Corpus,
    stage: @escaping @Sendable () -> Void,
    baseline: @escaping @Sendable () -> Void
) {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, pairedRatioMetric],
        warmupIterations: 1,
        maxDuration: .seconds(BenchmarkSettings.maxSeconds * 2),
        maxIterations: BenchmarkSettings.maxIterations
    )
    Benchmark("ratio-\(name)/\(corpus.label)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let t0 = DispatchTime.now().uptimeNanoseconds
            baseline()
            let t1 = DispatchTime.now().uptimeNanoseconds
            stage()
            let t2 = DispatchTime.now().uptimeNanoseconds
            let baselineTime = Double(max(t1 - t0, 1))
            let stageTime = Double(max(t2 - t1, 1))
            benchmark.measurement(pairedRatioMetric, Int((baselineTime / stageTime * 10_000).rounded()))
        }
    }
}
