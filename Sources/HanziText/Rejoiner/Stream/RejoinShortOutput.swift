/// The output of a short text with one paragraph per line, read again until reading it
/// changes nothing.
///
/// With one paragraph per line, the stream reads its own output a second time (see
/// ``ColumnRejoiner/Stream``), so that rejoining that output again changes nothing. That
/// holds while the output has as many lines as a window needs to show a column: a text of
/// fewer lines (``RejoinRules/minimumEvidenceLines``) is read by the rules for little
/// evidence, which join a break inside a sentence that the reading of more lines kept (a
/// line that read as a heading among four lines, two of which were then joined). Such an
/// output is short and held whole at the end of the input, and every reading only joins
/// lines, so it is read again until it is settled: at most once per line.
enum RejoinShortOutput {
    /// Reads `text`, a whole output with one paragraph per line, again until it is
    /// settled, when it has fewer lines than ``RejoinRules/minimumEvidenceLines``.
    static func settle(_ text: inout [UInt8], options: ColumnRejoiner.Options) {
        var lines = 0
        for byte in text where byte == 0x0A { lines += 1 }
        guard lines < RejoinRules.minimumEvidenceLines else { return }
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
