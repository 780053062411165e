import Dispatch
import Foundation

extension ChineseConverter {
    /// Converts UTF-8 bytes using several cores, and returns the converted bytes.
    ///
    /// The input is cut into pieces just after line breaks, the pieces are converted at the
    /// same time on up to `maxConcurrency` threads, and the results are joined in order: the
    /// result is byte for byte that of ``convert(utf8:)``. Inputs too small to be worth
    /// splitting are converted on the calling thread.
    ///
    /// The call blocks its thread until the conversion is done; from an `async` context,
    /// prefer calling it from a detached task or a dedicated thread.
    ///
    /// - Parameters:
    ///   - input: The UTF-8 bytes to convert.
    ///   - maxConcurrency: The largest number of threads converting at once; by default the
    ///     number of active processors.
    /// - Throws: ``InvalidUTF8Error`` with the offset of the first malformed byte.
    public func convertConcurrently(
        utf8 input: some Collection<UInt8>,
        maxConcurrency: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws(InvalidUTF8Error) -> [UInt8] {
        let outcome = input.withContiguousStorageIfAvailable { buffer in
            Result { () throws(InvalidUTF8Error) in
                try convertConcurrently(utf8: buffer, maxConcurrency: maxConcurrency)
            }
        }
        if let outcome { return try outcome.get() }
        let copy = Array(input)
        return try copy.withUnsafeBufferPointer { buffer in
            Result { () throws(InvalidUTF8Error) in
                try convertConcurrently(utf8: buffer, maxConcurrency: maxConcurrency)
            }
        }.get()
    }

    /// Converts `text` using several cores; the result is that of ``convert(_:)``.
    ///
    /// - Parameters:
    ///   - text: The text to convert.
    ///   - maxConcurrency: The largest number of threads converting at once.
    public func convertConcurrently(
        _ text: String, maxConcurrency: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> String {
        var text = text
        let output = text.withUTF8 { input in
            convertConcurrently(valid: input, maxConcurrency: maxConcurrency)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Converts the UTF-8 bytes in `input` using several cores.
    ///
    /// - Throws: ``InvalidUTF8Error`` with the offset of the first malformed byte.
    public func convertConcurrently(
        utf8 input: UnsafeBufferPointer<UInt8>,
        maxConcurrency: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws(InvalidUTF8Error) -> [UInt8] {
        _ = try UTF8Validator.validate(input)
        return convertConcurrently(valid: input, maxConcurrency: maxConcurrency)
    }

    /// The smallest piece worth converting on its own thread.
    static let minimumConcurrentPiece = 1 << 16

    private func convertConcurrently(valid input: UnsafeBufferPointer<UInt8>, maxConcurrency: Int) -> [UInt8] {
        let workers = min(max(maxConcurrency, 1), input.count / ChineseConverter.minimumConcurrentPiece)
        guard workers > 1, let base = input.baseAddress else {
            var output: [UInt8] = []
            output.reserveCapacity(input.count &+ input.count / 8 &+ 16)
            appendConversion(ofValid: input, to: &output)
            return output
        }
        // About four pieces per worker evens out pieces that convert at different speeds.
        let target = min(
            pieceSize, max(ChineseConverter.minimumConcurrentPiece, input.count / (workers &* 4)))
        var ranges: [Range<Int>] = []
        var start = 0
        while start < input.count {
            let end = LinePieces.pieceEnd(base, from: start, to: input.count, limit: target)
            ranges.append(start..<end)
            start = end
        }
        let results = ConcurrentResults(count: ranges.count)
        let pieces = ranges
        let shared = ReadOnlyBytes(buffer: input)
        DispatchQueue.concurrentPerform(iterations: min(workers, pieces.count)) { _ in
            while let index = results.claimNext() {
                var output: [UInt8] = []
                output.reserveCapacity(pieces[index].count &+ pieces[index].count / 8 &+ 16)
                appendConversion(ofValid: UnsafeBufferPointer(rebasing: shared.buffer[pieces[index]]), to: &output)
                results.store(output, at: index)
            }
        }
        return results.joined()
    }
}

/// Input bytes that worker threads only read, and that outlive the workers.
private struct ReadOnlyBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// The converted pieces of a concurrent conversion, filled in by the worker threads.
private final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var outputs: [[UInt8]]

    init(count: Int) {
        outputs = Array(repeating: [], count: count)
    }

    /// The index of the next piece to convert, or `nil` when every piece is taken.
    func claimNext() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < outputs.count else { return nil }
        next &+= 1
        return next &- 1
    }

    func store(_ output: [UInt8], at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        outputs[index] = output
    }

    /// The pieces joined in order. Call after every worker has finished.
    func joined() -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        var all: [UInt8] = []
        all.reserveCapacity(outputs.reduce(0) { $0 &+ $1.count })
        for output in outputs { all.append(contentsOf: output) }
        return all
    }
}
