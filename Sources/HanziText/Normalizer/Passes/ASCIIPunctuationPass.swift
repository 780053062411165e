/// Rule 2: ASCII `, . ; : ? !` next to Chinese text become full width (`Tables/ascii-to-fullwidth.tsv`);
/// never inside a number (`1,000`, `10:30`, `3.14`), an HTML entity, or a protected span.
/// Round brackets are the bracket pass's (``convertBrackets(_:_:letters:scratch:)``).
extension NormalizationEngine {
    /// ASCII bytes that may make this pass change a paragraph.
    static let punctuationASCIITriggers = "!,.:;?"

    /// The nearest scalar before `i` on the same line that is not a space and not
    /// punctuation shared with English (`…`, `—`, an English quote).
    @inline(__always)
    func leftContext(_ v: [UInt32], _ flags: [UInt8], _ i: Int) -> (UInt32, UInt8)? {
        var j = i - 1
        while j >= 0 {
            let c = v[j]
            if NormalizationScalar.isBreak(c) { return nil }
            if NormalizationScalar.isSpace(c) { j -= 1; continue }
            if flags[j] & NormalizationFlag.chineseQuote == 0 && c >= 0x2000
                && NormalizationTables.punctuationClass(c) == .ambiguous { j -= 1; continue }
            return (c, flags[j])
        }
        return nil
    }

    /// Whether the `;` at `i` ends an HTML entity such as `&amp;`.
    func endsEntity(_ v: [UInt32], _ i: Int) -> Bool {
        var j = i - 1
        while j >= 0 && (NormalizationScalar.isASCIIAlnum(v[j]) || v[j] == 0x23) { j -= 1 }
        return j >= 0 && j < i - 1 && v[j] == 0x26
    }

    func convertASCIIPunctuation(_ v: inout [UInt32], _ flags: inout [UInt8]) {
        let n = v.count
        for i in 0..<n {
            let c = v[i]
            guard c < 0x80, flags[i] & NormalizationFlag.protected == 0 else { continue }
            let full = NormalizationTables.asciiToFullwidth[Int(c)]
            guard full != 0, c != 0x28, c != 0x29 else { continue }
            let prev: UInt32 = i > 0 ? v[i - 1] : 0x0A
            let next: UInt32 = i + 1 < n ? v[i + 1] : 0x0A
            let prevFlag: UInt8 = i > 0 ? flags[i - 1] : 0
            let nextFlag: UInt8 = i + 1 < n ? flags[i + 1] : 0
            var convert = false
            if c == 0x2E {  // .
                if prev == 0x2E || next == 0x2E { continue }
                guard i > 0, isChineseContext(prev, prevFlag) else { continue }
                let nextBlank = NormalizationScalar.isSpace(next) || NormalizationScalar.isBreak(next)
                if nextBlank { convert = true }
                else if NormalizationScalar.isLetter(next) { convert = !NormalizationScalar.isLetter(prev) }
                else if nextFlag & NormalizationFlag.chineseQuote != 0 || NormalizationScalar.isStrongCJKPunctuation(next) {
                    convert = true
                }
            } else {
                if let (l, lf) = leftContext(v, flags, i), isChineseContext(l, lf) {
                    convert = true
                } else if i > 0 && !NormalizationScalar.isSpace(prev) && !NormalizationScalar.isBreak(prev)
                            && NormalizationScalar.isLetter(next) {
                    convert = true
                }
                if convert && c == 0x3B && endsEntity(v, i) { convert = false }
                // Never inside a number: 1,000  10:30
                if convert && ScalarClass.isASCIIDigit(prev) && ScalarClass.isASCIIDigit(next) { convert = false }
            }
            if convert { v[i] = full }
        }
    }
}
