/// Where two versions of a text first differ, for check mode: the 1-based line and column
/// (in Unicode scalars, as editors count characters) in the original, and a short excerpt
/// of each version around that place.
///
/// ```swift
/// if let difference = TextDifference(original: input, changed: output) {
///     print("\(path):\(difference.line):\(difference.column): \(difference.summary)")
/// }
/// ```
public struct TextDifference: Sendable, Hashable {
    /// The 1-based line of the first difference in the original.
    public let line: Int
    /// The 1-based column (in Unicode scalars) of the first difference in the original.
    public let column: Int
    /// The byte offset of the first difference in the original.
    public let byteOffset: Int
    /// The original text around the difference, on one line.
    public let originalExcerpt: String
    /// The changed text around the difference, on one line.
    public let changedExcerpt: String

    /// How many scalars of context an excerpt shows before the difference.
    public static let contextBefore = 8
    /// How many scalars an excerpt shows from the difference on.
    public static let contextAfter = 24

    /// The first difference between `original` and `changed` (UTF-8 bytes), or nil when they
    /// are the same bytes.
    public init?(original: some Collection<UInt8>, changed: some Collection<UInt8>) {
        let a = Array(original), b = Array(changed)
        var offset = 0
        while offset < a.count, offset < b.count, a[offset] == b[offset] { offset += 1 }
        if offset == a.count, offset == b.count { return nil }
        // Back to the start of the scalar the difference is in, which both versions share.
        while offset > 0, offset < a.count || offset < b.count,
              (offset < a.count ? a[offset] : b[offset]) & 0xC0 == 0x80
        {
            offset -= 1
        }
        var line = 1
        var lineStart = 0
        for i in 0..<offset where a[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        self.line = line
        self.column = Self.scalarCount(a[lineStart..<offset]) + 1
        self.byteOffset = offset
        self.originalExcerpt = Self.excerpt(a, lineStart: lineStart, at: offset)
        self.changedExcerpt = Self.excerpt(b, lineStart: lineStart, at: offset)
    }

    /// `original → changed`, for a one-line report.
    public var summary: String { "\(originalExcerpt) → \(changedExcerpt)" }

    private static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Up to ``contextBefore`` scalars before `offset` on its line and ``contextAfter`` from
    /// it to the end of its line, with line breaks and tabs shown as `⏎` and `⇥` and `…` where it is cut.
    private static func excerpt(_ bytes: [UInt8], lineStart: Int, at offset: Int) -> String {
        var start = min(offset, bytes.count)
        var before = 0
        while start > lineStart, before < contextBefore {
            start -= 1
            while start > lineStart, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            before += 1
        }
        var end = min(offset, bytes.count)
        var after = 0
        while end < bytes.count, after < contextAfter {
            // The excerpt ends with the line it is on (its line break shown).
            if end > offset, bytes[end - 1] == 0x0A { break }
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            after += 1
        }
        var text = ""
        for scalar in String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\n": text += "⏎"
            case "\r": text += "␍"
            case "\t": text += "⇥"
            default: text.unicodeScalars.append(scalar)
            }
        }
        if start > lineStart { text = "…" + text }
        if end < bytes.count { text += "…" }
        return text.isEmpty ? "(end of text)" : text
    }
}
