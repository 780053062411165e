/// The stages of a pipeline wired for one stream: each ``StreamTextStage`` runs in its own
/// stream; each run of consecutive ``LocalTextStage``s runs as one ``LineLocalStream``, cut
/// where the coarsest of them allows, on several threads when asked.
struct StageChain: Sendable {
    /// One link of the chain.
    private enum Link: Sendable {
        case stream(any TextStageStream)
        case local(LineLocalStream)
        /// A link taken out while it runs.
        case taken
    }

    private var links: [Link] = []
    /// The output of each link but the last, reused from chunk to chunk.
    private var buffers: [[UInt8]] = []

    init(stages: [any TextStage], maxConcurrency: Int, pieceSize: Int) {
        var pending: [any LocalTextStage] = []
        func closeLocalRun() {
            guard !pending.isEmpty else { return }
            let run = pending
            let boundary: LineBoundary = run.contains { $0.locality == .paragraph } ? .blankLine : .lineBreak
            let intermediate = IntermediateBuffers(maxConcurrency: maxConcurrency)
            links.append(.local(LineLocalStream(boundary: boundary, maxConcurrency: maxConcurrency, pieceSize: pieceSize) {
                text, output in try StageChain.apply(run, to: text, into: &output, reusing: intermediate)
            }))
            pending = []
        }
        for stage in stages {
            if let local = stage as? any LocalTextStage {
                pending.append(local)
            } else if let serial = stage as? any StreamTextStage {
                closeLocalRun()
                links.append(.stream(serial.makeStream()))
            }
        }
        closeLocalRun()
        buffers = Array(repeating: [], count: max(0, links.count - 1))
    }

    /// Runs local `stages` one after the other over `text`, appending the last one's output;
    /// the outputs in between go to arrays of `intermediate`.
    private static func apply(
        _ stages: [any LocalTextStage], to text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8],
        reusing intermediate: IntermediateBuffers
    ) throws {
        guard stages.count > 1 else {
            try stages[0].apply(to: text, into: &output)
            return
        }
        var current = intermediate.take()
        defer { intermediate.give(current) }
        try stages[0].apply(to: text, into: &current)
        guard stages.count > 2 else {
            try current.withUnsafeBufferPointer { try stages[1].apply(to: $0, into: &output) }
            return
        }
        var next = intermediate.take()
        defer { intermediate.give(next) }
        for stage in stages.dropFirst().dropLast() {
            next.removeAll(keepingCapacity: true)
            try current.withUnsafeBufferPointer { try stage.apply(to: $0, into: &next) }
            swap(&current, &next)
        }
        try current.withUnsafeBufferPointer { try stages[stages.count - 1].apply(to: $0, into: &output) }
    }

    /// Passes `chunk` (validated, whole characters) through every link, the last one's output
    /// going to `output`; with `final`, ends every link's stream in turn.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, final: Bool, into output: inout [UInt8]) throws {
        guard !links.isEmpty else {
            output.append(contentsOf: chunk)
            return
        }
        try pass(chunk, from: 0, final: final, into: &output)
    }

    /// Appends the output of whatever the local links can finish now, without waiting for a
    /// full batch; what a link lets out goes on through the links after it.
    mutating func flushReady(into output: inout [UInt8]) throws {
        for index in links.indices {
            guard case .local(var lines) = links[index] else { continue }
            links[index] = .taken
            var ready: [UInt8] = []
            defer { links[index] = .local(lines) }
            try lines.flushReady(into: &ready)
            if index == links.count - 1 {
                output.append(contentsOf: ready)
            } else {
                try ready.withUnsafeBufferPointer { try pass($0, from: index + 1, final: false, into: &output) }
            }
        }
    }

    /// Feeds `input` to link `index` and what comes out of each link to the next.
    private mutating func pass(
        _ input: UnsafeBufferPointer<UInt8>, from index: Int, final: Bool, into output: inout [UInt8]
    ) throws {
        if index == links.count - 1 {
            try run(index, input, final: final, into: &output)
            return
        }
        var produced = buffers[index]
        buffers[index] = []
        produced.removeAll(keepingCapacity: true)
        try run(index, input, final: final, into: &produced)
        try produced.withUnsafeBufferPointer { try pass($0, from: index + 1, final: final, into: &output) }
        buffers[index] = produced
    }

    /// Runs link `index` over `input`. The link is taken out of the array while it works, so
    /// that its buffers are not shared and change in place.
    private mutating func run(_ index: Int, _ input: UnsafeBufferPointer<UInt8>, final: Bool, into output: inout [UInt8]) throws {
        let link = links[index]
        links[index] = .taken
        // Consumed, so that the link's buffers have one owner and grow in place instead of
        // being copied on every feed.
        switch consume link {
        case .stream(var stream):
            defer { links[index] = .stream(stream) }
            try stream.feed(input, into: &output)
            if final { try stream.finish(into: &output) }
        case .local(var lines):
            defer { links[index] = .local(lines) }
            try lines.feed(input, into: &output)
            if final { try lines.finish(into: &output) }
        case .taken:
            preconditionFailure("a pipeline link runs inside itself")
        }
    }
}
