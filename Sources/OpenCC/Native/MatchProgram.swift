/// Where one compiled ``PrefixTable`` sits in a converter's shared word and byte arrays.
struct TableLocation: Sendable, Hashable {
    /// The nodes, four words each.
    let nodeBase: Int
    /// The filter of first scalar pairs.
    let filterBase: Int
    /// The filter of first byte pairs.
    let leadBase: Int
    /// The children, two words each.
    let childBase: Int
    /// The value ranges, two words each, as offsets in the shared byte array.
    let valueBase: Int
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

/// A dictionary match at a position: the key's length in bytes (0: no match) and the value.
struct PrefixMatch {
    var length: Int
    var valueStart: Int
    var valueCount: Int

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

    /// The match of one table: the walk keeps the value of the lowest class seen, the
    /// deepest of that class.
    @inline(__always)
    func match(_ table: TableLocation, _ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> PrefixMatch {
        let lead = UInt32(p[0])
        let leadKey = lead < 0x80 ? Int(lead) << 8 : Int(lead) << 8 | Int(p[1])
        if words[table.leadBase &+ leadKey >> 5] & (1 << UInt32(leadKey & 31)) == 0 { return .none }
        let (first, firstLength) = MatchTables.decode(p)
        var node: UInt32
        if first < 0x10000 && first != 0 {
            node = first
        } else {
            node = child(of: UInt32(PrefixTable.rootNode), first, table)
            if node == 0 { return .none }
        }
        var slot = table.nodeBase &+ Int(node) &* 4
        var value = words[slot &+ 2]
        let childCount = words[slot &+ 1]
        var q = p + firstLength
        var bestValue: UInt32 = 0
        var bestClass: UInt32 = .max
        var bestLength = 0
        if value != 0 {
            bestValue = value
            bestClass = words[slot &+ 3]
            bestLength = firstLength
        }
        if childCount != 0 && q < end {
            var (scalar, length) = MatchTables.decode(q)
            let bit = PrefixTable.pairHash(first, scalar)
            if words[table.filterBase &+ Int(bit >> 5)] & (1 << (bit & 31)) != 0 {
                node = child(of: node, scalar, table)
                while node != 0 {
                    q += length
                    slot = table.nodeBase &+ Int(node) &* 4
                    value = words[slot &+ 2]
                    if value != 0 {
                        let valueClass = words[slot &+ 3]
                        if valueClass <= bestClass {
                            bestClass = valueClass
                            bestValue = value
                            bestLength = q - p
                        }
                    }
                    if words[slot &+ 1] == 0 || q >= end { break }
                    (scalar, length) = MatchTables.decode(q)
                    node = child(of: node, scalar, table)
                }
            }
        }
        if bestValue == 0 { return .none }
        let range = table.valueBase &+ Int(bestValue &- 1) &* 2
        return PrefixMatch(length: bestLength, valueStart: Int(words[range]), valueCount: Int(words[range &+ 1]))
    }

    /// The child of `node` for `scalar`, or 0.
    @inline(__always)
    private func child(of node: UInt32, _ scalar: UInt32, _ table: TableLocation) -> UInt32 {
        let slot = table.nodeBase &+ Int(node) &* 4
        let count = Int(words[slot &+ 1])
        let children = words + (table.childBase &+ Int(words[slot]) &* 2)
        var low = 0
        var high = count
        while high &- low > 4 {
            let middle = (low &+ high) >> 1
            if children[middle &* 2] <= scalar { low = middle } else { high = middle }
        }
        while low < high {
            let found = children[low &* 2]
            if found == scalar { return children[low &* 2 &+ 1] }
            if found > scalar { return 0 }
            low &+= 1
        }
        return 0
    }

    /// The scalar of the well-formed UTF-8 sequence at `p`, and its length.
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
