/// A compiled dictionary, or group of dictionaries that can be merged, laid out so that the
/// conversion loop answers "the longest dictionary key that starts here" with as few memory
/// loads as possible: at most positions one.
///
/// Merging follows OpenCC's group policies. Each entry carries a class: members of a union
/// share one class, and the members of a short-circuit group get increasing classes. The
/// match at a position is the entry of the lowest class on the walk, the longest of that
/// class; on an equal key the earlier member. That is OpenCC's answer for any nesting of
/// unions inside short-circuit groups (all its shipped configurations); other nestings are
/// evaluated as a tree of tables (see ``MatchProgram``). Because the answer depends only on
/// the keys along the walk, it is computed once per trie node when the table is built: the
/// match at a position is the answer stored at the deepest node the text reaches.
///
/// Everything is in one word array and one byte array, so that a converter puts all its
/// tables in two arrays and reaches them through two pointers in the hot loop:
/// - **first scalars**: a two-level direct table over every Unicode scalar (a page index of
///   4,352 words, then 256-word pages; pages without keys share one page of zeros). Each
///   word is a ``FirstScalar`` entry: whether a longer key starts with this scalar, and the
///   one-scalar key's value, inline when it is at most three bytes;
/// - **pair filter**: one bit per hash of a key's first two scalars, sized to the table,
///   which answers most "does a longer key go on with this character" questions in one load
///   that does not wait for the first one;
/// - **blocks**: per first scalar that longer keys start with, its own answer, then a small
///   open-addressing hash table of the scalars that go on from it (the entry says where the
///   block is and its size), so that a frequent character's continuations sit in a few
///   cache lines; a block of the same form per pair of first and second scalar that longer
///   keys go on from, for the third scalar, after its first scalar's block; **rows**: per
///   slot of the blocks, the continuation's node word and number (for such a pair, its block);
/// - **edges**: an open-addressing hash table from (node, scalar) to child node, two words
///   a slot, for the fourth scalar of a key on;
/// - **nodes**: one word per node below the first scalar: whether it has children, and its
///   answer (an index into the results);
/// - **results**: two words each: value start in the byte array; key length in bytes (low
///   16 bits) and value length (high 16 bits).
struct PrefixTable: Sendable {
    var words: [UInt32] = []
    var bytes: [UInt8] = []
    /// Where the parts start in ``words``, relative to the table.
    var location = TableLocation()

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
    /// With `marksSegments`, an answer of class 0 carries ``Bits/segment`` (see
    /// ``NativeConverter/fused``).
    init(members: [Member], marksSegments: Bool = false) throws(DictionaryEntries.FormatError) {
        try self.init(compiled: PrefixTable.compile(members: members, marksSegments: marksSegments))
    }

    /// Compiles `members` (see ``init(members:marksSegments:)``) without laying the table out.
    static func compile(members: [Member], marksSegments: Bool) throws(DictionaryEntries.FormatError) -> CompiledTrie {
        try compile(members: members, order: sortedEntries(members), marksSegments: marksSegments)
    }

    /// Lays out a table compiled before (``CompiledTrie``, as `make tables` stores it).
    ///
    /// - Throws: ``DictionaryEntries/FormatError`` when the table is too large for the layout.
    init(compiled: CompiledTrie) throws(DictionaryEntries.FormatError) {
        location = try PrefixTable.layOut(compiled, into: &words, bytes: &bytes)
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

    private static func compile(
        members: [Member], order: [EntryRef], marksSegments: Bool
    ) throws(DictionaryEntries.FormatError) -> CompiledTrie {
        // A linked trie first (first child, next sibling), then laid out flat.
        var scalar: [UInt32] = [0]
        var firstChild: [Int32] = [-1]
        var lastChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
        var parentOf: [Int32] = [-1]
        var value: [Int32] = [-1]
        var valueClass: [UInt8] = [0]
        var valueMember: [UInt32] = [0]
        var valueRanges: [UInt32] = []
        var valueBytes: [UInt8] = []
        var valueIsKey: [Bool] = []

        var path: [Int32] = [0]  // path[d]: the node after d scalars of the previous key
        var previous: [UInt32] = []
        var current: [UInt32] = []
        for ref in order {
            let member = members[Int(ref.member)]
            let entries = member.entries
            let keyStart = Int(entries.ranges[Int(ref.entry) * 4])
            let keyCount = Int(entries.ranges[Int(ref.entry) * 4 + 1])
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
                parentOf.append(parent)
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
                valueIsKey.append(entries.pool[valueStart..<valueStart + valueCount] == entries.pool[keyStart..<keyStart + keyCount])
            }
            swap(&previous, &current)
        }

        return try PrefixTable.answers(
            Trie(
                scalar: scalar, parent: parentOf, firstChild: firstChild, nextSibling: nextSibling, value: value,
                valueClass: valueClass, valueRanges: valueRanges, valueIsKey: valueIsKey),
            valueBytes: valueBytes, marksSegments: marksSegments)
    }

    /// Decodes well-formed UTF-8 into scalars (``UTF8Codec``); `false` when the bytes are
    /// not UTF-8.
    private static func decode(_ pool: [UInt8], from start: Int, count: Int, into scalars: inout [UInt32]) -> Bool {
        guard count > 0 else { return true }
        return pool.withUnsafeBufferPointer { buffer in
            let bytes = buffer.baseAddress!
            var index = start
            let end = start + count
            while index < end {
                let (scalar, length) = UTF8Codec.decode(bytes, index, end)
                guard scalar < UTF8Codec.invalidByteBase else { return false }
                scalars.append(scalar)
                index += length
            }
            return true
        }
    }
}
