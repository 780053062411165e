/// Finds the parts of a paragraph the normaliser never touches: inline code, URLs, e-mail
/// addresses, file paths and emoticons. Their scalars get `NormalizationFlag.protected`.
enum ProtectedSpans {
    /// ASCII bytes that can start or belong to a protected span: letters (schemes, `www.`,
    /// e-mail addresses, emoticons such as `XD`), path and URL punctuation, backticks and
    /// the first characters of the emoticons in `Tables/emoticons.txt`.
    static let asciiTriggers = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz()-.:;/\\~@`=<>^"
    /// The separators of paths and URLs, after which a CJK letter can belong to the span
    /// (`/usr/中文`): the fast path inserts no space in a paragraph that has one.
    static let pathASCII = "/\\"
    /// The backtick of inline code: the fast path changes nothing in a paragraph that has one.
    static let codeASCII = "`"

    /// Marks every protected scalar of `v` in `flags` (same length as `v`).
    static func mark(_ v: [UInt32], _ flags: inout [UInt8]) {
        let n = v.count
        markCode(v, &flags)
        var i = 0
        while i < n {
            if flags[i] & NormalizationFlag.protected != 0 { i += 1; continue }
            let c = v[i]
            if c < 0x80 {
                if let end = urlEnd(v, i) ?? pathEnd(v, i) {
                    for k in i..<end { flags[k] |= NormalizationFlag.protected }
                    i = end
                    continue
                }
                if c == 0x40, let (s, e) = emailBounds(v, i) {  // @
                    for k in s..<e { flags[k] |= NormalizationFlag.protected }
                    i = e
                    continue
                }
                if let end = emoticonEnd(v, i) {
                    for k in i..<end { flags[k] |= NormalizationFlag.protected }
                    i = end
                    continue
                }
            }
            i += 1
        }
    }

    /// Inline code: a run of N backticks up to the next run of exactly N backticks.
    static func markCode(_ v: [UInt32], _ flags: inout [UInt8]) {
        let n = v.count
        var i = 0
        var unmatchedLengths: Set<Int> = []  // no closing run of this length further on
        while i < n {
            guard v[i] == 0x60 else { i += 1; continue }
            var j = i
            while j < n && v[j] == 0x60 { j += 1 }
            let len = j - i
            if unmatchedLengths.contains(len) { i = j; continue }
            var k = j
            var close = -1
            while k < n {
                if v[k] == 0x60 {
                    var m = k
                    while m < n && v[m] == 0x60 { m += 1 }
                    if m - k == len { close = m; break }
                    k = m
                } else {
                    k += 1
                }
            }
            if close < 0 { unmatchedLengths.insert(len); i = j; continue }
            for m in i..<close { flags[m] |= NormalizationFlag.protected }
            i = close
        }
    }

    @inline(__always) static func isSchemeScalar(_ c: UInt32) -> Bool {
        NormalizationScalar.isASCIIAlnum(c) || c == 0x2B || c == 0x2E || c == 0x2D
    }

    /// Whether `c` ends a URL or path: white space, CJK punctuation, quotes and angle brackets.
    @inline(__always) static func endsToken(_ c: UInt32) -> Bool {
        if NormalizationScalar.isSpace(c) || NormalizationScalar.isBreak(c) { return true }
        if c < 0x80 { return c == 0x22 || c == 0x3C || c == 0x3E || c == 0x60 || c < 0x20 }
        if NormalizationScalar.isStrongCJKPunctuation(c) { return true }
        return NormalizationTables.punctuationClass(c) != .none
    }

    /// Separators after which a CJK letter may continue a URL or a path (`https://例子.中国/路径`).
    @inline(__always) static func allowsCJKAfter(_ c: UInt32) -> Bool {
        switch c {
        case 0x2F, 0x2E, 0x3F, 0x3D, 0x26, 0x23, 0x25, 0x2D, 0x5F, 0x3A, 0x5C: return true
        default: return false
        }
    }

    /// Extends a URL or path token from `start` and trims the trailing punctuation that
    /// belongs to the sentence.
    static func tokenEnd(_ v: [UInt32], from start: Int, pathStyle: Bool) -> Int {
        let n = v.count
        var j = start
        var inCJKSegment = false
        while j < n {
            let c = v[j]
            if endsToken(c) { break }
            if pathStyle && (c == 0x2C || c == 0x3B || c == 0x27 || c == 0x28 || c == 0x29 || c == 0x7C) { break }
            if NormalizationScalar.isLetter(c) {
                if !inCJKSegment {
                    guard j > 0, allowsCJKAfter(v[j - 1]) else { break }
                    inCJKSegment = true
                }
            } else {
                inCJKSegment = false
            }
            if c >= NormalizationScalar.rawByteBase && c < NormalizationScalar.hanRunBase { break }  // an invalid byte
            j += 1
        }
        // Trailing sentence punctuation is not part of the token.
        var open = 0
        for k in start..<j {
            if v[k] == 0x28 { open += 1 } else if v[k] == 0x29 { open -= 1 }
        }
        while j > start {
            let c = v[j - 1]
            if c == 0x2E || c == 0x2C || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F || c == 0x27 {
                j -= 1
            } else if c == 0x29 && open < 0 {
                open += 1
                j -= 1
            } else {
                break
            }
        }
        return j
    }

    /// A URL starting at `i`: `scheme://…` or `www.…`.
    static func urlEnd(_ v: [UInt32], _ i: Int) -> Int? {
        let n = v.count
        guard ScalarClass.isASCIILetter(v[i]) else { return nil }
        if i > 0 && (isSchemeScalar(v[i - 1]) || v[i - 1] == 0x40) { return nil }
        var j = i
        while j < n && isSchemeScalar(v[j]) { j += 1 }
        if j + 2 < n && v[j] == 0x3A && v[j + 1] == 0x2F && v[j + 2] == 0x2F {
            let end = tokenEnd(v, from: j + 3, pathStyle: false)
            return end > j + 3 ? end : nil
        }
        if i + 4 < n && (v[i] | 0x20) == 0x77 && (v[i + 1] | 0x20) == 0x77 && (v[i + 2] | 0x20) == 0x77
            && v[i + 3] == 0x2E && NormalizationScalar.isASCIIAlnum(v[i + 4]) {
            return tokenEnd(v, from: i, pathStyle: false)
        }
        return nil
    }

    /// A file path starting at `i`: `/usr/…`, `~/…`, `./…`, `../…`, `C:\…`, `\\server\…`.
    static func pathEnd(_ v: [UInt32], _ i: Int) -> Int? {
        let n = v.count
        if i > 0 {
            let p = v[i - 1]
            if NormalizationScalar.isASCIIAlnum(p) || p == 0x2E || p == 0x2F || p == 0x5C || p == 0x7E || p == 0x3A { return nil }
        }
        @inline(__always) func at(_ k: Int) -> UInt32 { k < n ? v[k] : 0 }
        var bodyStart = -1
        let c = v[i]
        if c == 0x2F && NormalizationScalar.isASCIIAlnum(at(i + 1)) {
            bodyStart = i + 1
        } else if c == 0x7E && at(i + 1) == 0x2F {
            bodyStart = i + 2
        } else if c == 0x2E && at(i + 1) == 0x2F && at(i + 2) != 0x2F {
            bodyStart = i + 2
        } else if c == 0x2E && at(i + 1) == 0x2E && at(i + 2) == 0x2F {
            bodyStart = i + 3
        } else if ScalarClass.isASCIILetter(c) && at(i + 1) == 0x3A && at(i + 2) == 0x5C {
            bodyStart = i + 3
        } else if c == 0x5C && at(i + 1) == 0x5C && NormalizationScalar.isASCIIAlnum(at(i + 2)) {
            bodyStart = i + 2
        }
        guard bodyStart >= 0 else { return nil }
        let end = tokenEnd(v, from: i, pathStyle: true)
        return end > bodyStart ? end : nil
    }

    @inline(__always) static func isLocalPart(_ c: UInt32) -> Bool {
        NormalizationScalar.isASCIIAlnum(c) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D
    }

    @inline(__always) static func isDomain(_ c: UInt32) -> Bool {
        NormalizationScalar.isASCIIAlnum(c) || c == 0x2E || c == 0x2D
    }

    /// The e-mail address around the `@` at `at`.
    static func emailBounds(_ v: [UInt32], _ at: Int) -> (Int, Int)? {
        let n = v.count
        var s = at
        while s > 0 && isLocalPart(v[s - 1]) { s -= 1 }
        guard s < at else { return nil }
        var e = at + 1
        while e < n && isDomain(v[e]) { e += 1 }
        while e > at + 1 && (v[e - 1] == 0x2E || v[e - 1] == 0x2D) { e -= 1 }
        guard e > at + 1, NormalizationScalar.isASCIIAlnum(v[at + 1]) else { return nil }
        guard v[(at + 1)..<e].contains(0x2E) else { return nil }
        return (s, e)
    }

    /// The emoticons of `Tables/emoticons.txt` by their first scalar, each group in the table's
    /// order: asked at every `o`, `x`, `T`, `-` or `(` that begins a word, so English text
    /// would otherwise run through the whole table at most of its words.
    static let emoticonsByFirst: [UInt32: [[UInt32]]] = Dictionary(grouping: NormalizationTables.emoticons) { $0[0] }

    /// An emoticon from `Tables/emoticons.txt` starting at `i`.
    static func emoticonEnd(_ v: [UInt32], _ i: Int) -> Int? {
        let first = v[i]
        switch first {
        case 0x3A, 0x3B, 0x3D, 0x3C, 0x5E, 0x2D, 0x54, 0x3E, 0x6F, 0x4F, 0x58, 0x78, 0x28, 0x5C: break
        default: return nil
        }
        if i > 0 && NormalizationScalar.isASCIIAlnum(v[i - 1]) { return nil }
        let n = v.count
        guard let candidates = emoticonsByFirst[first] else { return nil }
        for e in candidates where i + e.count <= n {
            var ok = true
            for k in 1..<e.count where v[i + k] != e[k] { ok = false; break }
            guard ok else { continue }
            let end = i + e.count
            if end < n {
                let next = v[end]
                if NormalizationScalar.isASCIIAlnum(next) { continue }
                if ScalarClass.isASCIILetter(e[e.count - 1]) && NormalizationScalar.isLetter(next) { continue }
            }
            return end
        }
        return nil
    }
}
