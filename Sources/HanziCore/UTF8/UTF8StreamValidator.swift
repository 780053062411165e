/// Checks a stream of bytes for well-formed UTF-8 one chunk at a time, and passes on only whole
/// characters, so that every stage after it can cut its input anywhere between characters.
///
/// Each chunk is checked by ``UTF8Validator``; this type adds what a stream needs on top: a
/// sequence cut by the end of a chunk is kept back (at most three bytes) and completed by the
/// next chunk, error offsets count from the start of the stream, and a byte order mark at the
/// very start of the stream is dropped (when ``dropsByteOrderMark``).
///
/// ```swift
/// var validator = UTF8StreamValidator()
/// var text: [UInt8] = []
/// try validator.validate(chunk1, appendingTo: &text)
/// try validator.validate(chunk2, appendingTo: &text)
/// try validator.finish()
/// ```
public struct UTF8StreamValidator: Sendable {
    /// The UTF-8 byte order mark, U+FEFF.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Whether a UTF-8 byte order mark (`EF BB BF`) at the start of the stream is dropped.
    public var dropsByteOrderMark: Bool

    /// How many bytes of the stream have been looked at (including the ones kept back): the
    /// stream offset of the next byte.
    public private(set) var bytesSeen: Int = 0

    /// The bytes of a character cut by the end of the previous chunk (at most 3).
    private var tail: [UInt8] = []
    /// No whole character has been passed on yet (a byte order mark may still come).
    private var atStart = true

    /// A validator at the start of a stream.
    ///
    /// - Parameter dropsByteOrderMark: Whether a byte order mark at the start of the stream
    ///   is dropped instead of passed on.
    public init(dropsByteOrderMark: Bool = true) {
        self.dropsByteOrderMark = dropsByteOrderMark
    }

    /// Validates the next chunk and appends its whole characters to `output`; the bytes of a
    /// character cut by the end of the chunk wait for the next chunk.
    ///
    /// - Throws: ``InvalidUTF8Error`` for the first malformed sequence, with its offset from
    ///   the start of the stream. Its offset and reason are those of the whole stream checked
    ///   at once; its ``InvalidUTF8Error/bytes`` stop at the end of this chunk when the
    ///   malformed sequence goes on into the next one.
    package mutating func validate(
        _ chunk: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]
    ) throws(InvalidUTF8Error) {
        let whole = try validateInPlace(chunk)
        output.append(contentsOf: whole.completed)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[whole.range]))
    }

    /// The whole characters of a chunk validated in place: ``completed``, then the bytes of the
    /// chunk in ``range``.
    package struct WholeCharacters: Sendable {
        /// A character begun in the previous chunk and completed by this one (empty if none).
        package var completed: [UInt8] = []
        /// The chunk's own whole characters (the rest waits for the next chunk).
        package var range: Range<Int> = 0..<0
    }

    /// Validates the next chunk like ``validate(_:appendingTo:)`` but copies nothing: it says
    /// which of its bytes are whole characters, so that they can be used where they are.
    ///
    /// - Throws: ``InvalidUTF8Error`` as ``validate(_:appendingTo:)`` does.
    package mutating func validateInPlace(
        _ chunk: UnsafeBufferPointer<UInt8>
    ) throws(InvalidUTF8Error) -> WholeCharacters {
        var whole = WholeCharacters()
        let chunkStart = bytesSeen
        bytesSeen &+= chunk.count
        var start = 0
        if !tail.isEmpty {
            // Complete the kept-back character with the first bytes of this chunk.
            let tailOffset = chunkStart &- tail.count
            start = min(UTF8Validator.sequenceLength(lead: tail[0]) &- tail.count, chunk.count)
            tail.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<start]))
            let complete: Int
            do {
                complete = try tail.withUnsafeBufferPointer { buffer throws(InvalidUTF8Error) in
                    try UTF8Validator.validate(buffer, allowingIncompleteTail: true)
                }
            } catch {
                throw error.shifted(by: tailOffset)
            }
            // Still incomplete: the chunk was shorter than the rest of the character.
            if complete < tail.count { return whole }
            pass(tail, to: &whole.completed)
            tail.removeAll(keepingCapacity: true)
        }
        let rest = UnsafeBufferPointer(rebasing: chunk[start...])
        let complete: Int
        do {
            complete = try UTF8Validator.validate(rest, allowingIncompleteTail: true)
        } catch {
            throw error.shifted(by: chunkStart &+ start)
        }
        whole.range = (start &+ wholeCharactersStart(UnsafeBufferPointer(rebasing: rest[..<complete])))..<(start &+ complete)
        tail.append(contentsOf: UnsafeBufferPointer(rebasing: rest[complete...]))
        return whole
    }

    /// Validates the next chunk and appends its whole characters to `output`.
    ///
    /// - Throws: ``InvalidUTF8Error`` for the first malformed sequence, with its offset from
    ///   the start of the stream.
    public mutating func validate(_ chunk: some Collection<UInt8>, appendingTo output: inout [UInt8]) throws(InvalidUTF8Error) {
        let outcome = chunk.withContiguousStorageIfAvailable { buffer in
            Result { () throws(InvalidUTF8Error) in try validate(buffer, appendingTo: &output) }
        }
        if let outcome { return try outcome.get() }
        try Array(chunk).withUnsafeBufferPointer { buffer in
            Result { () throws(InvalidUTF8Error) in try validate(buffer, appendingTo: &output) }
        }.get()
    }

    /// Ends the stream.
    ///
    /// - Throws: ``InvalidUTF8Error`` with reason ``InvalidUTF8Error/Reason/truncatedSequence``
    ///   when the stream ends inside a character; its offset is where that character starts,
    ///   and its ``InvalidUTF8Error/bytes`` run to the end of the stream.
    public mutating func finish() throws(InvalidUTF8Error) {
        guard !tail.isEmpty else { return }
        let tailOffset = bytesSeen &- tail.count
        do {
            _ = try tail.withUnsafeBufferPointer { buffer throws(InvalidUTF8Error) in
                try UTF8Validator.validate(buffer)
            }
        } catch {
            throw error.shifted(by: tailOffset)
        }
    }

    /// Appends whole, valid characters to `output`, without a byte order mark at the very
    /// start of the stream when ``dropsByteOrderMark``.
    private mutating func pass(_ characters: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let from = wholeCharactersStart(characters)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: characters[from...]))
    }

    /// Where the characters to pass on begin in `characters` (after a byte order mark at the
    /// very start of the stream, when it is dropped).
    private mutating func wholeCharactersStart(_ characters: UnsafeBufferPointer<UInt8>) -> Int {
        guard !characters.isEmpty else { return 0 }
        if atStart {
            atStart = false
            if dropsByteOrderMark, characters.starts(with: UTF8StreamValidator.byteOrderMark) {
                return UTF8StreamValidator.byteOrderMark.count
            }
        }
        return 0
    }

    private mutating func pass(_ characters: [UInt8], to output: inout [UInt8]) {
        characters.withUnsafeBufferPointer { pass($0, to: &output) }
    }
}
