/// How many scalars of each half-width class a line holds: the scalars that
/// ``RejoinLineScanner/columns(_:)`` counts as half an em (two quarter ems), whose real width
/// in a proportional font differs by class (a capital `W` is wider than half an em, a `.`
/// or a space much narrower).
struct RejoinHalfWidthCounts: Equatable {
    /// Latin letters.
    var letters: Int32 = 0
    /// ASCII digits.
    var digits: Int32 = 0
    /// Any other half-width scalar: ASCII punctuation and symbols.
    var marks: Int32 = 0
    /// Half-width spaces inside the line (between two non-space scalars).
    var spaces: Int32 = 0

    /// Counts the half-width non-space scalar `v`.
    @inline(__always)
    mutating func count(_ v: UInt32) {
        if ScalarClass.isLatinLetter(v) {
            letters &+= 1
        } else if ScalarClass.isASCIIDigit(v) {
            digits &+= 1
        } else {
            marks &+= 1
        }
    }

    /// The number of counted scalars.
    var total: Int { Int(letters) + Int(digits) + Int(marks) + Int(spaces) }
}
