import Foundation

// Small thread-safe helpers for transforming pieces of a text on several threads and
// collecting the results in input order.

/// One result slot per piece, each written by exactly one worker.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.withLock { slots[index] = value }
    }

    func take(_ index: Int) -> T {
        lock.withLock {
            let value = slots[index]!
            slots[index] = nil
            return value
        }
    }
}

/// A read-only buffer handed to worker threads while its owner waits for them.
struct UnsafeSendableBuffer: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }
}

/// A counter shared by worker threads.
final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    /// Returns the current value and adds one.
    func increment() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}

/// Applies `transform` to the pieces `text[cuts[k]..<cuts[k + 1]]` on up to `maxConcurrency`
/// threads, and returns the results in piece order.
///
/// - Parameters:
///   - text: The whole text; it must stay valid until the call returns (it does: the call waits).
///   - cuts: Increasing offsets, from 0 to `text.count`, that cut `text` into pieces.
///   - maxConcurrency: How many threads work at most.
///   - transform: Called once per piece with the piece's index and its bytes.
func transformPiecesConcurrently<T: Sendable>(
    _ text: UnsafeBufferPointer<UInt8>, cuts: [Int], maxConcurrency: Int,
    _ transform: @Sendable (_ index: Int, _ piece: UnsafeBufferPointer<UInt8>) -> T
) -> [T] {
    let pieces = cuts.count - 1
    let results = ResultSlots<T>(count: pieces)
    let base = UnsafeSendableBuffer(text)
    let next = AtomicCounter()
    DispatchQueue.concurrentPerform(iterations: min(maxConcurrency, pieces)) { _ in
        while true {
            let k = next.increment()
            guard k < pieces else { return }
            results.set(k, transform(k, UnsafeBufferPointer(rebasing: base.buffer[cuts[k]..<cuts[k + 1]])))
        }
    }
    return (0..<pieces).map { results.take($0) }
}
