/// Generates adversarial UTF-8 text for differential tests of dictionary-based converters
/// (OpenCC's maximum-match segmentation and conversion chain): text built to land on every
/// edge of a longest-match algorithm, deterministic for a given seed.
///
/// The text mixes, at random:
/// - whole dictionary phrases, their proper prefixes and suffixes (cut at scalar boundaries);
/// - overlapping phrases (`AB` + `BC` written as `ABC`) and chains of phrases without a gap;
/// - phrases cut at a segment edge: a separator inside a phrase, the tail of one phrase
///   followed by the head of another;
/// - ASCII runs, CJK and ASCII punctuation, line breaks (LF, CRLF, CR), NUL;
/// - emoji (ZWJ sequences, flags, skin tones, keycaps), variation selectors after Han, scalars
///   at the UTF-8 length edges (U+0080, U+07FF, U+0800, U+FFFF, U+10000, U+10FFFF);
/// - CJK compatibility ideographs (U+F900–U+FAD9, U+2F800–U+2FA1D);
/// - ideographic description sequences (⿰氵每, nested, complete or cut short, with phrases
///   around and inside them);
/// - long runs (up to a few KB) of scalars that occur in no phrase, so nothing matches.
///
/// The output is always valid UTF-8. It does not know any converter: the caller passes the
/// phrases (typically every key and value of the dictionaries a configuration uses).
///
/// ```swift
/// var generator = AdversarialTextGenerator(phrases: keys, seed: 42)
/// let text = generator.text(byteCount: 2 << 20)  // 2 MB, the same on every run
/// ```
///
/// Written for the tests rather than taken from a library: no fuzzing library on the package
/// mirror knows dictionary phrases, which are what makes the text adversarial here.
public struct AdversarialTextGenerator: Sendable {
    private var random: SeededGenerator
    /// The phrases, each as UTF-8 bytes, and the byte offset of each scalar after the first.
    private let phrases: [[UInt8]]
    private let boundaries: [[Int]]
    /// Phrases by the value of their first scalar, to find overlaps quickly.
    private let phrasesByFirstScalar: [UInt32: [Int32]]
    /// Scalars that occur in no phrase: the material of runs without a match.
    private let unmatchedScalars: [UInt32]
    /// Scalars that occur in some phrase, for single characters.
    private let phraseScalars: [UInt32]

    /// A generator over `phrases` (UTF-8; empty and invalid ones are skipped) whose output is
    /// fixed by `seed`.
    public init(phrases: [[UInt8]], seed: UInt64) {
        random = SeededGenerator(seed: seed)
        var kept: [[UInt8]] = []
        var keptBoundaries: [[Int]] = []
        var byFirst: [UInt32: [Int32]] = [:]
        var seen = Set<UInt32>()
        for phrase in phrases where !phrase.isEmpty {
            guard let scalars = AdversarialTextGenerator.scalarOffsets(phrase) else { continue }
            let index = Int32(kept.count)
            kept.append(phrase)
            keptBoundaries.append(scalars.offsets)
            byFirst[scalars.values[0], default: []].append(index)
            seen.formUnion(scalars.values)
        }
        self.phrases = kept
        boundaries = keptBoundaries
        phrasesByFirstScalar = byFirst
        phraseScalars = seen.sorted()
        var unmatched: [UInt32] = []
        // Han, Hangul, Yi, Cyrillic, Latin Extended, CJK Extension B: whatever no phrase holds.
        for range in [0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xA000...0xA48C, 0x0400...0x04FF,
                      0x0100...0x024F, 0x20000...0x2A6DF] as [ClosedRange<UInt32>] {
            for value in stride(from: range.lowerBound, through: range.upperBound, by: 7) where !seen.contains(value) {
                unmatched.append(value)
            }
        }
        unmatchedScalars = unmatched
    }

    /// At least `byteCount` bytes of text (a little more: the last piece is kept whole).
    public mutating func text(byteCount: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(byteCount + 8192)
        while output.count < byteCount {
            appendPiece(to: &output)
        }
        return output
    }

    /// Appends one randomly chosen piece to `output`.
    public mutating func appendPiece(to output: inout [UInt8]) {
        guard !phrases.isEmpty else {
            appendFiller(to: &output)
            return
        }
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<22: output += randomPhrase()
        case 22..<30: appendPrefix(of: randomPhraseIndex(), to: &output)
        case 30..<38: appendSuffix(of: randomPhraseIndex(), to: &output)
        case 38..<50: appendOverlap(to: &output)
        case 50..<58:
            for _ in 0..<Int.random(in: 2...6, using: &random) { output += randomPhrase() }
        case 58..<64: appendPhraseCutBySeparator(to: &output)
        case 64..<70:
            appendSuffix(of: randomPhraseIndex(), to: &output)
            appendPrefix(of: randomPhraseIndex(), to: &output)
        case 70..<74:
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                appendScalar(phraseScalars.randomElement(using: &random)!, to: &output)
            }
        case 74..<76:
            let phrase = randomPhrase()
            for _ in 0..<Int.random(in: 2...8, using: &random) { output += phrase }
        case 76..<77: appendVariationSelector(to: &output)
        case 77..<80: appendDescriptionSequence(to: &output)
        default: appendFiller(to: &output)
        }
    }

    // MARK: Pieces built from phrases

    private mutating func randomPhraseIndex() -> Int { Int.random(in: 0..<phrases.count, using: &random) }

    private mutating func randomPhrase() -> [UInt8] { phrases[randomPhraseIndex()] }

    /// A proper prefix of the phrase (at least one scalar), or the phrase when it has one scalar.
    private mutating func appendPrefix(of index: Int, to output: inout [UInt8]) {
        let cuts = boundaries[index]
        let phrase = phrases[index]
        output += cuts.isEmpty ? phrase[...] : phrase[..<cuts.randomElement(using: &random)!]
    }

    /// A proper suffix of the phrase, or the phrase when it has one scalar.
    private mutating func appendSuffix(of index: Int, to output: inout [UInt8]) {
        let cuts = boundaries[index]
        let phrase = phrases[index]
        output += cuts.isEmpty ? phrase[...] : phrase[cuts.randomElement(using: &random)!...]
    }

    /// Phrase A, then a phrase B that begins with a tail of A, written once: the two matches
    /// compete for the shared scalars.
    private mutating func appendOverlap(to output: inout [UInt8]) {
        let first = randomPhraseIndex()
        let a = phrases[first]
        output += a
        for cut in boundaries[first].shuffled(using: &random).prefix(3) {
            let tail = a[cut...]
            guard let firstScalar = AdversarialTextGenerator.scalarOffsets(Array(tail))?.values.first,
                  let candidates = phrasesByFirstScalar[firstScalar] else { continue }
            for candidate in candidates.shuffled(using: &random).prefix(8) {
                let b = phrases[Int(candidate)]
                if b.count > tail.count && b.starts(with: tail) {
                    output += b[(b.startIndex + tail.count)...]
                    return
                }
            }
        }
        // No phrase continues a tail of A: follow it with one that shares A's first scalar.
        if let firstScalar = AdversarialTextGenerator.scalarOffsets(a)?.values.first,
           let candidates = phrasesByFirstScalar[firstScalar] {
            output += phrases[Int(candidates.randomElement(using: &random)!)]
        }
    }

    /// A phrase of two or more scalars with a separator between two of them.
    private mutating func appendPhraseCutBySeparator(to output: inout [UInt8]) {
        let index = randomPhraseIndex()
        let phrase = phrases[index]
        guard let cut = boundaries[index].randomElement(using: &random) else {
            output += phrase
            return
        }
        output += phrase[..<cut]
        switch Int.random(in: 0..<7, using: &random) {
        case 0: output.append(0)
        case 1: output.append(0x0A)
        case 2: output += [0x0D, 0x0A]
        case 3: output.append(0x20)
        case 4: appendScalar(0x3002, to: &output)  // 。
        case 5: appendScalar(unmatchedScalars.randomElement(using: &random) ?? 0x20, to: &output)
        default: output += AdversarialTextGenerator.emoji.randomElement(using: &random)!
        }
        output += phrase[cut...]
    }

    /// A Han scalar from the phrases followed by a variation selector (standard or ideographic).
    private mutating func appendVariationSelector(to output: inout [UInt8]) {
        appendScalar(phraseScalars.randomElement(using: &random)!, to: &output)
        let selector: UInt32 = random.chance(0.5) ? UInt32.random(in: 0xFE00...0xFE0F, using: &random)
            : UInt32.random(in: 0xE0100...0xE01EF, using: &random)
        appendScalar(selector, to: &output)
    }

    /// An ideographic description sequence (U+2FF0–U+2FFF and its components): complete,
    /// nested, or cut short; often followed by a phrase whose head could join it.
    private mutating func appendDescriptionSequence(to output: inout [UInt8]) {
        var budget = Int.random(in: 1...12, using: &random)
        appendDescription(depth: 0, budget: &budget, to: &output)
        if random.chance(0.5) { output += randomPhrase() }
    }

    private mutating func appendDescription(depth: Int, budget: inout Int, to output: inout [UInt8]) {
        let op = UInt32.random(in: 0x2FF0...0x2FFF, using: &random)
        appendScalar(op, to: &output)
        let arity: Int
        switch op {
        case 0x2FF2, 0x2FF3: arity = 3
        case 0x2FFE, 0x2FFF: arity = 1
        default: arity = 2
        }
        for _ in 0..<arity {
            budget -= 1
            // Cut short: the sequence stops here.
            if budget < 0 { return }
            if depth < 4 && random.chance(0.25) {
                appendDescription(depth: depth + 1, budget: &budget, to: &output)
            } else if random.chance(0.2) {
                output += randomPhrase()
            } else {
                appendScalar(phraseScalars.randomElement(using: &random)!, to: &output)
            }
        }
    }

    // MARK: Pieces without phrases

    private static let ascii = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"()[]-_/\\@#%&*+=<>~`^|{}$".utf8)
    private static let punctuation: [[UInt8]] = ["，", "。", "、", "；", "：", "？", "！", "「", "」", "『", "』", "《", "》",
                                                  "（", "）", "【", "】", "—", "……", "·", "～", "\u{3000}", "\t", "“", "”",
                                                  "‘", "’", "〈", "〉", "﹏", "﹐", "．", "，", "ｆｕｌｌ", "１２３"].map { Array($0.utf8) }
    private static let emoji: [[UInt8]] = ["😀", "🇨🇳", "🇹🇼", "👩‍👩‍👧", "👍🏽", "❤️", "1️⃣", "🀄", "\u{FEFF}", "\u{2028}",
                                            "e\u{301}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}",
                                            "\u{10FFFF}", "\u{FFFD}", "\u{200B}", "\u{200D}"].map { Array($0.utf8) }

    private mutating func appendFiller(to output: inout [UInt8]) {
        switch Int.random(in: 0..<24, using: &random) {
        case 0..<6:
            for _ in 0..<Int.random(in: 1...40, using: &random) {
                output.append(AdversarialTextGenerator.ascii.randomElement(using: &random)!)
            }
        case 6..<11: output += AdversarialTextGenerator.punctuation.randomElement(using: &random)!
        case 11..<14: output += AdversarialTextGenerator.emoji.randomElement(using: &random)!
        case 14: output.append(0)
        case 15..<17: output.append(0x0A)
        case 17: output += [0x0D, 0x0A]
        case 18: output.append(0x0D)
        case 19..<22:
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let value: UInt32 = random.chance(0.7) ? UInt32.random(in: 0xF900...0xFAD9, using: &random)
                    : UInt32.random(in: 0x2F800...0x2FA1D, using: &random)
                appendScalar(value, to: &output)
            }
        default:
            // A long run in which nothing matches.
            guard !unmatchedScalars.isEmpty else { return }
            for _ in 0..<Int.random(in: 50...2000, using: &random) {
                appendScalar(unmatchedScalars.randomElement(using: &random)!, to: &output)
            }
        }
    }

    // MARK: UTF-8

    private func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output += [UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F)]
        case 0x800..<0x10000:
            output += [UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
        default:
            output += [UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F),
                       UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
        }
    }

    /// The scalar values of `bytes` and the byte offsets of every scalar after the first, or
    /// `nil` when `bytes` is not valid UTF-8.
    static func scalarOffsets(_ bytes: [UInt8]) -> (values: [UInt32], offsets: [Int])? {
        var values: [UInt32] = []
        var offsets: [Int] = []
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var position = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if position > 0 { offsets.append(position) }
                values.append(scalar.value)
                position += UTF8.width(scalar)
            case .emptyInput:
                return values.isEmpty ? nil : (values, offsets)
            case .error:
                return nil
            }
        }
    }
}
