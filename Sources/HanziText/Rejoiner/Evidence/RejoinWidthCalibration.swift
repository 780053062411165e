/// How wide the document's half-width scalars really are against a Han character, learned
/// from its own evidently full lines.
///
/// The line scanner counts a Latin letter, a digit, an ASCII mark and a space as half an em
/// (two quarter ems, ``RejoinLineScanner/columns(_:)``). In a proportional font they are not:
/// letters run from two to three quarter ems (capitals wider), a `.` or a space about one.
/// A full line holding many of them then measures short, and ends a paragraph it does not
/// end (`统。但它并不需要WWW；info`, `装gcc，包管理系统（dpkg）会给出一条`).
///
/// A line is evidently full when the break after it is inside a word: it stops mid-sentence
/// without punctuation, is at least half as wide as the column, and the next line, in the
/// same block (no blank line, no page break, no indent), begins with a Han character, which
/// the typesetter could have put at this line's end had there been room. Such a line fills
/// the column to within one Han character, as the column's other full lines do, whose median
/// width is the column width (``RejoinRules/clusterWidth(_:lo:hi:)``). Each evidently full
/// line with half-width scalars gives one equation
/// `letters·kL + digits·kD + marks·kM + spaces·kS = column − (its other scalars)`;
/// their least-squares solution, drawn towards the scanner's two quarter ems by a prior worth
/// ``priorWeight`` scalars of each class, gives the widths. A line whose equation no widths
/// between one and four quarter ems can satisfy (within one Han character) is no full line
/// and is left out.
///
/// The stream observes each line once its break is decided (the document so far), so the
/// widths depend only on the text before the break being decided, not on how it was chunked.
struct RejoinWidthCalibration {
    /// The number of classes: letters, digits, marks, spaces.
    static let classes = 4
    /// How many scalars of each class the scanner's width (two quarter ems) is worth as
    /// evidence before the document shows any.
    static let priorWeight = 16.0
    /// The narrowest and widest a half-width scalar can be, in quarter ems.
    static let narrowest = 1.0
    static let widest = 4.0

    /// The normal equations' sums: `aa[i·4 + j]` = Σ nᵢnⱼ, `ar[i]` = Σ nᵢ·(target − known)
    /// (held inline: a stream, one per JSON Lines record, allocates nothing for them).
    private var aa = SIMD16<Double>()
    private var ar = SIMD4<Double>()
    /// The widths solved from the sums (quarter ems per scalar of each class).
    private(set) var widths = RejoinHalfWidths()
    /// The lines observed: the widths are solved again after each of the first
    /// ``everyLine`` and then after every ``everyLine``-th (they settle within a page, and a
    /// line break stays cheap in text full of Latin words).
    private var observed = 0
    static let everyLine = 16

    init() {}

    /// Observes the line `a` before a break that was decided with column width `w` (when the
    /// window shows a column); `b` is the next line. Both are read in place: a line record is
    /// large, and most breaks read a field or two of it.
    mutating func observe(_ a: UnsafePointer<RejoinLine>, before b: UnsafePointer<RejoinLine>, columnWidth w: Int,
                          isColumn: Bool, startsParagraph: Bool, baseIndent: Int) {
        let n = a.pointee.halfWidths
        guard isColumn, n.total > 0, !a.pointee.letterSpaced, !a.pointee.spacedRuns, !startsParagraph,
              a.pointee.end == .open, a.pointee.blanksAfter == 0, !a.pointee.pageAfter,
              a.pointee.indentCols <= baseIndent, b.pointee.indentCols <= baseIndent, !b.pointee.letterSpaced,
              b.pointee.first &- 0x4E00 < 0x5200, !ScalarClass.isCJKPunctuation(a.pointee.last),
              !RejoinClass.isHyphen(a.pointee.last), a.pointee.filledWidth * 2 >= w,
              a.pointee.filledWidth <= w + RejoinRules.wideExcess
        else { return }
        let total = Double(n.total)
        // the width of the line's other scalars, and what the counted ones must fill
        let known = Double(a.pointee.filledWidth) - Double(RejoinLineScanner.halfWidth) * total
        let target = Double(w) - known
        let slack = Double(RejoinLineScanner.fullWidth)
        guard target >= Self.narrowest * total - slack, target <= Self.widest * total + slack else { return }
        @inline(__always) func count(_ i: Int) -> Double {
            switch i {
            case 0: return Double(n.letters)
            case 1: return Double(n.digits)
            case 2: return Double(n.marks)
            default: return Double(n.spaces)
            }
        }
        for i in 0..<Self.classes {
            let ni = count(i)
            ar[i] += ni * target
            for j in 0..<Self.classes { aa[i * Self.classes + j] += ni * count(j) }
        }
        observed += 1
        if observed <= Self.everyLine || observed % Self.everyLine == 0 { widths = solve() }
    }

    /// The ridge solution of the normal equations, each width kept between ``narrowest``
    /// and ``widest``.
    private func solve() -> RejoinHalfWidths {
        let c = Self.classes
        let prior = Double(RejoinLineScanner.halfWidth)
        // [aa + λI | ar + λ·prior], solved by Gaussian elimination with partial pivoting, on
        // the stack (a line break allocates nothing)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: c * (c + 1)) { m in
            for i in 0..<c {
                for j in 0..<c { m[i * (c + 1) + j] = aa[i * c + j] + (i == j ? Self.priorWeight : 0) }
                m[i * (c + 1) + c] = ar[i] + Self.priorWeight * prior
            }
            for col in 0..<c {
                var pivot = col
                for r in col + 1..<c where abs(m[r * (c + 1) + col]) > abs(m[pivot * (c + 1) + col]) { pivot = r }
                if pivot != col {
                    for k in 0...c { m.swapAt(col * (c + 1) + k, pivot * (c + 1) + k) }
                }
                let d = m[col * (c + 1) + col]
                for r in 0..<c where r != col {
                    let f = m[r * (c + 1) + col] / d
                    if f != 0 { for k in col...c { m[r * (c + 1) + k] -= f * m[col * (c + 1) + k] } }
                }
            }
            @inline(__always) func width(_ i: Int) -> Double {
                min(Self.widest, max(Self.narrowest, m[i * (c + 1) + c] / m[i * (c + 1) + i]))
            }
            return RejoinHalfWidths(letters: width(0), digits: width(1), marks: width(2), spaces: width(3))
        }
    }
}

/// The widths of the half-width classes, in quarter ems per scalar (the scanner counts two).
struct RejoinHalfWidths {
    var letters = 2.0
    var digits = 2.0
    var marks = 2.0
    var spaces = 2.0

    /// How much wider than measured `line` is, in quarter ems: its half-width scalars at
    /// these widths instead of two each. Never less than nothing: the document's evidence
    /// may show a line that looks short to be full (and rescue a paragraph from a false
    /// break), never make a full-looking line short (little evidence, little change). A
    /// letter-spaced line, or one with spaced runs, is stretched or collapsed already:
    /// nothing.
    @inline(__always)
    func correction(_ line: RejoinLine) -> Int {
        let n = line.halfWidths
        guard n.total > 0, !line.letterSpaced, !line.spacedRuns else { return 0 }
        let extra = (letters - 2) * Double(n.letters) + (digits - 2) * Double(n.digits)
            + (marks - 2) * Double(n.marks) + (spaces - 2) * Double(n.spaces)
        return max(0, Int(extra.rounded()))
    }
}
