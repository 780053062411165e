/// Finds the inline Markdown inside a block's text that cleaning must not touch: code spans,
/// autolinks and inline HTML, link and image syntax with their destinations and titles,
/// emphasis and strikethrough markers, backslash escapes, entities, inline math and bare URLs.
///
/// Everything else is prose. The spans are returned in order and never overlap.
enum MarkdownInlineSpans {
    static func protected(in text: ArraySlice<UInt8>) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var i = text.startIndex
        let end = text.endIndex
        func add(_ range: Range<Int>) {
            if let last = spans.last, last.upperBound == range.lowerBound {
                spans[spans.count - 1] = last.lowerBound..<range.upperBound
            } else {
                spans.append(range)
            }
        }
        while i < end {
            let b = text[i]
            switch b {
            case 0x5C:  // backslash escape of ASCII punctuation, or a hard break
                if i + 1 < end, isASCIIPunctuation(text[i + 1]) { add(i..<(i + 2)); i += 2 } else { add(i..<(i + 1)); i += 1 }
            case 0x60:  // code span: a run of backticks up to a run of the same length
                var runEnd = i
                while runEnd < end, text[runEnd] == 0x60 { runEnd += 1 }
                let closing = closingBacktickRun(text, from: runEnd, length: runEnd - i)
                add(i..<(closing ?? runEnd))
                i = closing ?? runEnd
            case 0x3C:  // autolink or inline HTML
                if let close = angleSpanEnd(text, from: i) { add(i..<close); i = close } else { i += 1 }
            case 0x21 where i + 1 < end && text[i + 1] == 0x5B:  // image: `![`
                add(i..<(i + 2))
                i += 2
            case 0x5B, 0x5D:  // link text brackets, and what follows `]`
                var close = i + 1
                if b == 0x5D { close = linkTailEnd(text, from: i + 1) }
                if b == 0x5B, i + 1 < end, text[i + 1] == 0x5E {
                    // footnote `[^label]`
                    var j = i + 2
                    while j < end, text[j] != 0x5D, text[j] != 0x20 { j += 1 }
                    if j < end, text[j] == 0x5D { close = j + 1 }
                }
                add(i..<close)
                i = close
            case 0x2A, 0x5F, 0x7E:  // emphasis and strikethrough markers
                var j = i
                while j < end, text[j] == b { j += 1 }
                add(i..<j)
                i = j
            case 0x26:  // entity: `&amp;`, `&#123;`, `&#x1F600;`
                if let close = entityEnd(text, from: i) { add(i..<close); i = close } else { i += 1 }
            case 0x24:  // inline math `$…$` on one line
                if let close = inlineMathEnd(text, from: i) { add(i..<close); i = close } else { i += 1 }
            case 0x68, 0x77:  // bare URL: http://, https://, www.
                if let close = bareURLEnd(text, from: i) { add(i..<close); i = close } else { i += 1 }
            default:
                i += 1
            }
        }
        return spans
    }

    private static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (0x21...0x2F).contains(b) || (0x3A...0x40).contains(b) || (0x5B...0x60).contains(b) || (0x7B...0x7E).contains(b)
    }

    private static func closingBacktickRun(_ text: ArraySlice<UInt8>, from start: Int, length: Int) -> Int? {
        var i = start
        while i < text.endIndex {
            if text[i] == 0x60 {
                var j = i
                while j < text.endIndex, text[j] == 0x60 { j += 1 }
                if j - i == length { return j }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }

    /// `<scheme:…>`, `<user@host>`, `<tag …>`, `</tag>`, `<!-- … -->`: the end after `>`.
    private static func angleSpanEnd(_ text: ArraySlice<UInt8>, from start: Int) -> Int? {
        var i = start + 1
        guard i < text.endIndex else { return nil }
        let first = text[i]
        let isTag = isASCIILetter(first) || first == 0x2F || first == 0x21 || first == 0x3F
        guard isTag else { return nil }
        if first == 0x21, i + 2 < text.endIndex, text[i + 1] == 0x2D, text[i + 2] == 0x2D {
            // comment: up to `-->`
            var j = i + 3
            while j + 2 < text.endIndex {
                if text[j] == 0x2D, text[j + 1] == 0x2D, text[j + 2] == 0x3E { return j + 3 }
                j += 1
            }
            return nil
        }
        while i < text.endIndex, text[i] != 0x3E {
            if text[i] == 0x3C || text[i] == 0x0A { return nil }
            i += 1
        }
        return i < text.endIndex ? i + 1 : nil
    }

    /// After a `]`: an inline destination `(…)` with balanced parentheses and an optional
    /// title, or a reference `[label]`; otherwise just the bracket.
    private static func linkTailEnd(_ text: ArraySlice<UInt8>, from start: Int) -> Int {
        guard start < text.endIndex else { return start }
        if text[start] == 0x28 {
            var depth = 0
            var i = start
            var quote: UInt8?
            while i < text.endIndex {
                let b = text[i]
                if let q = quote {
                    if b == q { quote = nil }
                } else if b == 0x22 || b == 0x27, i > start, text[i - 1] == 0x20 {
                    quote = b
                } else if b == 0x5C {
                    i += 1
                } else if b == 0x28 {
                    depth += 1
                } else if b == 0x29 {
                    depth -= 1
                    if depth == 0 { return i + 1 }
                }
                i += 1
            }
            return start
        }
        if text[start] == 0x5B {
            var i = start + 1
            while i < text.endIndex, text[i] != 0x5D, text[i] != 0x5B { i += 1 }
            if i < text.endIndex, text[i] == 0x5D { return i + 1 }
        }
        return start
    }

    private static func entityEnd(_ text: ArraySlice<UInt8>, from start: Int) -> Int? {
        var i = start + 1
        while i < text.endIndex, i - start <= 32, isASCIILetter(text[i]) || (text[i] >= 0x30 && text[i] <= 0x39) || text[i] == 0x23 {
            i += 1
        }
        return i > start + 1 && i < text.endIndex && text[i] == 0x3B ? i + 1 : nil
    }

    /// `$x$` (not `$ x$`, not `$x $`) closed on the same line; `$$…$$` too.
    private static func inlineMathEnd(_ text: ArraySlice<UInt8>, from start: Int) -> Int? {
        var delimiter = 1
        if start + 1 < text.endIndex, text[start + 1] == 0x24 { delimiter = 2 }
        let bodyStart = start + delimiter
        guard bodyStart < text.endIndex, text[bodyStart] != 0x20 else { return nil }
        var i = bodyStart
        while i < text.endIndex {
            if text[i] == 0x5C { i += 2; continue }
            if text[i] == 0x24 {
                if delimiter == 2 {
                    if i + 1 < text.endIndex, text[i + 1] == 0x24 { return i + 2 }
                } else if i > bodyStart, text[i - 1] != 0x20 {
                    // `$5 and $6` is money, not math: the closing `$` must not be followed by a digit.
                    if i + 1 < text.endIndex, text[i + 1] >= 0x30 && text[i + 1] <= 0x39 { return nil }
                    return i + 1
                }
                return nil
            }
            i += 1
        }
        return nil
    }

    /// What begins a bare URL, longest first.
    private static let urlPrefixes: [[UInt8]] = [Array("https://".utf8), Array("http://".utf8), Array("www.".utf8)]

    /// `http://…`, `https://…` or `www.…` up to white space, `<`, or a character outside ASCII.
    /// Asked at every `h` and `w` of the prose: most are inside a word, and the letter before
    /// them answers at once.
    private static func bareURLEnd(_ text: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard start == text.startIndex || !isASCIILetter(text[start - 1]),
              let prefix = urlPrefixes.first(where: { text[start...].starts(with: $0) })
        else { return nil }
        var i = start + prefix.count
        while i < text.endIndex, text[i] > 0x20, text[i] < 0x80, text[i] != 0x3C { i += 1 }
        // Trailing punctuation belongs to the sentence, as in GitHub's autolinks.
        while i > start + prefix.count, [0x2E, 0x2C, 0x3A, 0x3B, 0x21, 0x3F, 0x22, 0x27, 0x29].contains(text[i - 1]) { i -= 1 }
        return i > start + prefix.count ? i : nil
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
    }
}
