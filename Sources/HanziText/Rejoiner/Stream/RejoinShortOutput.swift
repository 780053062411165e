/// The output of a short text, read again until reading it changes nothing.
///
/// A short text is read by windows that hold all of it: every join there changes the
/// evidence of every other break (a line that two joined lines made can complete a column of
/// three lines of about one width, or a heading among four lines can become one of three, too
/// few to tell it from a wrapped line), so reading the output again may join a break that the
/// first reading kept. Such an output is held whole at the end of the input anyway: with one
/// paragraph per line, the second reading's (see ``ColumnRejoiner/Stream``), when the first
/// reading gave it at most ``ColumnRejoiner/maxLineBytes`` bytes
/// (``ColumnRejoiner/Stream/rereadInputBytes``); with a
/// blank line between paragraphs, the stream's own, held while its input has at most
/// ``ColumnRejoiner/maxLineBytes`` bytes (the evidence of a window is measured on the input's
/// lines, not on the lines the output will have: a column that only the first reading's joins
/// make, or that page breaks hid, shows only to a second reading, whatever the number of
/// lines), and read again where the output differs from the input
/// (``ColumnRejoiner/Stream/isInput(_:_:)``). It is read again until it is settled, at
/// most once per line (a reading that changes it joins lines or closes up letter spacing): a
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
