/// Whether the hyphen at the end of a line, inside an English word, is a typesetter's
/// hyphen to drop (`com-` `pound` → `compound`) or part of the text (`Chia-` `liang`,
/// `get-` `dependencies`, `--` `undo`, `e-` `mail`, `UTF-` `8`).
///
/// The hyphen goes when both parts have at least two letters and the joined word is an
/// English word (``RejoinEnglishWords``) or occurs unhyphenated in the document
/// (``RejoinDocumentWords``), or is a regular inflection of a word of either
/// (``RejoinInflection``: `pars-` `ers` from `parser`), or has a regular inflection in either
/// (`de-` `structure` where the document writes `destructuring`), unless the document writes the
/// hyphenated form; or when the hyphen is U+2010 and the document writes no U+2010 inside a
/// line, so that it is the typesetter's hyphenation character (`bulls‐` `eye`); or, as
/// before any list was consulted, when the second part is a suffix fragment (`statical-`
/// `ly`) after a lowercase word.
///
/// Inside an identifier written in camel case the word is the component the hyphen falls in
/// (`Proto-` `colHandler` → `Protocol`, `JobDis-` `patch` → `Dispatch`). A typesetter keeps
/// a word's case, so a capital right after the hyphen of a lowercase part starts a new word
/// (`Wal-` `Mart`, `Jean-` `Paul`): that hyphen stays, unless the document writes the joined
/// word or its component itself (`Libre-` `Office` or `Libre-` `OfficeCalc` where `LibreOffice`
/// occurs) or the hyphen is the typesetter's U+2010.
enum RejoinHyphenation {
    /// The fewest letters on each side of a typesetter's hyphen.
    static let minimumPartLetters = 2

    /// Whether the hyphen ending line `a` (its content `p[aStart..<aEnd]`, the hyphen
    /// `hyphenBytes` long) goes when joined to line `b` (content from `p[bStart]`, up to
    /// `bEnd`).
    static func dropsHyphen(_ a: RejoinLine, _ b: RejoinLine, in p: UnsafePointer<UInt8>,
                            aStart: Int, aEnd: Int, bStart: Int, bEnd: Int,
                            words: RejoinDocumentWords) -> Bool {
        if !a.hyphenKeeps && b.startsWithSuffix { return true }
        let hyphenBytes = a.last == 0x2D ? 1 : 3
        let firstEnd = aEnd - hyphenBytes
        var firstStart = firstEnd
        while firstStart > aStart && RejoinDocumentWords.isLetter(p[firstStart - 1]) { firstStart -= 1 }
        var secondEnd = bStart
        while secondEnd < bEnd && RejoinDocumentWords.isLetter(p[secondEnd]) { secondEnd += 1 }
        guard firstEnd - firstStart >= minimumPartLetters, secondEnd - bStart >= minimumPartLetters else {
            return false
        }
        // a part glued to a digit or an accented Latin letter is no English word
        if firstStart > aStart {
            var lead = firstStart - 1
            while lead > aStart && p[lead] & 0xC0 == 0x80 { lead -= 1 }
            if p[firstStart - 1] &- 0x30 < 10 || isLatinLead(p[lead]) { return false }
        }
        if secondEnd < bEnd && (p[secondEnd] &- 0x30 < 10 || isLatinLead(p[secondEnd])) { return false }
        var joined = RejoinWordHash.seed
        for k in firstStart..<firstEnd { joined = RejoinWordHash.adding(p[k], to: joined) }
        var hyphenated = RejoinWordHash.adding(0x2D, to: joined)
        for k in bStart..<secondEnd {
            joined = RejoinWordHash.adding(p[k], to: joined)
            hyphenated = RejoinWordHash.adding(p[k], to: hyphenated)
        }
        if hyphenBytes == 3 && p[aEnd - 3] == 0xE2 && p[aEnd - 2] == 0x80 && p[aEnd - 1] == 0x90
            && !words.writesHyphenInLine { return true }
        if words.contains(hyphenated) { return false }
        // the document writes the joined word, or the camel-case component the hyphen falls in,
        // as it is, capitals and all (`Libre-` `Office` where `LibreOffice` occurs, `Libre-`
        // `OfficeCalc` too)
        if words.contains(joined) { return true }
        let component = camelComponent(p, first: firstStart..<firstEnd, second: bStart..<secondEnd)
        if let component, words.contains(component.hash) { return true }
        if isUppercase(p[bStart]) && !isUppercase(p[firstEnd - 1]) { return false }
        if RejoinEnglishWords.contains(joined) { return true }
        if isInflection(p, firstStart..<firstEnd, bStart..<secondEnd, words: words) { return true }
        guard let component else { return false }
        return RejoinEnglishWords.contains(component.hash)
            || isInflection(p, component.first, component.second, words: words)
    }

    /// The camel-case component of an identifier that a hyphen between `p[first]` and
    /// `p[second]` falls in (`Proto-` `colHandler` → `Protocol`), its letters on either side of
    /// the hyphen and its hash; nil where the parts are one component, or a side of it has
    /// fewer than ``minimumPartLetters`` letters. A component begins at a capital after a
    /// lowercase letter, or at the last capital of an acronym before a lowercase letter
    /// (`GNUGen-` `eral` → `General`, `XMLPar-` `ser`).
    static func camelComponent(_ p: UnsafePointer<UInt8>, first: Range<Int>, second: Range<Int>)
        -> (first: Range<Int>, second: Range<Int>, hash: UInt64)? {
        var componentStart = first.upperBound - 1
        while componentStart > first.lowerBound
            && !(isUppercase(p[componentStart])
                 && (!isUppercase(p[componentStart - 1])
                     || (componentStart + 1 < first.upperBound && !isUppercase(p[componentStart + 1])))) {
            componentStart -= 1
        }
        var componentEnd = second.lowerBound + 1
        while componentEnd < second.upperBound
            && !(isUppercase(p[componentEnd]) && !isUppercase(p[componentEnd - 1])) { componentEnd += 1 }
        guard componentStart > first.lowerBound || componentEnd < second.upperBound,
              first.upperBound - componentStart >= minimumPartLetters,
              componentEnd - second.lowerBound >= minimumPartLetters
        else { return nil }
        var hash = RejoinWordHash.seed
        for k in componentStart..<first.upperBound { hash = RejoinWordHash.adding(p[k], to: hash) }
        for k in second.lowerBound..<componentEnd { hash = RejoinWordHash.adding(p[k], to: hash) }
        return (componentStart..<first.upperBound, second.lowerBound..<componentEnd, hash)
    }

    /// Whether the letters of `first` then `second`, lowercased, are a regular inflection of
    /// a word of the list or of the document, or have one there (``RejoinInflection``).
    static func isInflection(_ p: UnsafePointer<UInt8>, _ first: Range<Int>, _ second: Range<Int>,
                             words: RejoinDocumentWords) -> Bool {
        var word: [UInt8] = []
        word.reserveCapacity(first.count + second.count + 1)
        for k in first { word.append(p[k] | (isUppercase(p[k]) ? 0x20 : 0)) }
        for k in second { word.append(p[k] | (isUppercase(p[k]) ? 0x20 : 0)) }
        let known = { (hash: UInt64) in words.contains(hash) || RejoinEnglishWords.contains(hash) }
        return RejoinInflection.isInflection(word, known: known) || RejoinInflection.hasKnownInflection(word, known: known)
    }

    @inline(__always)
    static func isUppercase(_ b: UInt8) -> Bool { b &- 0x41 < 26 }

    /// A lead byte of the two-byte UTF-8 sequences of Latin letters with diacritics
    /// (U+00C0–U+024F).
    @inline(__always)
    static func isLatinLead(_ b: UInt8) -> Bool { b &- 0xC3 < 7 }
}
