/// A short text cleaned until cleaning it again changes nothing.
///
/// The rejoiner reads its own output again until it is settled, but the normaliser after it
/// changes what the rejoiner would see: a half-width `?` becomes `？` (a line one column
/// wider), spaces go in between Chinese and Latin letters. A second cleaning can then join a
/// break the first kept (`t` ⏎ `(?第`, kept apart at a page break, is joined once the `?` is
/// full width and the page break gone). So when the normaliser changed the rejoiner's output,
/// that output is rejoined again; where rejoining changes it, it is normalised again, and so
/// on until rejoining changes nothing. Conversions run once, on the settled text (converting
/// converted text again is no cleaning a user asked for).
///
/// Only a short text, at most ``ColumnRejoiner/maxLineBytes`` bytes, is settled: it is the
/// text the rejoiner reads in windows that hold all of it, where every join changes the
/// evidence of every other break, and it is held whole anyway. The check costs one more
/// rejoining of a text the normaliser changed; the rounds after it are paid only by texts that
/// change again, at most once per line and at most ``maxSettlingRounds`` times.
extension TextCleaner {
    /// Whether short texts are settled: when the normaliser runs after the rejoiner.
    var settlesShortTexts: Bool { options.rejoins && options.normalizes }

    /// The longest text settled: the rejoiner's short text.
    static let shortTextLimit = ColumnRejoiner.maxLineBytes

    /// The most rounds of rejoining and normalising again.
    static let maxSettlingRounds = 32

    /// Cleans `text` (validated, without a byte order mark, at most ``shortTextLimit`` bytes)
    /// until cleaning it again changes nothing, then converts it.
    func cleanSettling(_ text: [UInt8]) throws -> [UInt8] {
        guard let rejoin = stages.first as? any StreamTextStage,
              stages.count > 1, let normalize = stages[1] as? any LocalTextStage
        else { return try Self.run(stages[...], over: text) }
        var rejoined = try Self.run(rejoin, over: text)
        var current = try Self.run(normalize, over: rejoined)
        var lines = 0
        for byte in current where byte == 0x0A { lines += 1 }
        var rounds = 0
        while current != rejoined, rounds < min(lines + 1, Self.maxSettlingRounds) {
            let again = try Self.run(rejoin, over: current)
            if again == current { break }
            rejoined = again
            current = try Self.run(normalize, over: rejoined)
            rounds += 1
        }
        return try Self.run(stages.dropFirst(2), over: current)
    }

    /// Runs `stages` one after the other over a whole text.
    static func run(_ stages: ArraySlice<any TextStage>, over text: [UInt8]) throws -> [UInt8] {
        var current = text
        for stage in stages { current = try run(stage, over: current) }
        return current
    }

    /// Runs one stage over a whole text.
    static func run(_ stage: any TextStage, over text: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(OutputCapacity.expected(forInput: text.count))
        if let local = stage as? any LocalTextStage {
            try text.withUnsafeBufferPointer { try local.apply(to: $0, into: &output) }
        } else if let serial = stage as? any StreamTextStage {
            var stream = serial.makeStream()
            try text.withUnsafeBufferPointer { try stream.feed($0, into: &output) }
            try stream.finish(into: &output)
        }
        return output
    }
}
