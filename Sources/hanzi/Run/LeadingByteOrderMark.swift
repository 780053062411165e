import HanziCore

/// A UTF-8 byte order mark at the start of a UTF-8 input is kept at the start of its output,
/// by every command, as `opencc` keeps it. The stages never see it (the library's streams drop
/// it), so it cannot change how the first line is processed.
///
/// The first chunks may hold only part of the mark (a pipe can deliver one byte at a time);
/// until the mark is complete or ruled out, the processor has no output to write before it,
/// since the validator keeps back an incomplete character.
struct LeadingByteOrderMark {
    private var pending: Bool
    private var seen: [UInt8] = []

    /// Looks for the mark when `applies` (UTF-8 input).
    init(applies: Bool) { pending = applies }

    /// Looks at the next chunk of the input; true once, when the mark is complete.
    mutating func found(startingWith chunk: [UInt8]) -> Bool {
        guard pending else { return false }
        let mark = UTF8StreamValidator.byteOrderMark
        seen += chunk.prefix(mark.count - seen.count)
        if seen == mark {
            pending = false
            return true
        }
        if !mark.starts(with: seen) { pending = false }
        return false
    }
}
