import Testing
@testable import HanziCore

@Suite struct ConcurrentMapTests {
    @Test(arguments: [1, 2, 3, 8])
    func resultsComeBackInOrderAndEachIndexRunsOnce(_ threads: Int) {
        for count in [0, 1, 2, 7, 100] {
            let calls = Locked([Int](repeating: 0, count: count))
            let results = ConcurrentMap.map(count: count, maxConcurrency: threads) { index in
                calls.withLock { $0[index] += 1 }
                return index * index
            }
            #expect(results == (0..<count).map { $0 * $0 })
            #expect(calls.withLock { $0 } == [Int](repeating: 1, count: count))
        }
    }

    @Test func piecesAreTheSlicesBetweenTheCuts() {
        let text = Array("ab\ncd\nef".utf8)
        let pieces = text.withUnsafeBufferPointer { buffer in
            ConcurrentMap.map(pieces: buffer, cuts: [0, 3, 6, 8], maxConcurrency: 3) { index, piece in
                [UInt8(index)] + Array(piece)
            }
        }
        #expect(pieces == [[0] + Array("ab\n".utf8), [1] + Array("cd\n".utf8), [2] + Array("ef".utf8)])
    }

    @Test func forEachVisitsEveryIndexOnce() {
        let seen = Locked(Set<Int>())
        let total = Locked(0)
        ConcurrentMap.forEach(count: 50, maxConcurrency: 4) { index in
            seen.withLock { _ = $0.insert(index) }
            total.withLock { $0 += 1 }
        }
        #expect(seen.withLock { $0 } == Set(0..<50))
        #expect(total.withLock { $0 } == 50)
    }
}

@Suite struct LockedTests {
    @Test func updatesFromManyThreadsAreNotLost() {
        let counter = Locked(0)
        ConcurrentMap.forEach(count: 8, maxConcurrency: 8) { _ in
            for _ in 0..<10_000 { counter.withLock { $0 += 1 } }
        }
        #expect(counter.withLock { $0 } == 80_000)
    }

    @Test func errorsPassThroughAndReleaseTheLock() {
        struct Failure: Error {}
        let lock = Locked()
        #expect(throws: Failure.self) { try lock.withLock { () throws(Failure) in throw Failure() } }
        // Taken again: the failed call let go of it.
        #expect(lock.withLock { 7 } == 7)
    }
}
