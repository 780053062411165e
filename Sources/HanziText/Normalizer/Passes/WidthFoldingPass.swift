/// Rule 3: full-width letters, digits and symbols (`ＡＢＣ１２３`) become ASCII, except the
/// style's own punctuation. The pass runs first in every round and also finds which of the
/// later passes the paragraph needs (``NormalizationEngine/Features``).
extension NormalizationEngine {
    /// Whether the non-ASCII scalar `v` may make this pass change a paragraph: a
    /// full-width form that is not the style's own punctuation.
    @inline(__always)
    static func isWidthTrigger(_ v: UInt32, style: StyleValues) -> Bool {
        v &- fullwidthFirst < fullwidthCount && !style.isOwnFullwidth(v)
    }

    /// The full-width forms of ASCII `!` to `~`: U+FF01...U+FF5E.
    static let fullwidthFirst: UInt32 = 0xFF01
    static let fullwidthCount: UInt32 = 94
    /// U+FF01 + n is the full-width form of U+0021 + n.
    static let fullwidthOffset: UInt32 = 0xFEE0

    /// Full-width ASCII forms become ASCII, except the style's own punctuation and a
    /// full-width full stop between two CJK letters (an interpunct, handled by the runs).
    /// Returns what the paragraph holds afterwards.
    func foldWidths(_ v: inout [UInt32]) -> Features {
        var features = Features()
        var pairedRuns = false
        let n = v.count
        for i in 0..<n {
            var c = v[i]
            if c &- 0x4E00 < 0x5200 { continue }  // Han: the common case
            if c &- Self.fullwidthFirst < Self.fullwidthCount && !style.isOwnFullwidth(c)
                && !(c == 0xFF0E && i > 0 && i + 1 < n && NormalizationScalar.isLetter(v[i - 1])
                     && NormalizationScalar.isLetter(v[i + 1])) {
                c &-= Self.fullwidthOffset
                v[i] = c
            }
            if c < 0x80 {
                switch c {
                case 0x22, 0x27: features.quotes = true
                case 0x28, 0x29: features.brackets = true; features.protectable = true
                case 0x2C, 0x21, 0x3F: features.asciiPunctuation = true
                case 0x2E: features.asciiPunctuation = true; features.runs = true; features.protectable = true
                case 0x3A, 0x3B: features.asciiPunctuation = true; features.protectable = true
                case 0x2D: features.runs = true; features.protectable = true
                case 0x41...0x5A, 0x61...0x7A, 0x2F, 0x5C, 0x7E, 0x40, 0x60, 0x3D, 0x3C, 0x3E, 0x5E:
                    features.protectable = true
                default: break
                }
                continue
            }
            switch c {
            case 0x2018, 0x2019, 0x201C, 0x201D, 0x300C...0x300F: features.quotes = true
            case 0xFF08, 0xFF09: features.brackets = true
            case 0x3002:
                // Only a run of three or more changes (a `.` that may become `。` sets
                // `runs` by itself; no earlier pass makes a `。` otherwise).
                if i >= 2 && v[i - 1] == 0x3002 && v[i - 2] == 0x3002 { features.runs = true }
            case 0x2026, 0x2014:
                // Only a single one changes; a protected span can split a longer run.
                if (i == 0 || v[i - 1] != c) && (i + 1 == n || v[i + 1] != c) {
                    features.runs = true
                } else {
                    pairedRuns = true
                }
            case 0x2015, 0x2500: features.runs = true
            default:
                if c >= 0xB7 && NormalizationTables.punctuationClass(c) == .dot { features.runs = true }
            }
        }
        if pairedRuns && features.protectable { features.runs = true }
        return features
    }
}
