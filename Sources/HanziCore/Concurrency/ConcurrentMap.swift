import Dispatch

/// Runs a piece of work per index on several threads and gives the results back in index
/// order: the one worker loop of the package (the pipeline's pieces, the concurrent
/// conversion, the command's files).
///
/// Each worker thread claims the next index not yet taken until none is left, so pieces
/// that take different times even out. The call returns once every piece is done; the
/// result does not depend on the number of threads.
package enum ConcurrentMap {
    /// `transform(0) ... transform(count - 1)`, computed on up to `maxConcurrency` threads
    /// (on the calling thread alone when that is 1 or there is one piece), in index order.
    package static func map<T: Sendable>(
        count: Int, maxConcurrency: Int, _ transform: @Sendable (_ index: Int) -> T
    ) -> [T] {
        let workers = min(max(maxConcurrency, 1), count)
        if workers <= 1 { return (0..<count).map(transform) }
        let state = Locked(Slots<T>(count: count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = state.withLock({ $0.claim() }) {
                let result = transform(index)
                state.withLock { $0.results[index] = result }
            }
        }
        return state.withLock { slots in slots.results.map { $0! } }
    }

    /// Runs `body(0) ... body(count - 1)` on up to `maxConcurrency` threads, each index once,
    /// and returns when all are done.
    package static func forEach(count: Int, maxConcurrency: Int, _ body: @Sendable (_ index: Int) -> Void) {
        _ = map(count: count, maxConcurrency: maxConcurrency, body)
    }

    /// `transform` applied to the pieces `text[cuts[k]..<cuts[k + 1]]` on up to
    /// `maxConcurrency` threads, in piece order.
    ///
    /// - Parameters:
    ///   - text: The whole text, only read by the workers.
    ///   - cuts: Increasing offsets from 0 to `text.count` that cut `text` into pieces.
    ///   - transform: Called once per piece with the piece's index and bytes.
    package static func map<T: Sendable>(
        pieces text: UnsafeBufferPointer<UInt8>, cuts: [Int], maxConcurrency: Int,
        _ transform: @Sendable (_ index: Int, _ piece: UnsafeBufferPointer<UInt8>) -> T
    ) -> [T] {
        // The workers only read the buffer, and it outlives them: this call waits for them.
        nonisolated(unsafe) let shared = text
        return map(count: cuts.count - 1, maxConcurrency: maxConcurrency) { k in
            transform(k, UnsafeBufferPointer(rebasing: shared[cuts[k]..<cuts[k + 1]]))
        }
    }

    /// The work handed out so far and the results come back.
    private struct Slots<T: Sendable>: Sendable {
        var next = 0
        var results: [T?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        /// The next index nobody has taken, or `nil` when all are taken.
        mutating func claim() -> Int? {
            guard next < results.count else { return nil }
            defer { next &+= 1 }
            return next
        }
    }
}
