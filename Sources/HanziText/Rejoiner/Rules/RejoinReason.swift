/// Why the rejoiner kept a line break as a paragraph break or joined it (see
/// ``ColumnRejoiner/explain(_:)``). The raw value says it in words.
public enum RejoinReason: String, Sendable, CaseIterable {
    /// Next line starts with closing punctuation.
    case nextStartsWithClosingPunctuation = "next line starts with closing punctuation"
    /// Line ends with an opening quote or bracket.
    case endsWithOpeningBracket = "line ends with an opening quote or bracket"
    /// English word hyphenated at the line end.
    case hyphenatedWord = "English word hyphenated at the line end"
    /// One character per line.
    case oneCharacterPerLine = "one character per line"
    /// Pieces of one stretched line that the extractor split at its gaps.
    case stretchedLinePieces = "pieces of one justified line that the extractor split at its wide gaps"
    /// More blank lines than usual.
    case extraBlankLines = "more blank lines than usual"
    /// Next line is indented.
    case nextIndented = "next line is indented"
    /// Next line starts a list item.
    case nextStartsList = "next line starts a list item"
    /// Next line starts with a dateline.
    case nextStartsDateline = "next line starts with a dateline"
    /// Next line starts with a bullet.
    case nextStartsBullet = "next line starts with a bullet"
    /// No blank line where every other line has one.
    case sameBlock = "no blank line where every other line has one"
    /// Running head, folio or footer at a page break.
    case pageFurniture = "running head, folio or footer at a page break"
    /// A page number or running head line in the text stream: a paragraph of its own.
    case furnitureLine = "page number or running head line (a paragraph of its own)"
    /// Unwrapped text: line ends a sentence.
    case unwrappedSentenceEnd = "unwrapped text: line ends a sentence"
    /// Unwrapped text: line ends mid-sentence.
    case unwrappedMidSentence = "unwrapped text: line ends mid-sentence"
    /// Text already one paragraph per line: a line wider than any column.
    case alreadyParagraphs = "text already in paragraphs: a line wider than any column"
    /// One visual line that the extractor split before an opening quote or bracket.
    case splitVisualLine = "one visual line split by the extractor before an opening quote or bracket"
    /// Next line is a quotation's attribution (`——《论语》`).
    case nextIsAttribution = "line ends a sentence and the next line is an attribution starting with a dash"
    /// A short attribution line (`——第十四世達賴喇嘛`).
    case attribution = "short attribution line starting with a dash"
    /// An attribution that leaves its title's bracket open goes on in the next line.
    case attributionWrapped = "attribution that leaves a bracket open (it goes on in the next line)"
    /// A date on a line of its own (title block).
    case dateLine = "a date on a line of its own (title block)"
    /// A byline right before a title block's date line.
    case byline = "a byline before the date line of a title block"
    /// Unwrapped text: heading.
    case unwrappedHeading = "unwrapped text: heading"
    /// Blank line after a full line that ends mid-sentence (column break).
    case blankAfterFullOpenLine = "blank line after a full line that ends mid-sentence (column break)"
    /// Blank line between a full line that ends a sentence and a full line (column break).
    case blankAfterFullLineBeforeFullLine = "blank line between a full line that ends a sentence and a full line (column break)"
    /// Blank line separates paragraphs.
    case blankLine = "blank line separates paragraphs"
    /// Short last line.
    case shortLine = "short last line"
    /// Line wider than the column (heading or other block).
    case wideLine = "line wider than the column (heading or other block)"
    /// Next line is wider than the column (heading or other block).
    case nextIsWide = "next line is wider than the column (heading or other block)"
    /// Full line ends mid-sentence.
    case fullOpenLine = "full line ends mid-sentence"
    /// A heading as wide as an indented first line, before the paragraph's real first line:
    /// the next line is as narrow and a full line follows it.
    case headingBeforeIndentedLine = "line without punctuation before a line as wide as an indented first line, followed by a full line (heading)"
    /// Short line continued by a line no wider (wrapped heading).
    case headingWrapped = "short line continued by a line no wider (wrapped heading)"
    /// Short line ending mid-sentence followed by a wider line.
    case shortOpenLine = "short line ending mid-sentence followed by a wider line"
    /// Short line ending with a dash (lead-in).
    case leadIn = "short line ending with a dash (lead-in)"
    /// Full line ends a sentence and the next line has the width of an indented first line.
    case nextIsFirstLine = "full line ends a sentence and the next line has the width of an indented first line"
    /// Full line ends a sentence and the next line continues the column.
    case nextContinues = "full line ends a sentence and the next line continues the column"
    /// Full line ends a sentence where the window's sentence ends mostly end paragraphs.
    case sentenceEndsEndParagraphs = "full line ends a sentence where most of the window's sentence ends end a paragraph and no indent marks one"
    /// Full line ends a sentence and the next line is short and stops mid-sentence (a heading).
    case nextIsHeading = "full line ends a sentence and the next line is short and stops mid-sentence (a heading)"
    /// Full line ends a sentence and the next line is a short question (a heading).
    case nextIsQuestionHeading = "full line ends a sentence and the next line is a short question (a heading)"
    /// End of text.
    case endOfText = "end of text"
}
