/// How a line begins (``RejoinLine/Start``), read from its first non-space scalars (its
/// head): list items, bullets, datelines, dates, English suffix fragments.
extension RejoinLineScanner {
    /// Classifies how a line begins from its first (up to ``headScalars``) non-space scalars.
    /// `firstToken` is the number of scalars before the first inner space.
    static func startKind(_ h: UnsafeBufferPointer<UInt32>, firstToken: Int) -> RejoinLine.Start {
        let n = h.count
        guard n > 0 else { return .plain }
        let f = h[0]
        // Most lines begin with a Han character that numbers nothing: only a dateline is
        // possible (none of the marks, digits and brackets tested below is Han).
        if f &- 0x4E00 < 0x5200 && f != 0x7B2C && !RejoinClass.isChineseNumeral(f) {
            return isDateline(UnsafeBufferPointer(rebasing: h[0..<min(n, firstToken)])) ? .dateline : .plain
        }
        if RejoinClass.isEnclosedNumber(f) { return .list }
        if RejoinClass.isBullet(f) { return .bullet }
        if (f == 0x2D || f == 0x2A || f == 0x2B) && n == 1 { return .bullet }
        if RejoinClass.isNonInitial(f) { return .closing }
        // 一、 十二、
        var k = 0
        while k < n && k < 4 && RejoinClass.isChineseNumeral(h[k]) { k += 1 }
        if k > 0 && k < n && (h[k] == 0x3001 || h[k] == 0xFF0E || h[k] == 0x2E) { return .list }
        // 第一， 第二、
        if f == 0x7B2C {
            var j = 1
            while j < n && j < 5 && RejoinClass.isChineseNumeral(h[j]) { j += 1 }
            if j > 1 && j < n && (h[j] == 0xFF0C || h[j] == 0x3001) { return .list }
        }
        // 1. 1、 12． (not 14.3, not 2024.)
        var d = 0
        while d < n && d < 4 && ScalarClass.isASCIIDigit(h[d]) { d += 1 }
        if d > 0 && d <= 2 && d < n {
            let m = h[d]
            if m == 0x3001 || m == 0xFF0E { return .list }
            if m == 0x2E && (d + 1 >= n || !ScalarClass.isASCIIDigit(h[d + 1])) { return .list }
        }
        // （一） (1) （1）
        if f == 0xFF08 || f == 0x28 {
            var j = 1
            while j < n && j < 4 && (RejoinClass.isChineseNumeral(h[j]) || ScalarClass.isASCIIDigit(h[j])) { j += 1 }
            if j > 1 && j < n && (h[j] == 0xFF09 || h[j] == 0x29) { return .list }
        }
        if isDateline(UnsafeBufferPointer(rebasing: h[0..<min(n, firstToken)])) { return .dateline }
        if RejoinClass.isDash(f) { return .dash }
        if RejoinClass.isOpening(f) && f != 0x201C && f != 0x2018 && f != 0x300C && f != 0x300E {
            return .openBracket
        }
        return .plain
    }

    /// Whether `h` is a calendar date and nothing else: `2021年10月14日`, `2024年5月`.
    static func isDate(_ h: UnsafeBufferPointer<UInt32>) -> Bool {
        var i = 0
        /// Reads 1 to `most` ASCII digits and then `unit`.
        func field(most: Int, unit: UInt32) -> Bool {
            let start = i
            while i < h.count && i - start < most && ScalarClass.isASCIIDigit(h[i]) { i += 1 }
            guard i > start, i < h.count, h[i] == unit else { return false }
            i += 1
            return true
        }
        guard field(most: 4, unit: 0x5E74), field(most: 2, unit: 0x6708) else { return false }   // 年 月
        if i == h.count { return true }
        return field(most: 2, unit: 0x65E5) && i == h.count                                       // 日
    }

    /// A news dateline at the start of a line (``RejoinDatelines``, from `Tables/datelines.txt`).
    @inline(__always)
    static func isDateline(_ h: UnsafeBufferPointer<UInt32>) -> Bool { RejoinDatelines.isDateline(h) }

    /// Lowercase fragments that English hyphenation splits off the end of a word.
    static let suffixes: Set<String> = [
        "ly", "ally", "ing", "ings", "ed", "er", "ers", "est", "es", "al", "ial", "ive", "ives",
        "ion", "ions", "tion", "tions", "sion", "sions", "ation", "ations", "ment", "ments",
        "ness", "ity", "ities", "able", "ible", "bly", "ous", "ious", "ful", "less", "ism",
        "ist", "ists", "ize", "izes", "ized", "ise", "ised", "ance", "ence", "ances", "ences",
        "ant", "ent", "ure", "ures", "age", "ary", "ory", "ery", "ty", "cy", "ic", "ics",
        "ical", "ically", "ward", "wards", "ship", "hood", "dom", "ling", "let", "lets",
        "tive", "tures", "ture", "ning", "ting", "ming", "ding", "ring", "ling", "sing",
        "mented", "menting", "mentation", "ization", "izations", "ified", "ify",
    ]

    /// The longest fragment that is read: longer runs are words of their own.
    static let longestSuffix = 12

    /// Whether the line starts with a lowercase letter run that is an English suffix
    /// fragment and nothing else of the word (`ly`, `ly,`).
    static func startsWithSuffix(_ h: UnsafeBufferPointer<UInt32>) -> Bool {
        var word = ""
        for v in h {
            if v &- 0x61 < 26 {
                word.unicodeScalars.append(Unicode.Scalar(v)!)
                if word.utf8.count > longestSuffix { return false }
            } else if ScalarClass.isLatinLetter(v) {
                return false
            } else {
                break
            }
        }
        return !word.isEmpty && suffixes.contains(word)
    }
}
