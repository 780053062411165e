/// What happens at a joined line break: which bytes of the first line's end go (a soft
/// hyphen, or the hyphen of a dehyphenated word) and whether a space goes in.
struct RejoinJoint {
    var dropTail: Int
    var space: Bool

    /// The joint between `a` and the next line `b`; `dropsHyphen` says whether a hyphen
    /// ending `a` inside an English word goes (see ``RejoinHyphenation``): it is asked
    /// only then.
    ///
    /// `numberInCJK` says whether a number broken at the line end (`”6` `0多岁`) is glued
    /// to CJK text on either side: its parts then join without a space, as a second pass
    /// over the joined text would join them (see ``RejoinLetterSpacing``).
    ///
    /// `a` and `b` are read in place: a line record is large.
    static func make(_ a: UnsafePointer<RejoinLine>, _ b: UnsafePointer<RejoinLine>, context ctx: RejoinContext,
                     dropsHyphen: () -> Bool, numberInCJK: () -> Bool) -> RejoinJoint {
        let x = a.pointee.last, y = b.pointee.first
        if x == RejoinClass.softHyphen {
            // U+00AD is two bytes; dropped at an English line end only
            return .init(dropTail: ScalarClass.isLatinLetter(a.pointee.beforeLast) ? 2 : 0, space: false)
        }
        if RejoinClass.isHyphen(x) {
            if ScalarClass.isLatinLetter(a.pointee.beforeLast) && ScalarClass.isLatinLetter(y) && dropsHyphen() {
                return .init(dropTail: x == 0x2D ? 1 : 3, space: false)
            }
            return .init(dropTail: 0, space: false)
        }
        if RejoinClass.isDash(x) || x == 0x2F { return .init(dropTail: 0, space: false) }
        if a.pointee.endsInURL && isURLContinuation(x) { return .init(dropTail: 0, space: false) }
        if RejoinClass.isWestern(x) && RejoinClass.isWestern(y) {
            // A URL, path or dotted name broken at the line end goes on without a space
            // (`https://e` `xample.org`, `s2twp.j` `son`, `与.` `ci/run`), unless the
            // next line begins with a word of its own (`Node.js` `to build`).
            if (a.pointee.endsInURL || a.pointee.endsInPath) && (RejoinClass.isAlnum(x) || isURLContinuation(x))
                && !RejoinClass.isOpening(y) && !b.pointee.startsWithWord {
                return .init(dropTail: 0, space: false)
            }
            if a.pointee.endsInDottedName && !b.pointee.startsWithWord && (RejoinClass.isAlnum(y) || y == 0x5F) {
                return .init(dropTail: 0, space: false)
            }
            if x == 0x28 || x == 0x5B || x == 0x7B { return .init(dropTail: 0, space: false) }
            if ScalarClass.isASCIIDigit(x) && ScalarClass.isASCIIDigit(y) && numberInCJK() {
                return .init(dropTail: 0, space: false)
            }
            // the line end of a letter-spaced line is letter spacing too, and so is the
            // line end in text set one character per line: two single characters join
            // (`，1` `1 年`), as inside a letter-spaced line (see ``RejoinLetterSpacing``)
            if (a.pointee.letterSpaced || b.pointee.letterSpaced
                || (a.pointee.isSingleCharacter && b.pointee.isSingleCharacter))
                && a.pointee.lastTokenScalars == 1 && b.pointee.firstTokenScalars == 1 {
                return .init(dropTail: 0, space: false)
            }
            switch y {
            case 0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x25:
                return .init(dropTail: 0, space: false)
            default:
                return .init(dropTail: 0, space: true)
            }
        }
        if (ScalarClass.isCJKLetter(x) && RejoinClass.isAlnum(y))
            || (RejoinClass.isAlnum(x) && ScalarClass.isCJKLetter(y)) {
            return .init(dropTail: 0, space: ctx.spacesMixedScript)
        }
        return .init(dropTail: 0, space: false)
    }

    /// Characters after which a URL broken at a line end goes on without a space.
    @inline(__always)
    static func isURLContinuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0x2D, 0x5F, 0x3F, 0x3D, 0x26, 0x23, 0x25, 0x7E, 0x3A, 0x2F:
            return true
        default:
            return false
        }
    }
}
