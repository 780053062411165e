/// Ideographic description sequences (⿰氵每), which OpenCC 1.3.2 and later keep whole: when
/// no dictionary key starts at an ideographic description character (U+2FF0–U+2FFF), the
/// whole sequence it opens is copied unchanged, so the components inside are not converted.
enum IdeographicDescription {
    /// The length in bytes of the complete sequence at `p`, or 0 when `p` holds no
    /// description character or the sequence is incomplete or too deep before `end`
    /// (OpenCC's limits: 16 levels, 64 scalars).
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int {
        guard isOperator(p, end) else { return 0 }
        var scalars = 0
        let (complete, length) = consume(p, end, depthLeft: 16, scalars: &scalars)
        return complete ? length : 0
    }

    /// Whether `p` starts U+2FF0–U+2FFF (E2 BF B0–BF).
    @inline(__always)
    static func isOperator(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        end - p >= 3 && p[0] == 0xE2 && p[1] == 0xBF && p[2] >= 0xB0
    }

    private static func arity(_ scalar: UInt32) -> Int {
        switch scalar {
        case 0x2FF2, 0x2FF3: 3
        case 0x2FFE, 0x2FFF: 1
        case 0x2FF0...0x2FFD: 2
        default: 0
        }
    }

    /// (complete, length) of the description at `p`; incomplete and invalid are both "not
    /// complete", which is all the caller needs.
    private static func consume(
        _ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, depthLeft: Int, scalars: inout Int
    ) -> (Bool, Int) {
        if p >= end || depthLeft == 0 || scalars >= 64 { return (false, 0) }
        let (scalar, length) = MatchTables.decode(p)
        if length > end - p { return (false, 0) }
        scalars += 1
        let operands = arity(scalar)
        if operands == 0 { return (true, length) }
        var offset = length
        for _ in 0..<operands {
            if offset >= end - p { return (false, 0) }
            let (complete, operand) = consume(p + offset, end, depthLeft: depthLeft - 1, scalars: &scalars)
            if !complete { return (false, 0) }
            offset += operand
        }
        return (true, offset)
    }
}
