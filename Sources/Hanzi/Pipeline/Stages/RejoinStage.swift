/// The rejoiner as a pipeline stage: column-wrapped lines into paragraphs. It decides line
/// breaks from what comes before and after them, so it sees the whole stream.
struct RejoinStage: StreamTextStage {
    let rejoiner: ColumnRejoiner

    func makeStream() -> any TextStageStream {
        Stream(rejoiner: rejoiner.makeStream())
    }

    private struct Stream: TextStageStream {
        var rejoiner: ColumnRejoiner.Stream

        mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
            rejoiner.feed(chunk, into: &output)
        }

        mutating func finish(into output: inout [UInt8]) {
            rejoiner.finish(into: &output)
        }
    }
}
