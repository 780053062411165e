import HanziTestSupport
import Testing
@testable import HanziText

/// Generated layouts: known paragraphs wrapped at widths 10 to 25 in every style the
/// rejoiner must handle; boundary F1 per style, and the character invariant everywhere.
///
/// The thresholds sit just below the measured F1. Two styles are lower by nature: with no
/// blank line and no indent to mark paragraphs (blank lines after every line carry no
/// information either), a paragraph whose last line happens to be full and end a sentence
/// cannot be told from a continued one.
@Suite struct RejoinGeneratedTests {
    static let styles: [(RejoinStyle, Double)] = [
        (RejoinStyle(name: "blank between paragraphs"), 0.98),
        (RejoinStyle(name: "blank after every line", blank: .everyLine, indent: .implicit), 0.98),
        (RejoinStyle(name: "blank after every line, no indent", blank: .everyLine), 0.82),
        (RejoinStyle(name: "no blank lines, implicit indent", blank: .none, indent: .implicit), 0.97),
        (RejoinStyle(name: "no blank lines, full-width indent", blank: .none, indent: .fullWidth), 0.98),
        (RejoinStyle(name: "no blank lines, ASCII indent", blank: .none, indent: .ascii), 0.98),
        (RejoinStyle(name: "no blank lines, no indent", blank: .none), 0.85),
        (RejoinStyle(name: "column-break blanks", columnBreakBlanks: true, indent: .implicit), 0.98),
        (RejoinStyle(name: "column-break blanks, no other blanks", blank: .none, columnBreakBlanks: true,
                     indent: .fullWidth), 0.96),
        (RejoinStyle(name: "letter spacing", letterSpacing: true), 0.98),
        (RejoinStyle(name: "one character per line", oneCharacterPerLine: true), 0.99),
        (RejoinStyle(name: "hyphenated English", hyphenation: true, corpus: .technical), 0.96),
        (RejoinStyle(name: "form feeds", blank: .none, indent: .fullWidth, formFeeds: true), 0.98),
        (RejoinStyle(name: "mixed widths", sections: 3, indent: .implicit), 0.97),
        (RejoinStyle(name: "CRLF", indent: .fullWidth, crlf: true), 0.98),
        (RejoinStyle(name: "headings and bylines", headings: true), 0.95),
        (RejoinStyle(name: "headings, every line blank", blank: .everyLine, indent: .implicit, headings: true), 0.96),
        (RejoinStyle(name: "Traditional", indent: .fullWidth, corpus: .traditional), 0.98),
        (RejoinStyle(name: "technical", blank: .none, indent: .ascii, corpus: .technical), 0.98),
        (RejoinStyle(name: "break before punctuation", blank: .none, indent: .implicit,
                     breakBeforePunctuation: true), 0.98),
        (RejoinStyle(name: "spaces around lines", indent: .ascii, spacesAroundLines: true), 0.98),
        (RejoinStyle(name: "everything", sections: 2, blank: .none, columnBreakBlanks: true, indent: .fullWidth,
                     letterSpacing: true, hyphenation: true, formFeeds: true, crlf: true, headings: true,
                     spacesAroundLines: true, breakBeforePunctuation: true, corpus: .mixed), 0.94),
        (RejoinStyle(name: "letter spacing with Latin letters and digits", widths: 18...25, indent: .fullWidth,
                     letterSpacing: true, letterSpacingSplitsLatin: true, corpus: .technical), 0.98),
        (RejoinStyle(name: "page numbers in the text", blank: .none, indent: .fullWidth, pageNumbers: true), 0.99),
        (RejoinStyle(name: "page numbers, no indent", pageNumbers: true), 0.98),
    ]

    static let documentsPerStyle = 30

    static func documents(_ style: RejoinStyle, index: Int) -> [GeneratedDocument] {
        (0..<documentsPerStyle).map { k in
            var g = RejoinDocumentGenerator(style: style, seed: UInt64(index) &* 1_000_003 &+ UInt64(k) &+ 17)
            return g.make()
        }
    }

    @Test func corpusIsAvailable() {
        #expect(RejoinCorpus.seedParagraphs.count >= 20)
    }

    @Test(arguments: Array(styles.enumerated().map { ($0.offset, $0.element.0.name) }))
    func boundaryF1PerStyle(index: Int, name: String) {
        let (style, threshold) = Self.styles[index]
        let rejoiner = ColumnRejoiner()
        var total = RejoinScoring.Counts()
        var failures = 0
        for doc in Self.documents(style, index: index) {
            let out = rejoiner.rejoin(doc.text)
            guard let counts = RejoinScoring.score(output: out, gold: doc.paragraphs) else {
                failures += 1
                continue
            }
            total += counts
        }
        print("rejoin style \"\(name)\": F1=\(String(format: "%.3f", total.f1)) TP=\(total.tp) FP=\(total.fp) FN=\(total.fn)")
        #expect(failures == 0, "characters altered in \(failures) documents of style \(name)")
        #expect(total.f1 >= threshold, "style \(name): F1 \(total.f1) < \(threshold)")
    }

    /// Letter spacing that separates Latin letters and digits too (`支 持 U b u n t u`)
    /// leaves no space of its own in the output.
    @Test func letterSpacingOfLatinLettersLeavesNoSpaces() {
        let index = Self.styles.firstIndex { $0.0.letterSpacingSplitsLatin }!
        let rejoiner = ColumnRejoiner()
        var spurious = 0, stretchedLines = 0
        for doc in Self.documents(Self.styles[index].0, index: index) {
            stretchedLines += doc.text.split(separator: "\n").filter { $0.contains("  ") || $0.filter { $0 == " " }.count > 6 }.count
            let out = rejoiner.rejoin(doc.text)
            guard let n = RejoinScoring.spuriousSpaces(output: out, gold: doc.paragraphs) else {
                Issue.record("characters altered")
                continue
            }
            spurious += n
        }
        print("letter spacing with Latin: \(stretchedLines) stretched lines, \(spurious) spurious spaces")
        #expect(stretchedLines > 50)
        // (the spaces left are those of lines spaced by whole words, `internationalization    相`)
        #expect(spurious <= 30, "\(spurious) spurious spaces")
    }

    /// Every non-white-space character of the input is in the output, in order, except
    /// hyphens and soft hyphens that ended an input line.
    /// Whether every line of `lines` (one paragraph per line) is one or more whole
    /// consecutive paragraphs of `paragraphs` (blank-line separated), joined with nothing or
    /// one space.
    static func joinsWholeParagraphs(_ lines: String, of paragraphs: String) -> Bool {
        let ps = paragraphs.split(separator: "\n\n", omittingEmptySubsequences: true).map { Array($0.utf8) }
        var k = 0
        for line in lines.split(separator: "\n", omittingEmptySubsequences: true) {
            var rest = Array(line.utf8)[...]
            var first = true
            while !rest.isEmpty {
                if !first && rest.first == 0x20 { rest = rest.dropFirst() }
                guard k < ps.count else { return false }
                let p = ps[k]
                let body = p.last == 0x0A ? p.dropLast() : p[...]
                guard rest.starts(with: body) else { return false }
                rest = rest.dropFirst(body.count)
                k += 1
                first = false
            }
        }
        return k == ps.count
    }

    static func checkInvariant(input: String, output: String) -> Bool {
        var inChars: [(UInt32, Bool)] = []   // scalar, followed by a line break
        for s in input.unicodeScalars {
            if ScalarClass.isLineBreak(s.value) {
                if !inChars.isEmpty { inChars[inChars.count - 1].1 = true }
                continue
            }
            if ScalarClass.isWhitespace(s.value) { continue }
            inChars.append((s.value, false))
        }
        let outChars = output.unicodeScalars.map(\.value).filter { !ScalarClass.isWhitespace($0) }
        var j = 0
        for (v, atLineEnd) in inChars {
            if j < outChars.count && outChars[j] == v { j += 1; continue }
            if atLineEnd && (v == 0x2D || v == 0x2010 || v == 0xAD) { continue }
            return false
        }
        return j == outChars.count
    }

    @Test func invariantOverAllStyles() {
        let rejoiner = ColumnRejoiner()
        let lines = ColumnRejoiner(options: .init(paragraphSeparator: .newline))
        var checked = 0
        for (index, (style, _)) in Self.styles.enumerated() {
            for doc in Self.documents(style, index: index) {
                let out = rejoiner.rejoin(doc.text)
                #expect(Self.checkInvariant(input: doc.text, output: out), "style \(style.name)")
                #expect(out.utf8.last == 0x0A)
                #expect(!out.utf8.starts(with: [0x0A]))
                #expect(!out.contains("\n\n\n"))
                // one paragraph per line: the same paragraphs, except those that a re-reading
                // of that output joins (see ColumnRejoiner.Stream.reread)
                let out2 = lines.rejoin(doc.text)
                #expect(Self.checkInvariant(input: doc.text, output: out2), "style \(style.name)")
                #expect(Self.joinsWholeParagraphs(out2, of: out), "style \(style.name)")
                checked += 1
            }
        }
        #expect(checked == Self.styles.count * Self.documentsPerStyle)
    }

    @Test func idempotentOnItsOutput() {
        // Rejoined text (one paragraph per line, blank-separated) rejoins to itself.
        let rejoiner = ColumnRejoiner()
        for (index, (style, _)) in Self.styles.enumerated() where index % 3 == 0 {
            for doc in Self.documents(style, index: index).prefix(5) {
                let once = rejoiner.rejoin(doc.text)
                let twice = rejoiner.rejoin(once)
                #expect(Self.checkInvariant(input: once, output: twice))
            }
        }
    }

    @Test func streamingIsByteIdenticalForAnyChunking() {
        let rejoiner = ColumnRejoiner()
        var rng = RejoinRNG(seed: 99)
        for (index, (style, _)) in Self.styles.enumerated() {
            for doc in Self.documents(style, index: index).prefix(3) {
                let bytes = Array(doc.text.utf8)
                let whole = rejoiner.rejoin(utf8: bytes)
                for size in [1, 2, 3, 5, 7, 13, 64, 1000, 0] {
                    var stream = rejoiner.makeStream()
                    var out: [UInt8] = []
                    var i = 0
                    while i < bytes.count {
                        let n = size == 0 ? rng.int(1...200) : size
                        let j = min(bytes.count, i + n)
                        stream.feed(bytes[i..<j], into: &out)
                        i = j
                    }
                    stream.finish(into: &out)
                    #expect(out == whole, "style \(style.name), chunk size \(size)")
                }
            }
        }
    }

    @Test func arbitraryBytesNeverCrashAndStreamIdentically() {
        var rng = RejoinRNG(seed: 7)
        let rejoiner = ColumnRejoiner()
        let alphabet: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], [0x0C], [0x20], [0x2D], [0xC2, 0xAD],
                                   Array("。".utf8), Array("，".utf8), Array("中".utf8), Array("文".utf8),
                                   Array("a".utf8), Array("1".utf8), [0xE2, 0x80, 0xA8], [0xE2, 0x80],
                                   [0xFF], [0xC2], [0xE3, 0x80, 0x80], Array("一、".utf8), Array("“".utf8)]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<rng.int(0...400) { bytes += alphabet[rng.int(0...alphabet.count - 1)] }
            let whole = rejoiner.rejoin(utf8: bytes)
            var stream = rejoiner.makeStream()
            var out: [UInt8] = []
            var i = 0
            while i < bytes.count {
                let j = min(bytes.count, i + rng.int(1...9))
                stream.feed(bytes[i..<j], into: &out)
                i = j
            }
            stream.finish(into: &out)
            #expect(out == whole)
            let text = String(decoding: bytes, as: UTF8.self)
            if Array(text.utf8) == bytes {   // valid UTF-8
                #expect(Self.checkInvariant(input: text, output: String(decoding: whole, as: UTF8.self)))
            }
            #expect(whole.isEmpty || whole.last == 0x0A)
        }
    }
}
