#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    /// - Throws: `InvalidUTF8Error` with the offset of the first malformed byte.
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
    /// - Throws: `InvalidUTF8Error` with the offset of the first malformed byte.
    func convertConcurrently(
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
        guard workers > 1 else {
            var output: [UInt8] = []
            output.reserveCapacity(ChineseConverter.expectedOutputCapacity(input.count))
            appendConversion(ofValid: input, to: &output)
            return output
        }
        let target = min(
            pieceSize, max(ChineseConverter.minimumConcurrentPiece, input.count / (workers &* ChineseConverter.piecesPerWorker)))
        var cuts = [0]
        while cuts.last! < input.count {
            cuts.append(LineBoundary.lineBreak.pieceEnd(in: input, from: cuts.last!, to: input.count, limit: target))
        }
        let outputs = ConcurrentMap.map(pieces: input, cuts: cuts, maxConcurrency: workers) { _, piece in
            var output: [UInt8] = []
            output.reserveCapacity(ChineseConverter.expectedOutputCapacity(piece.count))
            appendConversion(ofValid: piece, to: &output)
            return output
        }
        var all: [UInt8] = []
        all.reserveCapacity(outputs.reduce(0) { $0 &+ $1.count })
        for output in outputs { all.append(contentsOf: output) }
        return all
    }

    /// How many pieces each worker gets, about: enough to even out pieces that convert at
    /// different speeds.
    static let piecesPerWorker = 4

    /// The capacity to reserve for the conversion of `count` bytes (``OutputCapacity``).
    static func expectedOutputCapacity(_ count: Int) -> Int {
        OutputCapacity.expected(forInput: count)
    }
}
