import Benchmark
import Dispatch
import Foundation

/// The metric a paired benchmark records: the throughput of one stage over that of its baseline,
/// in units of 1/10,000, once per iteration.
let pairedRatioMetric = BenchmarkMetric.custom("Paired ratio (x10000)", polarity: .prefersLarger, useScalingFactor: false)

/// Counts a paired benchmark's iterations, to alternate which half runs first.
final class IterationCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Returns the number of earlier calls.
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count - 1
    }
}

/// Registers `ratio-NAME/SIZE`: every iteration runs the baseline and the stage back to back on
/// the same corpus, timing each, and records baseline time over stage time (the stage's
/// throughput as a fraction of the baseline's). Both halves of one sample are measured within a
/// second of each other, so a change of load on a shared machine affects both alike; which half
/// runs first alternates from one iteration to the next, so neither always inherits the other's
/// cache or heap state. The median of these samples is the figure CI gates on, rather than a
/// quotient of two separately measured medians.
func registerPairedRatio(
    _ name: String,
    corpus: Corpus,
    stage: @escaping @Sendable () -> Void,
    baseline: @escaping @Sendable () -> Void
) {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, pairedRatioMetric],
        timeUnits: .nanoseconds,
        units: exactUnits(),
        warmupIterations: 1,
        maxDuration: .seconds(BenchmarkSettings.maxSeconds * 2),
        maxIterations: BenchmarkSettings.maxIterations
    )
    let counter = IterationCounter()
    Benchmark("ratio-\(name)/\(corpus.label)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let baselineFirst = counter.next() % 2 == 0
            let t0 = DispatchTime.now().uptimeNanoseconds
            if baselineFirst { baseline() } else { stage() }
            let t1 = DispatchTime.now().uptimeNanoseconds
            if baselineFirst { stage() } else { baseline() }
            let t2 = DispatchTime.now().uptimeNanoseconds
            let first = Double(max(t1 - t0, 1))
            let second = Double(max(t2 - t1, 1))
            let (baselineTime, stageTime) = baselineFirst ? (first, second) : (second, first)
            benchmark.measurement(pairedRatioMetric, Int((baselineTime / stageTime * 10_000).rounded()))
        }
    }
}
