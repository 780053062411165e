/// The output of a short text with one paragraph per line, read again until reading it
/// changes nothing.
///
/// With one paragraph per line, the stream reads its own output a second time (see
/// ``ColumnRejoiner/Stream``), so that rejoining that output again changes nothing. A short
/// output, one that the second reading held whole (fewer text lines than a window looks
/// ahead), is read by windows that hold all of it: every join there changes the evidence of
/// every other break (a line that two joined lines made can complete a column of three lines
/// of about one width, or a heading among four lines can become one of three, too few to tell
/// it from a wrapped line), so one more reading may join a break that this one kept. Such an
/// output is held whole at the end of the input anyway, and it has at most
/// ``ColumnRejoiner/lookAheadLines`` lines and ``ColumnRejoiner/maxLineBytes`` bytes (see
/// ``ColumnRejoiner/Stream/rereadInputBytes``); it is read again until it is settled, at most
/// once per line (a reading that changes it joins lines or closes up letter spacing): a
/// bounded cost, paid only by texts that short. Then reading it again changes nothing.
enum RejoinShortOutput {
    /// Reads `text`, a whole short output with one paragraph per line, again until it is
    /// settled (at most once per line).
    static func settle(_ text: inout [UInt8], options: ColumnRejoiner.Options) {
        var lines = 0
        for byte in text where byte == 0x0A { lines += 1 }
        for _ in 0...lines {
            var stream = ColumnRejoiner.Stream(options: options, rereads: false)
            var again: [UInt8] = []
            stream.feed(text, into: &again)
            stream.finish(into: &again)
            if again == text { return }
            text = again
        }
    }
}
