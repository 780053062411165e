/// How much of the text a stage of the cleaning pipeline must see at once, which decides
/// where the pipeline may cut the text and whether the stage may run on several threads.
///
/// A stage is *local* to lines (or paragraphs) when its output for a text is its output for
/// the text's lines (or blank-line-separated paragraphs) one by one, joined. Local stages run
/// on pieces of the text, on several threads; a ``stream`` stage sees the whole stream, in
/// order, on one thread.
public enum StageLocality: Sendable, Hashable, CaseIterable {
    /// Each line on its own: the text may be cut after any line break.
    case line
    /// Each paragraph on its own: the text may be cut after a blank line.
    case paragraph
    /// The whole stream in order: the stage keeps what it has seen from one chunk to the next.
    case stream
}

/// One step of the cleaning pipeline, over well-formed UTF-8 (the pipeline validates its
/// input once, before the first stage).
package protocol TextStage: Sendable {
    /// Where the text may be cut for this stage.
    var locality: StageLocality { get }
}

/// A stage local to lines or paragraphs: a function of its piece of text.
package protocol LocalTextStage: TextStage {
    /// Appends the stage's output for `text` (well-formed UTF-8, cut only where ``locality``
    /// allows) to `output`.
    ///
    /// - Throws: whatever the stage's engine reports; the pipeline passes it to its caller.
    func apply(to text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws
}

/// A stage over the whole stream (``StageLocality/stream``): each stream of text gets its
/// own ``TextStageStream``.
package protocol StreamTextStage: TextStage {
    /// A fresh stream at the start of a text.
    func makeStream() -> any TextStageStream
}

extension StreamTextStage {
    package var locality: StageLocality { .stream }
}

/// The state of a ``StreamTextStage`` over one stream.
package protocol TextStageStream: Sendable {
    /// Takes the next chunk (well-formed UTF-8, cut anywhere between characters) and appends
    /// the output that is ready.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws
    /// Ends the stream and appends the rest of the output.
    mutating func finish(into output: inout [UInt8]) throws
}
