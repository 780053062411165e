/// Running heads recognised by repetition: a short line without punctuation
/// (`聯合日報 2024年7月7日 焦點`, `Debian常见问题`) that comes back, digits aside, at least
/// ``minimumDistance`` lines later is a running head from its second appearance on.
///
/// Only lines read before a line are compared with it, so the result does not depend on
/// how the input is chunked; the memory is bounded (``capacity`` signatures).
struct RejoinRunningHeads: Sendable {
    /// How many signatures are remembered (the oldest goes first): more than the short
    /// lines without punctuation of a page of narrow columns, so a page's running head is
    /// still known on the next page.
    static let capacity = 512
    /// How many input lines apart two appearances must be (about a page of one column).
    static let minimumDistance = 20
    /// The longest line, in non-space scalars, that may be a running head.
    static let maxScalars = 30

    /// The input line where each remembered signature was first seen.
    private var firstSeen: [UInt64: Int] = [:]
    /// The remembered signatures in the order they came, to forget the oldest.
    private var order: [UInt64] = []
    private var nextSlot = 0

    /// Whether `line` (its bytes in `p`, whose first byte is at stream offset `base`)
    /// repeats a running-head candidate seen at least ``minimumDistance`` lines before;
    /// remembers it if it is a candidate. A line of several CJK fields that repeats is a
    /// running head by itself; a line of one field (`Debian常见问题`) only next to a page
    /// number or a page break (see ``RejoinPageFurniture/isFurniture(_:_:)``).
    ///
    /// The line is read in place: a line record is large.
    mutating func repeats(_ line: UnsafePointer<RejoinLine>, in p: UnsafePointer<UInt8>, base: Int) -> Bool {
        // a candidate: short, no punctuation inside or at the end, at least four
        // characters besides digits and control characters (`Debian常见问题`, `聯合日報 2024年7月7日 焦點`)
        guard line.pointee.scalars <= Self.maxScalars, line.pointee.scalars >= 4, line.pointee.end == .open,
              !line.pointee.letterSpaced, !line.pointee.innerSentenceEnd, !line.pointee.innerComma,
              line.pointee.start == .plain, !ScalarClass.isCJKPunctuation(line.pointee.last) else { return false }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var kept = 0
        @inline(__always) func add(_ b: UInt8) { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        var i = line.pointee.contentStart - base
        let end = line.pointee.contentEnd - base
        while i < end {
            let b = p[i]
            // a three-byte character (most of a Chinese head): counted and hashed as the
            // bytes one by one below would be
            if b &- 0xE0 < 0x10 && i + 2 < end && p[i + 1] & 0xC0 == 0x80 && p[i + 2] & 0xC0 == 0x80 {
                kept += 1
                add(b)
                add(p[i + 1])
                add(p[i + 2])
                i += 3
                continue
            }
            i += 1
            // digits and spaces aside: the page number and the date may change
            if b == 0x20 || b == 0x09 || b &- 0x30 < 10 { continue }
            // control characters (NUL, C0, DEL) are not text a head is read by
            if b & 0xC0 != 0x80 && b >= 0x20 && b != 0x7F { kept += 1 }
            add(b)
        }
        guard kept >= 4 else { return false }
        if let first = firstSeen[hash] {
            return line.pointee.inputLine - first >= Self.minimumDistance
        }
        if order.count < Self.capacity {
            order.append(hash)
        } else {
            firstSeen[order[nextSlot]] = nil
            order[nextSlot] = hash
            nextSlot = (nextSlot + 1) % Self.capacity
        }
        firstSeen[hash] = line.pointee.inputLine
        return false
    }
}
