/// Regular English inflection and derivation, the evidence that a word hyphenated at a line
/// end is one word when the word itself is in neither the word list nor the document but its
/// stem is (`pars-` `ers` → `parsers` from `parser`, `tokeniz-` `ing` from `tokenize`), or one
/// of its inflections is (`de-` `structure` → `destructure` where the document writes
/// `destructuring`).
///
/// The word list (``RejoinEnglishWords``) holds many inflected forms but not all; English
/// forms the plural and third person with `-s`/`-es` (`-ies` after a consonant `y`), the past
/// with `-ed`, the participle with `-ing`, agent nouns with `-er`, adverbs with `-ly`, and
/// derives adjectives with `-able` and nouns with `-ness` and `-ment`, dropping a stem's
/// silent `e` or doubling its final consonant before a vowel, turning a final `y` after a
/// consonant into `i` before a suffix, and `-le` into `-ly`. A stem is accepted only when it has at least
/// ``minimumStemLetters`` letters, as the words of the list do.
enum RejoinInflection {
    /// The fewest letters of a stem.
    static let minimumStemLetters = 4

    /// Whether the lowercase ASCII letters `word` are a regular inflection (at most
    /// `depth` suffixes deep: `parsers` is `parser` + `s`) of a stem that `known` accepts.
    static func isInflection(_ word: [UInt8], depth: Int = 2, known: (UInt64) -> Bool) -> Bool {
        guard depth > 0 else { return false }
        var found = false
        stems(of: word) { stem in
            if found || stem.count < minimumStemLetters { return }
            if known(RejoinWordHash.of(stem)) || isInflection(stem, depth: depth - 1, known: known) {
                found = true
            }
        }
        return found
    }

    /// Whether a regular inflection of the lowercase ASCII letters `word` (one suffix: `-s`,
    /// `-es`, `-ed`, `-ing`, `-er`, `-ers`, with the spelling changes of ``stems(of:)``) is a
    /// word that `known` accepts: a technical text writes `destructuring` and `destructured`
    /// far more often than `destructure`, and a word it inflects is a word. `word` must have
    /// at least ``minimumStemLetters`` letters, as a stem must.
    static func hasKnownInflection(_ word: [UInt8], known: (UInt64) -> Bool) -> Bool {
        guard word.count >= minimumStemLetters else { return false }
        var found = false
        inflections(of: word) { form in
            if !found && known(RejoinWordHash.of(form)) { found = true }
        }
        return found
    }

    /// Calls `body` with every regular inflection of `word` by one suffix: the inverse of
    /// ``stems(of:)`` for `-s`, `-es`, `-ies`, `-ed`, `-ied`, `-ing`, `-er`, `-ers`.
    static func inflections(of word: [UInt8], _ body: ([UInt8]) -> Void) {
        guard let last = word.last else { return }
        func vowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }
        func with(_ base: ArraySlice<UInt8>, _ suffix: StaticString) -> [UInt8] {
            var form = Array(base)
            suffix.withUTF8Buffer { form.append(contentsOf: $0) }
            return form
        }
        let e: UInt8 = 0x65, y: UInt8 = 0x79
        let whole = word[...]
        body(with(whole, "s"))
        body(with(whole, "es"))
        if last == e {
            // a silent e: parse → parses, parsed, parsing, parser, parsers
            let stem = word.dropLast()
            body(with(whole, "d"))
            body(with(stem, "ing"))
            body(with(whole, "r"))
            body(with(whole, "rs"))
            return
        }
        if last == y && word.count >= 2 && !vowel(word[word.count - 2]) {
            // a consonant y: copy → copies, copied, copier
            let stem = word.dropLast()
            body(with(stem, "ies"))
            body(with(stem, "ied"))
            body(with(stem, "ier"))
        }
        for suffix: StaticString in ["ed", "ing", "er", "ers"] {
            body(with(whole, suffix))
            // a final consonant doubled after a vowel: wrap → wrapped, wrapping, wrapper
            if !vowel(last) && last != y && last != 0x77 && last != 0x78 && word.count >= 2
                && vowel(word[word.count - 2]) {
                body(with(whole + [last], suffix))
            }
        }
    }

    /// Calls `body` with every stem `word` can come from by one regular suffix.
    static func stems(of word: [UInt8], _ body: ([UInt8]) -> Void) {
        let n = word.count
        func ends(_ suffix: StaticString) -> Bool {
            let k = suffix.utf8CodeUnitCount
            guard n > k else { return false }
            return suffix.withUTF8Buffer { s in (0..<k).allSatisfy { word[n - k + $0] == s[$0] } }
        }
        func vowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }
        let y: UInt8 = 0x79, e: UInt8 = 0x65
        // -ies, -ied, -ier, -ily after a consonant: the stem ends in y (copies, tidily)
        if ends("ies") || ends("ied") || ends("ier") || ends("ily") { body(Array(word[..<(n - 3)]) + [y]) }
        if ends("iness") || ends("iment") { body(Array(word[..<(n - 5)]) + [y]) }
        if ends("ness") || ends("ment") { body(Array(word[..<(n - 4)])) }
        if ends("s") && !ends("ss") { body(Array(word[..<(n - 1)])) }
        if ends("es") { body(Array(word[..<(n - 2)])) }
        if ends("ly") {
            body(Array(word[..<(n - 2)]))
            // simple → simply
            if ends("bly") || ends("ply") || ends("tly") || ends("dly") || ends("gly") || ends("kly") {
                body(Array(word[..<(n - 1)]) + [e])
            }
        }
        for suffix: StaticString in ["ed", "ing", "er", "able"] where ends(suffix) {
            let stem = Array(word[..<(n - suffix.utf8CodeUnitCount)])
            guard let last = stem.last else { continue }
            body(stem)
            // a silent e dropped before the vowel (parse → parsed, parser, parsing, parsable)
            if !vowel(last) { body(stem + [e]) }
            // a final consonant doubled (wrap → wrapped, wrapper, wrapping, wrappable)
            if stem.count >= 2 && last == stem[stem.count - 2] && !vowel(last) { body(Array(stem.dropLast())) }
        }
    }
}
