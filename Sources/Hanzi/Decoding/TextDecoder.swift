#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HanziCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes text in a ``TextEncoding`` to UTF-8, as a stream fed in chunks cut anywhere (even
/// inside a character), in bounded memory.
///
/// ```swift
/// let decoder = try TextDecoder(from: .gb18030)
/// var utf8: [UInt8] = []
/// for chunk in chunks { try decoder.feed(chunk, into: &utf8) }   // Data, [UInt8], ...
/// try decoder.finish(into: &utf8)
///
/// let whole = try TextDecoder.decode(contentsOf: url, from: .big5)
/// ```
///
/// The decoded output of any chunking is the same bytes. An invalid sequence is a
/// ``TextDecodingError`` with its offset from the start of the input; a character cut by the
/// end of the input is one too, thrown by ``finish(into:)``.
///
/// UTF-8 input passes through unchanged, for the pipeline to validate (and drop its byte order
/// mark), so that its error offsets stay those of the input, unless it starts with a UTF-16
/// byte order mark: then it is decoded as UTF-16 in the order the mark gives
/// (``detectedEncoding`` tells). The other encodings are decoded with the system's iconv,
/// which knows every one of them and is on every platform Hanzi runs on.
///
/// A decoder is a class (it owns an iconv handle) and is not `Sendable`: use one per input.
public final class TextDecoder {
    /// The encoding the decoder was made for.
    public let encoding: TextEncoding
    /// The encoding the input turned out to have: ``encoding``, or ``TextEncoding/utf16`` for
    /// UTF-8 input that starts with a UTF-16 byte order mark; `nil` until the first bytes are in.
    public private(set) var detectedEncoding: TextEncoding?

    private var converter: IconvConverter?
    /// Input bytes held back: the start of the input until its byte order mark is known, or
    /// the start of a character cut by the end of a chunk.
    private var held: [UInt8] = []
    /// The input offset of `held`'s first byte.
    private var heldOffset = 0

    /// A decoder from `encoding`.
    /// - Throws: ``UnsupportedEncodingError`` when the system's iconv cannot decode it.
    public init(from encoding: TextEncoding) throws(UnsupportedEncodingError) {
        self.encoding = encoding
        if encoding != .utf8 {
            converter = try IconvConverter(from: encoding)
            detectedEncoding = encoding
        }
    }

    /// Decodes `chunk`, appending UTF-8 to `output`.
    /// - Throws: ``TextDecodingError`` at the first invalid sequence.
    public func feed(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) throws(TextDecodingError) {
        if detectedEncoding == nil {
            if held.isEmpty, Self.startKind(of: chunk) == .utf8 {
                // The first chunk shows UTF-8 by itself: passed on without holding a copy.
                detectedEncoding = .utf8
                output.append(contentsOf: chunk)
                heldOffset = chunk.count
                return
            }
            held.append(contentsOf: chunk)
            guard held.count >= 2 else { return }
            try detect(into: &output)
            return
        }
        guard let converter else {
            output.append(contentsOf: chunk)
            heldOffset += chunk.count
            return
        }
        held.append(contentsOf: chunk)
        try decodeHeld(with: converter, into: &output)
    }

    /// Ends the input.
    /// - Throws: ``TextDecodingError`` when the input ends inside a character.
    public func finish(into output: inout [UInt8]) throws(TextDecodingError) {
        if detectedEncoding == nil {
            // Fewer than two bytes in all: no UTF-16 byte order mark.
            detectedEncoding = .utf8
            output.append(contentsOf: held)
            held.removeAll()
            return
        }
        if !held.isEmpty, let detectedEncoding {
            throw TextDecodingError(encoding: detectedEncoding, byteOffset: heldOffset, atEnd: true)
        }
    }

    /// Decodes a whole input: `Data`, `[UInt8]` or any other collection of bytes.
    public static func decode(_ bytes: some Collection<UInt8>, from encoding: TextEncoding) throws -> [UInt8] {
        let decoder = try TextDecoder(from: encoding)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 2)
        try decoder.feed(bytes, into: &output)
        try decoder.finish(into: &output)
        return output
    }

    /// Decodes a whole file, read in pieces of `SystemIO.readSize` (1 MiB).
    /// - Throws: a `POSIXError` when the file cannot be opened or read,
    ///   ``UnsupportedEncodingError`` or ``TextDecodingError``.
    public static func decode(contentsOf url: URL, from encoding: TextEncoding) throws -> [UInt8] {
        let decoder = try TextDecoder(from: encoding)
        var output: [UInt8] = []
        try POSIXError.forSystemCalls {
            try SystemIO.readPieces(atPath: url.path) { try decoder.feed($0, into: &output) }
        }
        try decoder.finish(into: &output)
        return output
    }

    /// What the first bytes of input read as UTF-8 show: UTF-16 (a byte order mark, FF FE or
    /// FE FF), UTF-8 (anything else), or nothing yet (fewer than two bytes).
    ///
    /// A reader whose decoder was made for UTF-8 can pass input that shows UTF-8 on without the
    /// decoder, which would give the same bytes.
    package static func startKind(of start: some Collection<UInt8>) -> TextEncoding? {
        var bytes = start.makeIterator()
        guard let b0 = bytes.next(), let b1 = bytes.next() else { return nil }
        return (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) ? .utf16 : .utf8
    }

    /// UTF-8 input with its first two bytes in: a UTF-16 byte order mark (FF FE or FE FF)
    /// switches to UTF-16.
    private func detect(into output: inout [UInt8]) throws(TextDecodingError) {
        guard Self.startKind(of: held) == .utf16 else {
            detectedEncoding = .utf8
            output.append(contentsOf: held)
            heldOffset = held.count
            held.removeAll()
            return
        }
        detectedEncoding = .utf16
        do {
            converter = try IconvConverter(from: .utf16)
        } catch {
            // iconv without UTF-16 cannot be: it is in every iconv. Report the bytes as undecodable.
            throw TextDecodingError(encoding: .utf16, byteOffset: 0, atEnd: false)
        }
        try decodeHeld(with: converter!, into: &output)
    }

    private func decodeHeld(with converter: IconvConverter, into output: inout [UInt8]) throws(TextDecodingError) {
        let used: Int
        switch converter.convert(held, appendingTo: &output) {
        case .complete(let count), .cutCharacter(let count):
            used = count
        case .invalid(let at):
            throw TextDecodingError(encoding: detectedEncoding ?? encoding, byteOffset: heldOffset + at, atEnd: false)
        }
        held.removeFirst(used)
        heldOffset += used
    }
}
