import Hanzi

/// Guesses the encoding of bytes that are not UTF-8, for the error message's suggestion.
enum EncodingGuess {
    /// Whether all of `sample` (but a character cut by its end) decodes in `encoding`, and the
    /// decoded scalars look like Chinese text.
    static func looksLike(_ encoding: TextEncoding, _ sample: [UInt8]) -> Bool {
        guard let decoder = try? TextDecoder(from: encoding) else { return false }
        var utf8: [UInt8] = []
        guard (try? decoder.feed(sample, into: &utf8)) != nil else { return false }
        var nonASCII = 0
        var chinese = 0
        for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars where scalar.value >= 0x80 {
            nonASCII += 1
            switch scalar.value {
            case 0x4E00...0x9FFF, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2010...0x2027: chinese += 1
            default: break
            }
        }
        // A few characters are no evidence (a UTF-8 sequence cut by the end of the input).
        return nonASCII >= 4 && chinese * 100 >= nonASCII * 95
    }
}
