/// Where the parts of one compiled ``PrefixTable`` sit in a converter's shared word array
/// (word offsets), with the sizes of its two hash tables.
struct TableLocation: Sendable, Hashable {
    /// The page index of the first scalars (its words are offsets of 256-word pages).
    var pageIndex = 0
    /// 256 bits: the first bytes of keys.
    var leads = 0
    /// The lowest first byte of any key (255 when the table is empty).
    var lowestLead: UInt8 = 255
    /// The blocks of continuations of the first scalars that longer keys start with.
    var blocks = 0
    /// The filter of first scalar pairs, and the shift that turns a pair hash into its bit.
    var filter = 0
    var filterShift: UInt32 = 0
    /// Two words per word of the blocks: a continuation's node word and node number.
    var rows = 0
    /// The edges below the second scalar, two words a slot, and the shift and mask of their hash.
    var edges = 0
    var edgeShift: UInt64 = 0
    var edgeMask = 0
    /// One word per node below the first scalars (numbered from 1).
    var nodes = 0
    /// Two words per result.
    var results = 0
    /// 2,048 words: one bit per scalar below U+10000 that starts a key (whose
    /// ``MatchTables/firstEntry(_:_:)`` is not 0). Eight kilobytes that stay in the first-level
    /// cache, where the first scalars' pages of a large table (a kilobyte for every 256
    /// scalars that start keys) do not.
    var presence = 0
}

/// How one dictionary of a configuration is matched: a compiled table, or, for nestings of
/// groups that one table cannot express, OpenCC's group policies over compiled members.
indirect enum MatchProgram: Sendable, Hashable {
    case table(TableLocation)
    /// The first member with a match wins.
    case shortCircuit([MatchProgram])
    /// The longest match wins; on equal lengths the earlier member.
    case union([MatchProgram])
}

/// A dictionary match at a position: the key's length in bytes (0: no match) and the value,
/// either in the shared byte array or, for a short value of a one-scalar key, packed in
/// `inlineBytes` (`inlineCount` bytes, lowest first).
struct PrefixMatch {
    var length: Int
    var valueStart: Int
    var valueCount: Int
    var inlineBytes: UInt32 = 0
    var inlineCount = 0

    static let none = PrefixMatch(length: 0, valueStart: 0, valueCount: 0)
}

/// The compiled tables of a converter, seen through raw pointers for the length of one call.
struct MatchTables {
    let words: UnsafePointer<UInt32>
    let bytes: UnsafePointer<UInt8>

    /// The longest match of `program` for the text at `p` (which ends at `end`).
    @inline(__always)
    func match(_ program: MatchProgram, _ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> PrefixMatch {
        if case .table(let table) = program { return match(table, p, end) }
        return matchTree(program, p, end)
    }

    private func matchTree(_ program: MatchProgram, _ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> PrefixMatch {
        switch program {
        case .table(let table):
            return match(table, p, end)
        case .shortCircuit(let members):
            for member in members {
                let found = matchTree(member, p, end)
                if found.length > 0 { return found }
            }
            return .none
        case .union(let members):
            var best = PrefixMatch.none
            for member in members {
                let found = matchTree(member, p, end)
                if found.length > best.length { best = found }
            }
            return best
        }
    }

    /// Appends the value of `found` to `sink`.
    @inline(__always)
    func append(_ found: PrefixMatch, to sink: inout ByteSink) {
        if found.inlineCount > 0 {
            sink.append(packed: found.inlineBytes, count: found.inlineCount)
        } else {
            sink.append(bytes + found.valueStart, count: found.valueCount)
        }
    }

    /// The match of one table at `p`.
    @inline(__always)
    func match(_ table: TableLocation, _ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> PrefixMatch {
        let (first, firstLength) = MatchTables.decode(p)
        var entry = firstEntry(table, first)
        if entry == 0 { return .none }
        if entry & PrefixTable.Bits.longer != 0 {
            let block = self.block(table, entry)
            let node = deepestNode(table, first, entry, block, p + firstLength, end)
            let result = node & PrefixTable.Bits.nodeResult
            if result != 0 { return self.result(table, result) }
            entry = words[block]
        }
        if entry & PrefixTable.Bits.inline != 0 {
            return PrefixMatch(
                length: firstLength, valueStart: 0, valueCount: 0, inlineBytes: entry & 0xFF_FFFF,
                inlineCount: Int(entry >> 24 & 3))
        }
        let result = entry & PrefixTable.Bits.firstResult
        return result == 0 ? .none : self.result(table, result)
    }

    /// Whether a key of `table` starts with the byte `lead`.
    @inline(__always)
    func startsKey(_ table: TableLocation, _ lead: UInt8) -> Bool {
        words[table.leads &+ Int(truncatingIfNeeded: lead &>> 5)] & (1 &<< UInt32(truncatingIfNeeded: lead & 31)) != 0
    }

    /// Whether a key of `table` matches at `p`, whose first scalar is `scalar`: its entry first,
    /// the whole match only where it is not 0.
    @inline(__always)
    func hasMatch(_ table: TableLocation, _ scalar: UInt32, _ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        firstEntry(table, scalar) != 0 && match(table, p, end).length > 0
    }

    /// Whether `scalar`, below U+10000, starts a key of `table` (its entry is not 0).
    @inline(__always)
    func startsKey(_ table: TableLocation, bmp scalar: UInt32) -> Bool {
        words[table.presence &+ Int(truncatingIfNeeded: scalar &>> 5)] & (1 &<< (scalar & 31)) != 0
    }

    /// The entry of `scalar` among the first scalars of `table` (see ``PrefixTable/Bits``).
    @inline(__always)
    func firstEntry(_ table: TableLocation, _ scalar: UInt32) -> UInt32 {
        let page = words[table.pageIndex &+ Int(truncatingIfNeeded: scalar &>> 8)]
        return words[Int(truncatingIfNeeded: page) &+ Int(truncatingIfNeeded: scalar & 0xFF)]
    }

    /// Where the block of a first scalar's continuations starts, for its `entry` (which has
    /// ``PrefixTable/Bits/longer``, the shift of the block's hash in bits 25-29 and the block
    /// in bits 0-24). The block's first word is the scalar's own answer, in the form of an
    /// entry without continuations; then its hash table of continuations: the slots' keys (the
    /// scalar plus one, 0 for an empty slot), linearly probed. Each slot's node word and node
    /// number are in the rows, two words per word of the blocks. A pair (first and second
    /// scalar) that longer keys go on from has a block of the same form for its third scalars
    /// (its first word unused); its row holds that block's reference instead of its number.
    @inline(__always)
    func block(_ table: TableLocation, _ entry: UInt32) -> Int {
        table.blocks &+ Int(truncatingIfNeeded: entry & (1 << 25 - 1))
    }

    /// The word of the deepest node below the first scalar whose continuations are at `block`
    /// that the text at `q` (just after it) reaches, or 0 when no longer key goes on with the
    /// text.
    @inline(__always)
    func deepestNode(_ table: TableLocation, _ first: UInt32, _ entry: UInt32, _ block: Int, _ q: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UInt32 {
        guard q < end else { return 0 }
        var (scalar, length) = MatchTables.decode(q)
        // The pair filter first (its load does not wait for the entry's), then the block's
        // hash table of continuations: a frequent character's keys stay in a few cache lines,
        // and its row gives the node word without the node array.
        let bit = PrefixTable.pairHash(first, scalar) &>> table.filterShift
        if words[table.filter &+ Int(truncatingIfNeeded: bit &>> 5)] & (1 &<< (bit & 31)) == 0 { return 0 }
        guard var row = continuation(table, entry, block, scalar) else { return 0 }
        var word = row[0]
        var next = q + length
        guard word & PrefixTable.Bits.longer != 0 && next < end else { return word }
        // The third scalar: in the pair's own block, which the row names.
        (scalar, length) = MatchTables.decode(next)
        let pairBlock = self.block(table, row[1])
        guard let third = continuation(table, row[1], pairBlock, scalar) else { return word }
        row = third
        word = row[0]
        var node = row[1]
        next += length
        while word & PrefixTable.Bits.longer != 0 && next < end {
            (scalar, length) = MatchTables.decode(next)
            let found = child(table, PrefixTable.deepParent | node, scalar)
            if found == 0 { break }
            node = found
            word = words[table.nodes &+ Int(truncatingIfNeeded: node)]
            next += length
        }
        return word
    }

    /// The row (node word, then node number or, for a pair with longer keys, its block's
    /// reference) of `scalar` in the block at `block`, whose reference (bits 0-24: place,
    /// 25-29: shift of its hash) is `reference`; `nil` when `scalar` does not go on from it.
    @inline(__always)
    func continuation(_ table: TableLocation, _ reference: UInt32, _ block: Int, _ scalar: UInt32) -> UnsafePointer<UInt32>? {
        let shift = reference &>> 25 & 31
        let slots = 1 &<< (32 &- Int(truncatingIfNeeded: shift))
        let keys = words + (block &+ 1)
        let wanted = scalar &+ 1
        var slot = Int(truncatingIfNeeded: PrefixTable.continuationHash(scalar) &>> shift)
        while true {
            let key = keys[slot]
            if key == wanted { break }
            if key == 0 { return nil }
            slot = (slot &+ 1) & (slots &- 1)
        }
        return words + (table.rows &+ 2 &* (block &- table.blocks &+ 1 &+ slot))
    }

    /// The match of result number `result` (from 1).
    @inline(__always)
    func result(_ table: TableLocation, _ result: UInt32) -> PrefixMatch {
        let slot = table.results &+ Int(truncatingIfNeeded: result &- 1) &* 2
        let lengths = words[slot &+ 1]
        return PrefixMatch(
            length: Int(truncatingIfNeeded: lengths & 0xFFFF), valueStart: Int(truncatingIfNeeded: words[slot]),
            valueCount: Int(truncatingIfNeeded: lengths >> 16))
    }

    /// The child numbered by `parent` (``PrefixTable/deepParent`` | node, a node below the
    /// first scalar) for `scalar`, or 0.
    @inline(__always)
    func child(_ table: TableLocation, _ parent: UInt32, _ scalar: UInt32) -> UInt32 {
        let key = UInt64(parent) << 21 | UInt64(scalar)
        var slot = Int(truncatingIfNeeded: (key &* PrefixTable.edgeMultiplier) &>> table.edgeShift)
        while true {
            let at = words + (table.edges &+ slot &* 2)
            let entry = UInt64(at[0]) | UInt64(at[1]) << 32
            if entry & ((1 << 43) - 1) == key { return UInt32(truncatingIfNeeded: entry >> 43) }
            if entry == 0 { return 0 }
            slot = (slot &+ 1) & table.edgeMask
        }
    }

    /// The scalar of the well-formed UTF-8 sequence at `p`, and its length.
    ///
    /// Not ``UTF8Codec/decode(_:_:_:)``: the text was validated at the input, and the match
    /// loop runs this at nearly every position, so it leaves out the codec's checks for
    /// ill-formed and truncated sequences.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>) -> (UInt32, Int) {
        let lead = UInt32(p[0])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(p[1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(p[1] & 0x3F) << 6 | UInt32(p[2] & 0x3F), 3)
        }
        return (
            (lead & 0x07) << 18 | UInt32(p[1] & 0x3F) << 12 | UInt32(p[2] & 0x3F) << 6 | UInt32(p[3] & 0x3F), 4
        )
    }
}
