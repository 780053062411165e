#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value that threads share, reached only through ``withLock(_:)``: the one lock type of
/// the package.
///
/// A `pthread_mutex_t` in memory of its own (a mutex must not move). Written here because
/// the standard library's `Mutex` needs macOS 15, and the package supports macOS 13.
package final class Locked<Value> {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    /// A lock guarding `value`.
    package init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed: \(status)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the value, holding the lock; `body` may change the value.
    @discardableResult
    package func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}

// @unchecked Sendable: `value` is read and written only while `mutex` is held.
extension Locked: @unchecked Sendable where Value: Sendable {}

extension Locked where Value == Void {
    /// A lock guarding no value, for code that must not run on two threads at once (a C
    /// library's global state).
    package convenience init() {
        self.init(())
    }

    /// Runs `body` holding the lock.
    @discardableResult
    package func withLock<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        try withLock { (_: inout Void) throws(Failure) in try body() }
    }
}
