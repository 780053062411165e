/// Inline prose: the protected spans (code, links' destinations, HTML, math, escapes) are kept
/// byte for byte while the text around them is transformed in one piece.
extension MarkdownCleaner {
    /// The planes whose private-use scalars can stand for protected spans while the prose is
    /// transformed (Supplementary Private Use Areas B and A), tried in order: the first one
    /// the text does not use. No conversion or normalisation rule touches them.
    private static let placeholderPlanes: [UInt32] = [0x10_0000, 0x0F_0000]
    private static let placeholderLimit = 0xFFFE

    /// Cleans prose that may contain inline Markdown: the protected spans are replaced by
    /// placeholders, the text around them is transformed in one piece (so that quotation marks
    /// pair across a code span and punctuation sees its neighbours), and the spans are put
    /// back. When the text already uses both private-use planes, or the transform did not keep
    /// the placeholders in order, each stretch between spans is transformed on its own.
    ///
    /// When the transformed text no longer has exactly the same protected spans (the
    /// normaliser folded `＄` into `$`, and `$…$` became inline math that took in or gave up
    /// prose), the text is kept as it is: otherwise a second cleaning would see other spans and
    /// change the text again.
    func cleanInline(_ text: ArraySlice<UInt8>) throws -> [UInt8] {
        let spans = MarkdownInlineSpans.protected(in: text)
        let cleaned = try transformProse(text, spans: keepsLineStarts ? Self.addingLineStarts(to: spans, in: text) : spans)
        return Self.hasSameSpans(cleaned, spans, from: text) ? cleaned : Array(text)
    }

    /// `spans` and the first character of each line of `text` (unless white space or in a span),
    /// in order.
    private static func addingLineStarts(to spans: [Range<Int>], in text: ArraySlice<UInt8>) -> [Range<Int>] {
        var starts: [Range<Int>] = []
        var i = text.startIndex
        while i < text.endIndex {
            let lead = text[i]
            if lead != 0x20, lead != 0x09, lead != 0x0A {
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let range = i..<min(i + length, text.endIndex)
                if !spans.contains(where: { $0.overlaps(range) }) { starts.append(range) }
            }
            guard let lineEnd = text[i...].firstIndex(of: 0x0A) else { break }
            i = lineEnd + 1
        }
        return (spans + starts).sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Whether `cleaned` has the protected spans `spans` of `text`: as many, with the same bytes.
    private static func hasSameSpans(_ cleaned: [UInt8], _ spans: [Range<Int>], from text: ArraySlice<UInt8>) -> Bool {
        let found = MarkdownInlineSpans.protected(in: cleaned[...])
        guard found.count == spans.count else { return false }
        for (new, old) in zip(found, spans) where !cleaned[new].elementsEqual(text[old]) { return false }
        return true
    }

    /// The transform applied to the prose between `spans`, the spans kept byte for byte.
    private func transformProse(_ text: ArraySlice<UInt8>, spans: [Range<Int>]) throws -> [UInt8] {
        if spans.isEmpty { return try transform(Array(text)) }
        if spans.count <= Self.placeholderLimit, let plane = Self.unusedPlane(in: text) {
            var masked: [UInt8] = []
            masked.reserveCapacity(text.count)
            var position = text.startIndex
            for (k, span) in spans.enumerated() {
                masked.append(contentsOf: text[position..<span.lowerBound])
                UTF8Codec.encode(plane + UInt32(k), into: &masked)
                position = span.upperBound
            }
            masked.append(contentsOf: text[position...])
            if let restored = Self.restore(try transform(masked), plane: plane, spans: spans, from: text) {
                return restored
            }
        }
        var output: [UInt8] = []
        var position = text.startIndex
        for span in spans {
            if position < span.lowerBound { output.append(contentsOf: try transform(Array(text[position..<span.lowerBound]))) }
            output.append(contentsOf: text[span])
            position = span.upperBound
        }
        if position < text.endIndex { output.append(contentsOf: try transform(Array(text[position...]))) }
        return output
    }

    /// The first placeholder plane with no scalar in `text`.
    private static func unusedPlane(in text: ArraySlice<UInt8>) -> UInt32? {
        placeholderPlanes.first { plane in
            let (lead, second) = (0xF0 | UInt8(plane >> 18), 0x80 | UInt8((plane >> 12) & 0x30))
            var i = text.startIndex
            while let found = text[i...].firstIndex(of: lead) {
                if found + 1 < text.endIndex, text[found + 1] & 0xF0 == second { return false }
                i = found + 1
            }
            return true
        }
    }

    /// Puts the spans back in place of their placeholders; nil unless every placeholder came
    /// back exactly once and in order.
    private static func restore(
        _ transformed: [UInt8], plane: UInt32, spans: [Range<Int>], from text: ArraySlice<UInt8>
    ) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(transformed.count + text.count / 4)
        var expected = 0
        let complete = transformed.withUnsafeBufferPointer { bytes in
            var i = 0
            while i < bytes.count {
                let (v, length) = UTF8Codec.decode(bytes, i)
                guard length == 4, v >= plane, v < plane + 0x1_0000 else {
                    output.append(contentsOf: bytes[i..<(i + length)])
                    i += length
                    continue
                }
                let index = Int(v - plane)
                guard index == expected else { return false }
                output.append(contentsOf: text[spans[index]])
                expected += 1
                i += 4
            }
            return true
        }
        return complete && expected == spans.count ? output : nil
    }
}
