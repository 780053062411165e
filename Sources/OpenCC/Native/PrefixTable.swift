/// A compiled dictionary, or group of dictionaries that can be merged: a trie over Unicode
/// scalars whose nodes hold the value of the best entry with that key, and answers "the
/// longest dictionary key that starts here" in one walk over the UTF-8 bytes.
///
/// Merging follows OpenCC's group policies. Each entry carries a class: members of a union
/// share one class, and the members of a short-circuit group get increasing classes. The
/// match at a position is the entry of the lowest class on the walk, the longest of that
/// class; on an equal key the earlier member. That is OpenCC's answer for any nesting of
/// unions inside short-circuit groups (all its shipped configurations); other nestings are
/// evaluated as a tree of tables (see ``MatchProgram``).
///
/// The layout is flat (one word array, one byte array) so that a converter can put all its
/// tables in two arrays and reach them through two pointers in the hot loop:
/// - four words per node: first child, child count, value index + 1 (0: no value), class.
///   The node of a key's first scalar, when it is in the BMP, is numbered by that scalar, so
///   the walk starts without a lookup; the root (``rootNode``) and deeper nodes follow;
/// - a bit filter over the first two UTF-8 bytes of every key (2,048 words, in L1), which
///   rules out most positions where no key starts with one load;
/// - a bit filter over the first two scalars of every key, which answers most "does any key
///   go on with this character" questions without touching the children;
/// - two words per child, sorted by scalar: scalar, node;
/// - two words per value: start and length in the byte array.
struct PrefixTable: Sendable {
    var words: [UInt32] = []
    var bytes: [UInt8] = []
    /// Where the parts start in ``words``.
    var nodeBase = 0
    var filterBase = 0
    var leadBase = 0
    var childBase = 0
    var valueBase = 0
    /// The longest key, in bytes.
    var longestKey = 0

    /// One dictionary to merge: its entries and its class.
    struct Member {
        let entries: DictionaryEntries
        let matchClass: UInt8
        let name: String
    }

    /// Compiles `members`, earlier members first on equal keys and classes.
    ///
    /// - Throws: ``DictionaryEntries/FormatError`` when a member has the same key twice or a
    ///   key that is not UTF-8.
    init(members: [Member]) throws(DictionaryEntries.FormatError) {
        let order = PrefixTable.sortedEntries(members)
        try build(members: members, order: order)
    }

    // MARK: Sorting

    /// A reference to entry `entry` of member `member`.
    private struct EntryRef {
        var member: UInt32
        var entry: UInt32
    }

    /// Every entry of every member, sorted by key bytes (which is the order of scalars), then
    /// by class, then by member.
    private static func sortedEntries(_ members: [Member]) -> [EntryRef] {
        var merged: [EntryRef] = []
        for (memberIndex, member) in members.enumerated() {
            var refs = (0..<member.entries.count).map { EntryRef(member: UInt32(memberIndex), entry: UInt32($0)) }
            if !isSorted(refs, members) {
                refs.sort { less($0, $1, members) }
            }
            merged = merged.isEmpty ? refs : merge(merged, refs, members)
        }
        return merged
    }

    private static func isSorted(_ refs: [EntryRef], _ members: [Member]) -> Bool {
        var index = 1
        while index < refs.count {
            if less(refs[index], refs[index - 1], members) { return false }
            index += 1
        }
        return true
    }

    private static func merge(_ a: [EntryRef], _ b: [EntryRef], _ members: [Member]) -> [EntryRef] {
        var result: [EntryRef] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if less(b[j], a[i], members) {
                result.append(b[j])
                j += 1
            } else {
                result.append(a[i])
                i += 1
            }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }

    private static func less(_ x: EntryRef, _ y: EntryRef, _ members: [Member]) -> Bool {
        let order = compareKeys(x, y, members)
        if order != 0 { return order < 0 }
        let cx = members[Int(x.member)].matchClass
        let cy = members[Int(y.member)].matchClass
        if cx != cy { return cx < cy }
        return x.member < y.member
    }

    /// memcmp order of the two keys.
    private static func compareKeys(_ x: EntryRef, _ y: EntryRef, _ members: [Member]) -> Int {
        let ex = members[Int(x.member)].entries
        let ey = members[Int(y.member)].entries
        let xs = Int(ex.ranges[Int(x.entry) &* 4])
        let xn = Int(ex.ranges[Int(x.entry) &* 4 &+ 1])
        let ys = Int(ey.ranges[Int(y.entry) &* 4])
        let yn = Int(ey.ranges[Int(y.entry) &* 4 &+ 1])
        return ex.pool.withUnsafeBufferPointer { px in
            ey.pool.withUnsafeBufferPointer { py in
                let common = min(xn, yn)
                var index = 0
                while index < common {
                    let a = px[xs &+ index]
                    let b = py[ys &+ index]
                    if a != b { return a < b ? -1 : 1 }
                    index &+= 1
                }
                return xn == yn ? 0 : (xn < yn ? -1 : 1)
            }
        }
    }

    // MARK: Building

    private mutating func build(members: [Member], order: [EntryRef]) throws(DictionaryEntries.FormatError) {
        // A linked trie first (first child, next sibling), then laid out flat.
        var scalar: [UInt32] = [0]
        var firstChild: [Int32] = [-1]
        var lastChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
        var value: [Int32] = [-1]
        var valueClass: [UInt8] = [0]
        var valueMember: [UInt32] = [0]
        var valueRanges: [UInt32] = []
        var valueBytes: [UInt8] = []

        var path: [Int32] = [0]  // path[d]: the node after d scalars of the previous key
        var previous: [UInt32] = []
        var current: [UInt32] = []
        for ref in order {
            let member = members[Int(ref.member)]
            let entries = member.entries
            let keyStart = Int(entries.ranges[Int(ref.entry) * 4])
            let keyCount = Int(entries.ranges[Int(ref.entry) * 4 + 1])
            longestKey = max(longestKey, keyCount)
            current.removeAll(keepingCapacity: true)
            guard PrefixTable.decode(entries.pool, from: keyStart, count: keyCount, into: &current) else {
                throw DictionaryEntries.FormatError(reason: "\(member.name): a key is not UTF-8")
            }
            var common = 0
            while common < previous.count, common < current.count, previous[common] == current[common] {
                common += 1
            }
            path.removeSubrange((common + 1)...)
            for depth in common..<current.count {
                let parent = path[depth]
                let node = Int32(scalar.count)
                scalar.append(current[depth])
                firstChild.append(-1)
                lastChild.append(-1)
                nextSibling.append(-1)
                value.append(-1)
                valueClass.append(0)
                valueMember.append(0)
                if lastChild[Int(parent)] < 0 {
                    firstChild[Int(parent)] = node
                } else {
                    nextSibling[Int(lastChild[Int(parent)])] = node
                }
                lastChild[Int(parent)] = node
                path.append(node)
            }
            let node = Int(path[current.count])
            if value[node] >= 0 {
                if valueMember[node] == ref.member {
                    throw DictionaryEntries.FormatError(
                        reason: "\(member.name): the key \(String(decoding: entries.pool[keyStart..<keyStart + keyCount], as: UTF8.self)) appears twice")
                }
            } else {
                let valueStart = Int(entries.ranges[Int(ref.entry) * 4 + 2])
                let valueCount = Int(entries.ranges[Int(ref.entry) * 4 + 3])
                value[node] = Int32(valueRanges.count / 2)
                valueClass[node] = member.matchClass
                valueMember[node] = ref.member
                valueRanges.append(UInt32(valueBytes.count))
                valueRanges.append(UInt32(valueCount))
                valueBytes.append(contentsOf: entries.pool[valueStart..<valueStart + valueCount])
            }
            swap(&previous, &current)
        }

        // Flat layout. A key's first BMP scalar (but NUL) is its node's number, so the walk
        // reaches the first node without a lookup; the root and deeper nodes follow.
        let nodeCount = scalar.count
        var depth: [UInt8] = Array(repeating: 2, count: nodeCount)
        depth[0] = 0
        var child = firstChild[0]
        while child >= 0 {
            depth[Int(child)] = 1
            child = nextSibling[Int(child)]
        }
        var number: [UInt32] = Array(repeating: 0, count: nodeCount)
        var next = UInt32(PrefixTable.rootNode)
        for node in 0..<nodeCount {
            if depth[node] == 1, scalar[node] != 0, scalar[node] < 0x10000 {
                number[node] = scalar[node]
            } else {
                number[node] = next
                next += 1
            }
        }
        let recordCount = Int(next)
        words.reserveCapacity(recordCount * 4 + PrefixTable.filterWords + (nodeCount - 1) * 2 + valueRanges.count)
        nodeBase = 0
        words.append(contentsOf: repeatElement(0, count: recordCount * 4))
        filterBase = words.count
        words.append(contentsOf: repeatElement(0, count: PrefixTable.filterWords))
        leadBase = words.count
        words.append(contentsOf: repeatElement(0, count: 2048))
        childBase = words.count
        words.append(contentsOf: repeatElement(0, count: (nodeCount - 1) * 2))
        valueBase = words.count
        words.append(contentsOf: valueRanges)
        var childCount = 0
        for node in 0..<nodeCount {
            let slot = nodeBase + Int(number[node]) * 4
            words[slot] = UInt32(childCount)
            var child = firstChild[node]
            var count = 0
            while child >= 0 {
                words[childBase + (childCount + count) * 2] = scalar[Int(child)]
                words[childBase + (childCount + count) * 2 + 1] = number[Int(child)]
                if depth[node] == 1 {
                    let bit = PrefixTable.pairHash(scalar[node], scalar[Int(child)])
                    words[filterBase + Int(bit >> 5)] |= 1 << (bit & 31)
                }
                count += 1
                child = nextSibling[Int(child)]
            }
            if depth[node] == 1 {
                for lead in PrefixTable.leadBits(of: scalar[node]) {
                    words[leadBase + lead >> 5] |= 1 << UInt32(lead & 31)
                }
            }
            words[slot + 1] = UInt32(count)
            words[slot + 2] = UInt32(bitPattern: value[node] + 1)
            words[slot + 3] = UInt32(valueClass[node])
            childCount += count
        }
        bytes = valueBytes
    }

    /// The bits of the lead filter a key starting with `scalar` sets: its first two UTF-8
    /// bytes, or for ASCII its byte with any byte after it.
    static func leadBits(of scalar: UInt32) -> [Int] {
        if scalar < 0x80 { return (0..<256).map { Int(scalar) << 8 | $0 } }
        var encoded: [UInt8] = []
        if scalar < 0x800 {
            encoded = [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)]
        } else if scalar < 0x10000 {
            encoded = [UInt8(0xE0 | scalar >> 12), UInt8(0x80 | (scalar >> 6) & 0x3F)]
        } else {
            encoded = [UInt8(0xF0 | scalar >> 18), UInt8(0x80 | (scalar >> 12) & 0x3F)]
        }
        return [Int(encoded[0]) << 8 | Int(encoded[1])]
    }

    /// The node number of the root; numbers below it are first BMP scalars.
    static let rootNode = 0x10000
    /// The pair filter: one bit per hash of a key's first two scalars, 2^20 bits.
    static let filterWords = 1 << 15

    /// The filter bit of a key that starts with `first`, `second`.
    @inline(__always)
    static func pairHash(_ first: UInt32, _ second: UInt32) -> UInt32 {
        ((first &* 0x9E37_79B1) ^ (second &* 0x85EB_CA77)) >> 12
    }

    /// Decodes well-formed UTF-8 into scalars; `false` when the bytes are not UTF-8.
    private static func decode(_ pool: [UInt8], from start: Int, count: Int, into scalars: inout [UInt32]) -> Bool {
        var index = start
        let end = start + count
        while index < end {
            let lead = pool[index]
            let length = UTF8Validator.sequenceLength(lead: lead)
            guard length > 1 || lead < 0x80, index + length <= end else { return false }
            var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> UInt32(length))
            var offset = 1
            while offset < length {
                let byte = pool[index + offset]
                guard byte & 0xC0 == 0x80 else { return false }
                value = value << 6 | UInt32(byte & 0x3F)
                offset += 1
            }
            scalars.append(value)
            index += length
        }
        return true
    }
}
