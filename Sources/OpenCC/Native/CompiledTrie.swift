/// A dictionary table compiled as far as it can be without its place in memory: the trie of
/// its keys in depth-first order, the answer of OpenCC's group policy at every node, and the
/// values that answer. ``PrefixTable/init(compiled:)`` lays it out for the conversion loop.
///
/// `make tables` stores the bundled configurations' tables in this form
/// (``PrecompiledOpenCCData``), so that a process lays them out instead of reading, sorting and
/// merging the text dictionaries. The stored form is UTF-8 text apart from a few ASCII
/// control bytes: key characters and values are written as they are, numbers as ASCII digits
/// in base 32, so that it embeds in a C string literal at about its own size.
struct CompiledTrie: Sendable, Equatable {
    /// Per node (node 0 is the root; a parent comes before its children, siblings in the
    /// order of their scalars): the parent, the scalar, and the answer (a result number from 1,
    /// 0 for none).
    var parent: [Int32] = [-1]
    var scalar: [UInt32] = [0]
    var answer: [UInt32] = [0]
    /// Two words per result: value start in ``valueBytes``; key length in bytes (low 16 bits)
    /// and value length (high 16 bits).
    var results: [UInt32] = []
    /// Per result: ``copies``, ``firstClass``.
    var resultFlags: [UInt8] = []
    var valueBytes: [UInt8] = []
    /// Whether an answer of class 0 is a segment of its own (see ``NativeConverter/fused``).
    var marksSegments = false

    /// The value is the key itself.
    static let copies: UInt8 = 1
    /// The answer is of class 0.
    static let firstClass: UInt8 = 2

    /// Why a stored table cannot be read, in one line.
    struct CorruptError: Error, Sendable {
        let reason: String
    }

    init() {}

    // MARK: Stored form

    /// The stored form: a header (`T`, segment marks `0`/`1`, node, result and value byte
    /// counts), then every node below the root in order: a byte for its depth and whether it
    /// has an answer of its own, its scalar in UTF-8, and for an answer of its own a byte of
    /// flags, the value's length and the value.
    func encoded() -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "T"), marksSegments ? UInt8(ascii: "1") : UInt8(ascii: "0")]
        CompiledTrie.appendNumber(scalar.count - 1, to: &out)
        CompiledTrie.appendNumber(resultFlags.count, to: &out)
        CompiledTrie.appendNumber(valueBytes.count, to: &out)
        var depth = [Int](repeating: 0, count: scalar.count)
        for node in 1..<scalar.count {
            let parent = Int(parent[node])
            depth[node] = depth[parent] + 1
            let own = answer[node] != 0 && answer[node] != answer[parent]
            out.append(CompiledTrie.nodeBase + UInt8(depth[node] - 1) * 2 + (own ? 1 : 0))
            CompiledTrie.appendUTF8(scalar[node], to: &out)
            if own {
                let result = Int(answer[node]) - 1
                out.append(CompiledTrie.nodeBase + resultFlags[result])
                let start = Int(results[result * 2])
                let count = Int(results[result * 2 + 1] >> 16)
                CompiledTrie.appendNumber(count, to: &out)
                out.append(contentsOf: valueBytes[start..<start + count])
            }
        }
        return out
    }

    /// The deepest key the stored form can hold, in scalars (a depth byte stays below 0x80).
    static let maximumDepth = 40
    static let nodeBase: UInt8 = 0x30

    /// Whether ``encoded()`` can store this table: keys no deeper than ``maximumDepth``, and
    /// a result for each node's own answer in node order (as ``PrefixTable`` builds them).
    var isStorable: Bool {
        var depth = [Int](repeating: 0, count: scalar.count)
        var nextResult: UInt32 = 1
        for node in 1..<scalar.count {
            let parent = Int(parent[node])
            guard parent < node else { return false }
            depth[node] = depth[parent] + 1
            if depth[node] > CompiledTrie.maximumDepth { return false }
            if answer[node] != 0 && answer[node] != answer[parent] {
                guard answer[node] == nextResult else { return false }
                nextResult += 1
            }
        }
        return Int(nextResult) - 1 == resultFlags.count
    }

    /// Reads a table stored by ``encoded()``, checking everything the layout relies on.
    ///
    /// - Throws: ``CorruptError`` when the bytes are not such a table.
    init(decoding bytes: UnsafeBufferPointer<UInt8>) throws(CorruptError) {
        var reader = StoredBytesReader(bytes)
        guard try reader.byte() == UInt8(ascii: "T") else { throw CorruptError(reason: "not a table") }
        let marks = try reader.byte()
        guard marks == UInt8(ascii: "0") || marks == UInt8(ascii: "1") else { throw CorruptError(reason: "bad table header") }
        marksSegments = marks == UInt8(ascii: "1")
        let nodeCount = try reader.number(atMost: 1 << 24)
        let resultCount = try reader.number(atMost: nodeCount)
        let valueByteCount = try reader.number(atMost: reader.remaining)
        parent = [Int32](repeating: -1, count: nodeCount + 1)
        scalar = [UInt32](repeating: 0, count: nodeCount + 1)
        answer = [UInt32](repeating: 0, count: nodeCount + 1)
        results = [UInt32](repeating: 0, count: resultCount * 2)
        resultFlags = [UInt8](repeating: 0, count: resultCount)
        valueBytes = [UInt8](repeating: 0, count: valueByteCount)
        var resultNumber = 0
        var valueEnd = 0
        try parent.withUnsafeMutableBufferPointer { parent throws(CorruptError) in
            try scalar.withUnsafeMutableBufferPointer { scalar throws(CorruptError) in
                try answer.withUnsafeMutableBufferPointer { answer throws(CorruptError) in
                    try results.withUnsafeMutableBufferPointer { results throws(CorruptError) in
                        try resultFlags.withUnsafeMutableBufferPointer { resultFlags throws(CorruptError) in
                            try valueBytes.withUnsafeMutableBufferPointer { valueBytes throws(CorruptError) in
                                // The path from the root to the last node, and the key length at each depth.
                                var path = [Int32](repeating: 0, count: CompiledTrie.maximumDepth + 1)
                                var keyLength = [Int](repeating: 0, count: CompiledTrie.maximumDepth + 1)
                                var pathCount = 1
                                var node = 1
                                while node <= nodeCount {
                                    let header = try reader.byte()
                                    guard header >= CompiledTrie.nodeBase else { throw CorruptError(reason: "bad node header") }
                                    let depth = Int((header &- CompiledTrie.nodeBase) >> 1) &+ 1
                                    guard depth <= pathCount, depth <= CompiledTrie.maximumDepth else {
                                        throw CorruptError(reason: "bad node depth")
                                    }
                                    let nodeScalar = try reader.scalar()
                                    // Siblings in increasing order, so no two children of a node share a
                                    // scalar. The previous sibling, if any, is the node the path holds here.
                                    if depth < pathCount, scalar[Int(path[depth])] >= nodeScalar {
                                        throw CorruptError(reason: "siblings out of order")
                                    }
                                    let parentNode = path[depth &- 1]
                                    let length = keyLength[depth &- 1] &+ PrefixTable.utf8Length(nodeScalar)
                                    parent[node] = parentNode
                                    scalar[node] = nodeScalar
                                    path[depth] = Int32(node)
                                    keyLength[depth] = length
                                    pathCount = depth &+ 1
                                    if header & 1 != 0 {
                                        let flags = try reader.byte()
                                        guard flags >= CompiledTrie.nodeBase,
                                            flags &- CompiledTrie.nodeBase <= (CompiledTrie.copies | CompiledTrie.firstClass)
                                        else { throw CorruptError(reason: "bad result flags") }
                                        let count = try reader.number(atMost: 0xFFFF)
                                        guard length <= 0xFFFF, resultNumber < resultCount, valueEnd &+ count <= valueByteCount else {
                                            throw CorruptError(reason: "bad result")
                                        }
                                        results[resultNumber &* 2] = UInt32(valueEnd)
                                        results[resultNumber &* 2 &+ 1] = UInt32(length) | UInt32(count) << 16
                                        let value = try reader.bytes(count)
                                        if count > 0 {
                                            (valueBytes.baseAddress! + valueEnd).update(from: value.baseAddress!, count: count)
                                        }
                                        valueEnd &+= count
                                        resultFlags[resultNumber] = flags &- CompiledTrie.nodeBase
                                        resultNumber &+= 1
                                        answer[node] = UInt32(resultNumber)
                                    } else {
                                        answer[node] = answer[Int(parentNode)]
                                    }
                                    node &+= 1
                                }
                            }
                        }
                    }
                }
            }
        }
        parent[0] = -1
        guard resultNumber == resultCount, valueEnd == valueByteCount, reader.remaining == 0 else {
            throw CorruptError(reason: "table counts do not match")
        }
    }

    // MARK: A table that differs from another in values only

    /// Whether `other` has the same keys, answers and segment marks (it may differ in values
    /// and in which values copy their key).
    func hasStructure(of other: CompiledTrie) -> Bool {
        marksSegments == other.marksSegments && resultFlags.count == other.resultFlags.count && parent == other.parent
            && scalar == other.scalar && answer == other.answer
    }

    /// The stored form of this table as its differences from `base`, which has its structure
    /// (``hasStructure(of:)``): `D`, the base's number in the image, then each result that
    /// differs: the distance from the previous one, its flags, its value.
    func encodedDifferences(from base: CompiledTrie, baseIndex: Int) -> [UInt8] {
        var changes: [UInt8] = []
        var changeCount = 0
        var previous = -1
        for result in 0..<resultFlags.count {
            let value = self.value(of: result)
            if resultFlags[result] == base.resultFlags[result] && value == base.value(of: result) { continue }
            CompiledTrie.appendNumber(result - previous - 1, to: &changes)
            changes.append(CompiledTrie.nodeBase + resultFlags[result])
            CompiledTrie.appendNumber(value.count, to: &changes)
            changes.append(contentsOf: value)
            previous = result
            changeCount += 1
        }
        var out: [UInt8] = [UInt8(ascii: "D")]
        CompiledTrie.appendNumber(baseIndex, to: &out)
        CompiledTrie.appendNumber(changeCount, to: &out)
        return out + changes
    }

    private func value(of result: Int) -> ArraySlice<UInt8> {
        let start = Int(results[result * 2])
        return valueBytes[start..<start + Int(results[result * 2 + 1] >> 16)]
    }

    /// Reads a table stored by ``encodedDifferences(from:baseIndex:)`` (after its base number).
    init(decodingDifferences bytes: UnsafeBufferPointer<UInt8>, base: CompiledTrie) throws(CorruptError) {
        var reader = StoredBytesReader(bytes)
        let changeCount = try reader.number(atMost: base.resultFlags.count)
        self = base
        results = []
        results.reserveCapacity(base.results.count)
        valueBytes = []
        valueBytes.reserveCapacity(base.valueBytes.count + bytes.count)
        var changesRead = 0
        var next = changeCount > 0 ? try reader.number(atMost: base.resultFlags.count - 1) : base.resultFlags.count
        for result in 0..<base.resultFlags.count {
            let keyLength = base.results[result * 2 + 1] & 0xFFFF
            let start = valueBytes.count
            if result == next {
                let flags = try reader.byte()
                guard flags >= CompiledTrie.nodeBase, flags - CompiledTrie.nodeBase <= (CompiledTrie.copies | CompiledTrie.firstClass)
                else { throw CorruptError(reason: "bad result flags") }
                resultFlags[result] = flags - CompiledTrie.nodeBase
                try reader.append(try reader.number(atMost: 0xFFFF), to: &valueBytes)
                changesRead += 1
                next = changesRead < changeCount ? try result + 1 + reader.number(atMost: base.resultFlags.count) : base.resultFlags.count
            } else {
                valueBytes.append(contentsOf: base.value(of: result))
            }
            results.append(UInt32(start))
            results.append(keyLength | UInt32(valueBytes.count - start) << 16)
        }
        guard reader.remaining == 0, changesRead == changeCount else { throw CorruptError(reason: "bad differences") }
    }

    // MARK: Numbers and scalars

    /// `value` in base 32, most significant digit first: `@`-`_` (0x40-0x5F) for a digit
    /// that more follow, `` ` ``-DEL (0x60-0x7F) for the last one.
    static func appendNumber(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0)
        var digits: [UInt8] = [UInt8(value & 31)]
        var rest = value >> 5
        while rest > 0 {
            digits.append(UInt8(rest & 31))
            rest >>= 5
        }
        for (index, digit) in digits.reversed().enumerated() {
            out.append((index == digits.count - 1 ? 0x60 : 0x40) + digit)
        }
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}

/// Reads stored tables with a bounds check on every byte: a stored table that is cut short
/// or damaged gives ``CompiledTrie/CorruptError``, never a read outside it.
struct StoredBytesReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - offset }

    mutating func byte() throws(CompiledTrie.CorruptError) -> UInt8 {
        guard offset < bytes.count else { throw CompiledTrie.CorruptError(reason: "cut short") }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A number written by ``CompiledTrie/appendNumber(_:to:)``, at most `limit`.
    mutating func number(atMost limit: Int) throws(CompiledTrie.CorruptError) -> Int {
        var value = 0
        while true {
            let digit = try byte()
            guard digit >= 0x40, digit <= 0x7F else { throw CompiledTrie.CorruptError(reason: "bad number") }
            value = value << 5 | Int(digit & 31)
            guard value <= limit else { throw CompiledTrie.CorruptError(reason: "number out of range") }
            if digit >= 0x60 { return value }
        }
    }

    /// One well-formed UTF-8 sequence: a Unicode scalar (no surrogates, at most U+10FFFF).
    @inline(__always)
    mutating func scalar() throws(CompiledTrie.CorruptError) -> UInt32 {
        guard offset < bytes.count else { throw CompiledTrie.CorruptError(reason: "cut short") }
        let lead = bytes[offset]
        // The common case, a CJK character (E3-E9 lead): checked here without a call.
        if lead >= 0xE1, lead <= 0xEC, offset &+ 2 < bytes.count {
            let b1 = bytes[offset &+ 1]
            let b2 = bytes[offset &+ 2]
            if b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 {
                offset &+= 3
                return UInt32(lead & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
            }
        }
        let (scalar, length) = UTF8Codec.decode(bytes, offset)
        guard scalar < UTF8Codec.invalidByteBase else { throw CompiledTrie.CorruptError(reason: "a key is not UTF-8") }
        offset += length
        return scalar
    }

    /// Appends the next `count` bytes to `out`.
    mutating func append(_ count: Int, to out: inout [UInt8]) throws(CompiledTrie.CorruptError) {
        guard count <= remaining else { throw CompiledTrie.CorruptError(reason: "cut short") }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset..<offset + count]))
        offset += count
    }

    /// The next `count` bytes.
    mutating func bytes(_ count: Int) throws(CompiledTrie.CorruptError) -> UnsafeBufferPointer<UInt8> {
        guard count <= remaining else { throw CompiledTrie.CorruptError(reason: "cut short") }
        defer { offset += count }
        return UnsafeBufferPointer(rebasing: bytes[offset..<offset + count])
    }
}
