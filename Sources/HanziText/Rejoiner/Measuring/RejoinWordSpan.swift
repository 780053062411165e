/// A span of three-byte characters inside a word that the rejoiner measures from their
/// bytes alone: Han characters U+4E00–U+9FFF (width 4) and compressible punctuation
/// (``RejoinLineScanner/isCompressible(_:)``, width 3). Most of a Chinese line is one or a few
/// such spans.
///
/// Why a fast path: a line's tally (``RejoinLineTally``) has some forty running counts, too
/// many to keep in registers; updating all of them character by character spills them on
/// every step. The span loop keeps the few values it needs in registers and hands the tally
/// one summary (``RejoinLineTally/addWordSpan(_:_:)``), which must leave the tally exactly as
/// ``RejoinLineTally/add(_:endingAt:)`` would have, one scalar at a time (the slow path).
struct RejoinWordSpan {
    /// The offset just after the span's last byte.
    var end = 0
    /// The characters of the span, and how many of them are compressible punctuation.
    var count = 0
    var compressible = 0
    /// Sentence ends (`。！？`) and commas (`，、`) in the span, with the index (in the span)
    /// of the last of each, -1 where there is none.
    var sentenceEnds = 0
    var lastSentenceEnd = -1
    var commas = 0
    var lastComma = -1
    /// Punctuation that may not begin a line, directly after the line's first piece
    /// (``RejoinLineTally/leadScalars``): it joins that piece.
    var leadExtension = 0
    /// Whether the first character is a Han character (it may follow a Latin letter or digit).
    var firstIsHan = false
    /// Whether `日` occurs.
    var sawDay = false

    /// The first two bytes of U+4E00 `一` and the span to U+9FFF, as the big-endian value
    /// of a character's three bytes.
    private static let hanFirstBytes: UInt32 = 0xE4_B8_80
    private static let hanSpan: UInt32 = 0xE9_BF_BF - 0xE4_B8_80
    /// `日` (U+65E5) in UTF-8, as the big-endian value of its three bytes.
    private static let dayBytes: UInt32 = 0xE6_97_A5

    /// Whether the byte `b` can begin a span: the lead byte of a Han character
    /// (`E4`–`E9`) or of the blocks that hold the compressible punctuation (`E2`, `E3`, `EF`).
    @inline(__always)
    static func canBegin(_ b: UInt8) -> Bool {
        b &- 0xE2 < 8 || b == 0xEF
    }

    /// Measures the span that begins at `p[s]` and ends before `e` or before the first
    /// byte that is not the start of a Han character or a compressible punctuation mark
    /// (count 0: none at `s`). `leadAt` is the index in the span of the character that
    /// directly follows the line's first piece (negative or beyond the span: none).
    @inline(never)
    static func scan(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int, leadAt: Int) -> RejoinWordSpan {
        var span = RejoinWordSpan()
        var i = s, lead = leadAt
        var compressible = 0, sentenceEnds = 0, lastSentenceEnd = -1, commas = 0, lastComma = -1
        var day = false
        let raw = UnsafeRawPointer(p)
        // Whether the character of the three bytes `bytes` at `i` belongs to the span
        // (counted), or ends it.
        @inline(__always) func take(_ bytes: UInt32) -> Bool {
            if isHan(bytes) {
                if bytes == dayBytes { day = true }
                return true
            }
            let leadByte = bytes &>> 16
            guard (leadByte == 0xE2 || leadByte == 0xE3 || leadByte == 0xEF) && bytes & 0xC0C0 == 0x8080
            else { return false }
            let v = (bytes & 0x0F_0000) &>> 4 | (bytes & 0x3F00) &>> 2 | (bytes & 0x3F)
            guard RejoinLineScanner.isCompressible(v) else { return false }
            let k = (i &- s) / 3
            compressible &+= 1
            switch v {
            case 0x3002, 0xFF01, 0xFF1F:
                sentenceEnds &+= 1
                lastSentenceEnd = k
            case 0xFF0C, 0x3001:
                commas &+= 1
                lastComma = k
            default:
                break
            }
            if k == lead && RejoinClass.isNonInitial(v) { lead &+= 1 }
            return true
        }
        // eight bytes at a time while they are inside the line: two Han characters (most of
        // the text) in one step, else the first character of them; then four bytes, a
        // character's three, big-endian
        // (the last offsets where eight and four bytes lie inside the line: `i + 8 <= e` in one
        // comparison)
        let last8 = e &- 8, last4 = e &- 4
        characters: do {
            while i <= last8 {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).bigEndian
                let c0 = UInt32(truncatingIfNeeded: w &>> 40), c1 = UInt32(truncatingIfNeeded: w &>> 16) & 0xFF_FFFF
                if isHanPair(w, c0, c1) {
                    if c0 == dayBytes || c1 == dayBytes { day = true }
                    i &+= 6
                    continue
                }
                guard take(c0) else { break characters }
                i &+= 3
            }
            while i <= last4 {
                guard take(raw.loadUnaligned(fromByteOffset: i, as: UInt32.self).bigEndian &>> 8) else { break characters }
                i &+= 3
            }
            if i &+ 3 == e && take(threeBytes(p + i)) { i &+= 3 }
        }
        span.firstIsHan = i > s && isHan(threeBytes(p + s))
        span.end = i
        span.count = (i &- s) / 3
        span.compressible = compressible
        span.sentenceEnds = sentenceEnds
        span.lastSentenceEnd = lastSentenceEnd
        span.commas = commas
        span.lastComma = lastComma
        span.leadExtension = lead &- leadAt
        span.sawDay = day
        return span
    }

    /// Whether the big-endian value of three bytes is a well-formed Han character
    /// U+4E00–U+9FFF: in the range, with two continuation bytes.
    @inline(__always)
    static func isHan(_ bytes: UInt32) -> Bool {
        bytes &- hanFirstBytes <= hanSpan && bytes & 0xC0C0 == 0x8080
    }

    /// Whether the first six of the eight big-endian bytes `w` are two well-formed Han
    /// characters, `c0` and `c1` (``isHan(_:)`` of each, their four continuation bytes
    /// tested at once).
    @inline(__always)
    static func isHanPair(_ w: UInt64, _ c0: UInt32, _ c1: UInt32) -> Bool {
        w & 0x00C0_C000_C0C0_0000 == 0x0080_8000_8080_0000
            && c0 &- hanFirstBytes <= hanSpan && c1 &- hanFirstBytes <= hanSpan
    }

    /// The big-endian value of the three bytes at `p`.
    @inline(__always)
    static func threeBytes(_ p: UnsafePointer<UInt8>) -> UInt32 {
        UInt32(p[0]) &<< 16 | UInt32(p[1]) &<< 8 | UInt32(p[2])
    }
}
