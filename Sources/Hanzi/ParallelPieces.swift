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
