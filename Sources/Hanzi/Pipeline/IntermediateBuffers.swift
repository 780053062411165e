import HanziCore

/// The arrays that hold what one local stage gives the next inside a piece, reused from piece
/// to piece instead of allocated for each (a fresh megabyte costs its page faults every time).
/// Pieces run on several threads at once, so the arrays are taken and given back under a lock;
/// at most ``limit`` are kept, about two for each piece that can run at the same time.
final class IntermediateBuffers: Sendable {
    private let spare = Locked<[[UInt8]]>([])
    /// How many arrays are kept between pieces.
    let limit: Int

    init(maxConcurrency: Int) {
        limit = 2 * max(1, maxConcurrency)
    }

    /// An empty array, with the capacity of one used before when there is one.
    func take() -> [UInt8] {
        // Emptied here, not in `give`: here the array has no other owner, so its storage is kept.
        guard var buffer = spare.withLock({ $0.popLast() }) else { return [] }
        buffer.removeAll(keepingCapacity: true)
        return buffer
    }

    /// Gives `buffer` back for a later piece.
    func give(_ buffer: [UInt8]) {
        spare.withLock { arrays in
            if arrays.count < limit { arrays.append(buffer) }
        }
    }
}
