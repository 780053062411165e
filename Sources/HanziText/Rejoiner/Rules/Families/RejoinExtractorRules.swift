/// Rules for what extractors do to lines: `pdftotext -raw` splits a visual line where a run
/// of punctuation or an opening quote begins, PyMuPDF splits a stretched line at its gaps,
/// and typesetters hyphenate English words at a line end.
enum RejoinExtractorRules {
    /// Breaks that certainly join: the next line starts with punctuation that cannot begin
    /// a line, this line ends with an opening bracket, or inside a hyphenated English word.
    static func certainJoins(_ x: inout RejoinBreak) -> RejoinDecision? {
        // Extractors split lines, they do not put blank lines inside them: in text without
        // column structure, a blank line is the text's own paragraph break (as in
        // ``RejoinUnwrappedRules``), whatever the next paragraph begins with: text already
        // rejoined keeps its breaks.
        if x.blank && !x.ctx.isColumn && !x.ctx.indentsMarkParagraphs { return nil }
        if x.b.start == .closing {
            // `pdftotext -raw` also splits a visual line where a run of punctuation begins:
            // the piece after it goes on measuring the same visual line when the two fit
            // the column together (a full line's last `。` split off is the end of a full line)
            return .init(join: true, reason: .nextStartsWithClosingPunctuation,
                         carriesWidth: x.ctx.isColumn && !x.a.letterSpaced && !x.b.letterSpaced
                            && x.a.filledWidth + x.b.filledWidth <= x.ctx.columnWidth + RejoinRules.fullSlack)
        }
        // (no typeset line ends with an opening bracket: the extractor split the visual
        // line after it, and the next piece goes on measuring it where the two fit)
        if x.a.end == .opening && RejoinClass.isOpening(x.a.last) {
            return .init(join: true, reason: .endsWithOpeningBracket,
                         carriesWidth: x.ctx.isColumn && !x.a.letterSpaced && !x.b.letterSpaced
                            && x.a.filledWidth + x.b.filledWidth <= x.ctx.columnWidth + RejoinRules.fullSlack)
        }
        if x.a.end == .opening { return .init(join: true, reason: .endsWithOpeningBracket) }
        if x.a.last == RejoinClass.softHyphen
            || (RejoinClass.isHyphen(x.a.last) && ScalarClass.isLatinLetter(x.a.beforeLast)
                && ScalarClass.isLatinLetter(x.b.first)) {
            return .init(join: true, reason: .hyphenatedWord)
        }
        return nil
    }

    /// One character per line, and the pieces of a line that PyMuPDF split at its gaps.
    static func splitLines(_ x: inout RejoinBreak) -> RejoinDecision? {
        // (where every line has a blank line after it, one character per line is no
        // evidence that the blank lines say nothing: paragraphs of one character each,
        // which the rejoiner's own output separates so, keep their breaks)
        let keeps = x.blankSeparates || (x.blank && x.ctx.blankAfterEveryLine)
        if x.a.isSingleCharacter && x.b.isSingleCharacter {
            return .init(join: !keeps, reason: keeps ? .blankLine : .oneCharacterPerLine, carriesWidth: !keeps)
        }
        // PyMuPDF splits a justified line stretched around an unbreakable word at its wide
        // gaps: one character, or one Latin word, per line (`导` `来` `安` `装` `Debian`). At
        // the end of such a run the stretched line goes on: a paragraph's last line is
        // never stretched.
        guard !x.blank, !x.b.letterSpaced, x.a.end == .open else { return nil }
        let oneHan = x.a.scalars == 1 && ScalarClass.isCJKLetter(x.a.first)
        if x.aCarriedWidth > 0 && (oneHan || isWordPiece(x.a)) {
            return .init(join: true, reason: .stretchedLinePieces, carriesWidth: isWordPiece(x.b))
        }
        // Such a run begins with one Han character before one Latin word that fit the column
        // together (`在` `LibreOffice`: the line `在 LibreOffice` stretched around the word
        // after it, which did not fit): no line of a column is one character that stops
        // mid-sentence, and a paragraph after one would begin with a line of the column, not a
        // word alone.
        if x.aCarriedWidth == 0 && x.ctx.isColumn && oneHan && isWordPiece(x.b)
            && x.a.filledWidth + RejoinLineScanner.halfWidth + x.b.filledWidth <= x.ctx.columnWidth + RejoinRules.fullSlack {
            return .init(join: true, reason: .stretchedLinePieces, carriesWidth: true)
        }
        return nil
    }

    /// An extractor (`pdftotext -raw`) split one visual line before an opening quote or
    /// bracket: the two pieces together fit the column, the first stops mid-sentence, or
    /// ends a sentence and the second, stopping mid-sentence but narrower than even an
    /// indented first line (so no line of the column by itself), fills the column with it,
    /// where the window shows that the extractor splits visual lines (a line begins with
    /// punctuation that no typeset line begins with).
    static func splitVisualLine(_ x: inout RejoinBreak) -> RejoinDecision? {
        guard x.ctx.isColumn, !x.a.pageAfter, RejoinClass.isOpening(x.b.first), !x.b.letterSpaced, x.a.start != .dash
        else { return nil }
        let ends = RejoinClass.isSentenceFinal(x.a.last) || RejoinClass.isClosingQuote(x.a.last)
        let m = x.widths()
        let together = x.a.filledWidth + x.b.filledWidth
        // (a line full only because the next piece would not have fitted at its end, where
        // it fits: the piece went on the same visual line)
        guard !m.wide, !m.full || x.a.filledWidth < m.w - RejoinRules.fullSlack,
              together <= m.w + RejoinRules.fullSlack else { return nil }
        if ends {
            guard x.b.end == .open, x.b.filledWidth < m.w - RejoinRules.firstLineIndent - RejoinRules.fullSlack,
                  together >= m.w - RejoinRules.fullSlack, x.windowShows({ $0.start == .closing }) else { return nil }
        }
        return .init(join: true, reason: .splitVisualLine, carriesWidth: true)
    }

    /// A line that is one Latin word (`Debian`, `.diff.gz`): a piece of a stretched line that
    /// an extractor split at its gaps, when it comes in a run of one-character lines.
    static func isWordPiece(_ l: RejoinLine) -> Bool {
        l.firstTokenScalars == l.scalars && l.scalars <= RejoinTitleBlockRules.maxAttributionScalars && !l.letterSpaced
            && RejoinClass.isWestern(l.first) && RejoinClass.isAlnum(l.last)
    }
}
