extension PrefixTable {
    /// The linked trie the sorted keys build (node 0 is the root; a node's parent always has
    /// a smaller number), before it is laid out.
    struct Trie {
        let scalar: [UInt32]
        let parent: [Int32]
        let firstChild: [Int32]
        let nextSibling: [Int32]
        /// The value of the node's own key, or -1.
        let value: [Int32]
        let valueClass: [UInt8]
        /// Two words per value: start in the value bytes, length.
        let valueRanges: [UInt32]
        /// Per value: whether it is the key itself (converting it changes nothing).
        let valueIsKey: [Bool]
    }

    /// The bits of a ``FirstScalar`` entry and of a node word.
    enum Bits {
        /// A longer key starts with this scalar, or goes on from this node. (First scalars)
        /// with it, the rest of the entry locates the scalar's block (see
        /// ``MatchTables/block(_:_:)``), whose first word holds the other bits.
        static let longer: UInt32 = 1 << 31
        /// The answer's value is its key: the bytes are copied.
        static let copies: UInt32 = 1 << 30
        /// (First scalars only) the value is in the entry: bytes in bits 0-23, length in 24-25.
        static let inline: UInt32 = 1 << 29
        /// (First scalars) the answer is of class 0 and a table that marks segments was asked
        /// for: the key is a segment of its own. Never with ``inline``.
        static let firstSegment: UInt32 = 1 << 28
        /// (First scalars) the result number, 0 for none.
        static let firstResult: UInt32 = (1 << 28) - 1
        /// (First scalars with ``longer``) the scalar's own answer, in its block's head, writes
        /// nothing and steps over the scalar: its value is its key and it is not a segment, or
        /// it has no answer and does not start a description sequence. A conversion that
        /// finds no longer key then goes on without reading the head.
        static let passes: UInt32 = 1 << 30
        /// (Nodes) as ``firstSegment``.
        static let nodeSegment: UInt32 = 1 << 29
        /// (Nodes) the result number, 0 for none.
        static let nodeResult: UInt32 = (1 << 29) - 1
    }

    /// The number a parent below the first scalar has in an edge key: first scalars are
    /// numbered by themselves (all below 2^21), deeper nodes from 2^21 on.
    static let deepParent: UInt32 = 1 << 21
    static let pageIndexWords = 0x110000 >> 8
    /// The words of a table's presence bits (``TableLocation/presence``).
    static let presenceWords = 0x1_0000 >> 5

    /// The answer of every node of `trie`: the entry of the lowest class on its path, the
    /// deepest of that class. Only the values that answer somewhere are kept, in the order of
    /// their nodes.
    static func answers(_ trie: Trie, valueBytes: [UInt8], marksSegments: Bool) throws(DictionaryEntries.FormatError) -> CompiledTrie {
        let nodeCount = trie.scalar.count
        var compiled = CompiledTrie()
        compiled.marksSegments = marksSegments
        compiled.parent = trie.parent
        compiled.scalar = trie.scalar
        compiled.answer = [UInt32](repeating: 0, count: nodeCount)
        var keyLength = [Int](repeating: 0, count: nodeCount)
        var answerClass = [Int](repeating: Int.max, count: nodeCount)
        // Parents come before children, so one pass in node order does it.
        for node in 1..<nodeCount {
            let parent = Int(trie.parent[node])
            keyLength[node] = keyLength[parent] + PrefixTable.utf8Length(trie.scalar[node])
            compiled.answer[node] = compiled.answer[parent]
            answerClass[node] = answerClass[parent]
            let value = Int(trie.value[node])
            if value >= 0, Int(trie.valueClass[node]) <= answerClass[node] {
                let valueStart = Int(trie.valueRanges[value * 2])
                let valueCount = Int(trie.valueRanges[value * 2 + 1])
                guard keyLength[node] <= 0xFFFF, valueCount <= 0xFFFF else {
                    throw DictionaryEntries.FormatError(reason: "a key or value is longer than 65,535 bytes")
                }
                compiled.results.append(UInt32(compiled.valueBytes.count))
                compiled.results.append(UInt32(keyLength[node]) | UInt32(valueCount) << 16)
                compiled.valueBytes.append(contentsOf: valueBytes[valueStart..<valueStart + valueCount])
                compiled.resultFlags.append(
                    (trie.valueIsKey[value] ? CompiledTrie.copies : 0) | (trie.valueClass[node] == 0 ? CompiledTrie.firstClass : 0))
                compiled.answer[node] = UInt32(compiled.results.count / 2)
                answerClass[node] = Int(trie.valueClass[node])
            }
        }
        return compiled
    }

    /// Lays `compiled` out at the end of `shared` and `sharedBytes` (a converter's arrays, see
    /// the type's description) and returns where it is: written in place, so that the large
    /// tables are neither copied nor moved once laid out.
    static func layOut(
        _ compiled: CompiledTrie, into shared: inout [UInt32], bytes sharedBytes: inout [UInt8]
    ) throws(DictionaryEntries.FormatError) -> TableLocation {
        let nodeCount = compiled.scalar.count
        let resultCount = compiled.results.count / 2
        var hasChildren = [Bool](repeating: false, count: nodeCount)
        var deepNumber = [UInt32](repeating: 0, count: nodeCount)
        var deepCount: UInt32 = 0
        // Per first scalar with longer keys: its number of continuations, then where its
        // block starts (relative to the blocks).
        // The same for the second scalar of a key (a pair) that longer keys go on from: its
        // block holds the third scalars.
        var continuations = [Int](repeating: 0, count: nodeCount)
        var depth = [UInt8](repeating: 0, count: nodeCount)
        var blockedCount = 0
        var pairCount = 0
        for node in 1..<max(1, nodeCount) {
            let parent = Int(compiled.parent[node])
            hasChildren[parent] = true
            depth[node] = min(depth[parent], 3) + 1
            if parent != 0 {
                deepCount += 1
                deepNumber[node] = deepCount
                if depth[node] == 2 { pairCount += 1 }
                if depth[node] <= 3 {
                    blockedCount += 1
                    continuations[parent] += 1
                }
            }
        }
        guard deepCount < PrefixTable.deepParent, resultCount < Int(Bits.firstResult) else {
            throw DictionaryEntries.FormatError(reason: "too many keys for one table")
        }
        // Blocks in node order (depth first), so that a first scalar's pairs' blocks follow its own.
        var blockStart = [Int](repeating: 0, count: nodeCount)
        var blockWords = 0
        for node in 1..<max(1, nodeCount) where depth[node] <= 2 && continuations[node] > 0 {
            blockStart[node] = blockWords
            blockWords += 1 + PrefixTable.blockSlots(continuations[node])
        }
        guard blockWords < 1 << 25 else { throw DictionaryEntries.FormatError(reason: "too many keys for one table") }

        // First scalars: the pages that hold any, after one shared page of zeros.
        var pageOf = [Int](repeating: 0, count: PrefixTable.pageIndexWords)
        var pageCount = 1
        for node in 1..<max(1, nodeCount) where compiled.parent[node] == 0 {
            let page = Int(compiled.scalar[node] >> 8)
            if pageOf[page] == 0 {
                pageOf[page] = pageCount
                pageCount += 1
            }
        }
        let deeperEdges = Int(deepCount) - blockedCount
        let slotCount = max(2, PrefixTable.nextPowerOfTwo(deeperEdges + deeperEdges / 2 + 1))

        var location = TableLocation()
        location.pageIndex = 0
        let pagesBase = PrefixTable.pageIndexWords
        location.leads = pagesBase + pageCount * 256
        let filterBits = min(1 << 20, max(64, PrefixTable.nextPowerOfTwo(pairCount * 32)))
        location.filter = location.leads + 8
        location.filterShift = UInt32(32 - filterBits.trailingZeroBitCount)
        location.blocks = location.filter + filterBits / 32
        location.rows = location.blocks + blockWords
        location.edges = location.rows + 2 * blockWords
        location.edgeShift = UInt64(64 - slotCount.trailingZeroBitCount)
        location.edgeMask = slotCount - 1
        location.nodes = location.edges + slotCount * 2
        location.results = location.nodes + Int(deepCount) + 1
        let wordBase = shared.count
        let byteBase = sharedBytes.count
        location.presence = location.results + compiled.results.count
        guard wordBase + location.presence + PrefixTable.presenceWords < Int(UInt32.max),
            byteBase + compiled.valueBytes.count < Int(UInt32.max)
        else { throw DictionaryEntries.FormatError(reason: "too many tables for one converter") }
        shared.append(contentsOf: repeatElement(0, count: location.presence + PrefixTable.presenceWords))
        sharedBytes.append(contentsOf: compiled.valueBytes)
        shared.withUnsafeMutableBufferPointer { all in
            let words = UnsafeMutableBufferPointer(rebasing: all[wordBase...])
            for page in 0..<PrefixTable.pageIndexWords {
                words[page] = UInt32(wordBase + pagesBase + pageOf[page] * 256)
            }
            for node in 1..<max(1, nodeCount) {
                let parent = Int(compiled.parent[node])
                let answer = compiled.answer[node]
                let flags = answer != 0 ? compiled.resultFlags[Int(answer) - 1] : 0
                let copies = flags & CompiledTrie.copies != 0
                let segment = compiled.marksSegments && flags & CompiledTrie.firstClass != 0
                var word: UInt32 = hasChildren[node] ? Bits.longer : 0
                if copies { word |= Bits.copies }
                let scalar = compiled.scalar[node]
                if parent == 0 {
                    // A first scalar's answer is its own key's, if it has one.
                    var own: UInt32 = copies ? Bits.copies : 0
                    let valueCount = answer != 0 ? Int(compiled.results[Int(answer) * 2 - 1] >> 16) : 0
                    if answer != 0, !copies, !segment, (1...3).contains(valueCount) {
                        let start = Int(compiled.results[Int(answer) * 2 - 2])
                        var packed: UInt32 = 0
                        for index in 0..<valueCount { packed |= UInt32(compiled.valueBytes[start + index]) << (8 * index) }
                        own |= Bits.inline | UInt32(valueCount) << 24 | packed
                    } else {
                        own |= answer | (segment ? Bits.firstSegment : 0)
                    }
                    let entry: UInt32
                    if continuations[node] > 0 {
                        // The answer moves to the block's head; the entry says where the block is.
                        let block = location.blocks + blockStart[node]
                        words[block] = own
                        entry =
                            Bits.longer | PrefixTable.blockReference(blockStart[node], continuations[node])
                            | (PrefixTable.passes(own, scalar) ? Bits.passes : 0)
                    } else {
                        entry = own
                    }
                    words[pagesBase + pageOf[Int(scalar >> 8)] * 256 + Int(scalar & 0xFF)] = entry
                    if scalar < 0x1_0000 { words[location.presence + Int(scalar >> 5)] |= 1 << (scalar & 31) }
                    let lead = PrefixTable.leadByte(of: scalar)
                    words[location.leads + Int(lead >> 5)] |= 1 << (UInt32(lead) & 31)
                    location.lowestLead = min(location.lowestLead, lead)
                    continue
                }
                let nodeWord = word | answer | (segment ? Bits.nodeSegment : 0)
                words[location.nodes + Int(deepNumber[node])] = nodeWord
                if depth[node] <= 3 {
                    // A continuation of a first scalar or of a pair: in its block's hash table.
                    if depth[node] == 2 {
                        let bit = PrefixTable.pairHash(compiled.scalar[parent], scalar) &>> location.filterShift
                        words[location.filter + Int(bit >> 5)] |= 1 << (bit & 31)
                    }
                    let keys = location.blocks + blockStart[parent] + 1
                    let slots = PrefixTable.blockSlots(continuations[parent])
                    var slot = Int(PrefixTable.continuationHash(scalar) &>> UInt32(32 - slots.trailingZeroBitCount))
                    while words[keys + slot] != 0 { slot = (slot + 1) & (slots - 1) }
                    words[keys + slot] = scalar + 1
                    let row = location.rows + 2 * (blockStart[parent] + 1 + slot)
                    words[row] = nodeWord
                    // A pair that longer keys go on from: where its own block is, in place of
                    // its number (the third scalars are in the block, not in the edges).
                    words[row + 1] =
                        depth[node] == 2 && continuations[node] > 0
                        ? PrefixTable.blockReference(blockStart[node], continuations[node]) : deepNumber[node]
                    continue
                }
                let key = UInt64(PrefixTable.deepParent | deepNumber[parent]) << 21 | UInt64(scalar)
                var slot = Int(truncatingIfNeeded: (key &* PrefixTable.edgeMultiplier) &>> location.edgeShift)
                while words[location.edges + slot * 2] != 0 || words[location.edges + slot * 2 + 1] != 0 {
                    slot = (slot + 1) & location.edgeMask
                }
                let entry = key | UInt64(deepNumber[node]) << 43
                words[location.edges + slot * 2] = UInt32(truncatingIfNeeded: entry)
                words[location.edges + slot * 2 + 1] = UInt32(truncatingIfNeeded: entry >> 32)
            }
            var index = 0
            while index < compiled.results.count {
                words[location.results + index] = compiled.results[index] + UInt32(byteBase)
                words[location.results + index + 1] = compiled.results[index + 1]
                index += 2
            }
        }
        location.pageIndex += wordBase
        location.leads += wordBase
        location.filter += wordBase
        location.blocks += wordBase
        location.rows += wordBase
        location.edges += wordBase
        location.nodes += wordBase
        location.results += wordBase
        location.presence += wordBase
        return location
    }

    /// The multiplier of the edge hash (Fibonacci hashing: the top bits of the product).
    static let edgeMultiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The filter hash of a key that starts with `first`, `second`; its top bits are used.
    @inline(__always)
    static func pairHash(_ first: UInt32, _ second: UInt32) -> UInt32 {
        (first &* 0x9E37_79B1) ^ (second &* 0x85EB_CA77)
    }

    /// The slots of the hash table of a first scalar with `continuations` continuations: a
    /// power of two at least twice as many, so that most lookups read one slot.
    static func blockSlots(_ continuations: Int) -> Int {
        max(2, PrefixTable.nextPowerOfTwo(2 * continuations))
    }

    /// Whether a first scalar's own answer `own` (an entry without continuations) earns
    /// ``Bits/passes``.
    static func passes(_ own: UInt32, _ scalar: UInt32) -> Bool {
        if own & Bits.inline != 0 { return false }
        if own & Bits.firstResult == 0 { return leadByte(of: scalar) != 0xE2 }
        return own & Bits.copies != 0 && own & Bits.firstSegment == 0
    }

    /// A block's place (bits 0-24, relative to the blocks) and the shift of its hash (bits
    /// 25-29), for a block of `continuations` continuations at `start`.
    static func blockReference(_ start: Int, _ continuations: Int) -> UInt32 {
        UInt32(32 - PrefixTable.blockSlots(continuations).trailingZeroBitCount) << 25 | UInt32(start)
    }

    /// The hash of a continuation in its block (Fibonacci hashing: the top bits are used).
    @inline(__always)
    static func continuationHash(_ scalar: UInt32) -> UInt32 {
        scalar &* 0x9E37_79B1
    }

    /// The first UTF-8 byte of `scalar`.
    static func leadByte(of scalar: UInt32) -> UInt8 {
        if scalar < 0x80 { return UInt8(scalar) }
        if scalar < 0x800 { return UInt8(0xC0 | scalar >> 6) }
        if scalar < 0x10000 { return UInt8(0xE0 | scalar >> 12) }
        return UInt8(0xF0 | scalar >> 18)
    }

    static func utf8Length(_ scalar: UInt32) -> Int {
        scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
    }

    static func nextPowerOfTwo(_ value: Int) -> Int {
        var power = 1
        while power < value { power <<= 1 }
        return power
    }
}
