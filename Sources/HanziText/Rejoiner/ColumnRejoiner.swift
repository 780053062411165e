import HanziCore

/// Rejoins text that an extractor hard-wrapped at the column width (newspapers,
/// multi-column PDFs, OCR) into paragraphs.
///
/// Lines go in; paragraphs come out, separated by one blank line (or one line break, see
/// ``Options/paragraphSeparator``), and the text ends with one `"\n"`.
///
/// Every line break is decided from evidence measured in a window of lines around it (see
/// ``lookBehindLines`` and ``lookAheadLines``), never from the whole document, so that one
/// file may hold articles of different column widths and blank-line styles, and so that
/// ``Stream`` can work in constant memory:
///
/// - the **local column width**: the widest group of at least three nearby lines of about
///   the same width, most of them ending mid-sentence (widths in display terms: East Asian
///   Wide and Fullwidth characters count a full em, others half, and punctuation that
///   typesetters compress three quarters); a line within 1.5 em of it, or one that the
///   next line's first word or character would not have fitted, is full; where the
///   window shows it, a paragraph's first line is 2 em narrower; a column of another
///   width starting ahead is recognised;
/// - **indentation**: a line indented beyond the local margin starts a paragraph, and
///   where indents mark paragraphs blank lines are column breaks;
/// - the **blank-line style**: blank lines after (nearly) every line carry no information
///   (a missing one then binds two lines together, an extra one separates), otherwise a
///   blank line separates paragraphs unless it follows a full line that ends
///   mid-sentence (a column or page break);
/// - how a line **ends** (sentence-final `。！？…`, `：；`, closing quotes, dashes, opening
///   brackets, mid-word) and how the next one **begins** (indent, list item `一、（一）1.①`,
///   bullet, dateline `新华社北京7月6日电`, punctuation that cannot begin a line);
/// - for a full line that ends a sentence, the **next line**: the width of an indented first
///   line ends the paragraph, a full line continues it;
/// - **headings**: a short line continued by a line no wider is a wrapped heading; a line
///   wider than the column is another block; at a page break a line that does not fit
///   the column is a running head or folio; text without column structure (one line per
///   paragraph) breaks after sentence ends and headings and joins fragments that stop
///   mid-sentence.
///
/// At a join, nothing goes between CJK characters or punctuation, one space between Latin
/// words, and between CJK and a Latin letter or digit whatever the text does elsewhere in
/// the window (`Rust 是` or `2000多个`). Letter-spaced lines (`以 改 革 促 进`) and one
/// character per line are joined without spaces; other spaces inside a line are kept.
/// An English word hyphenated at a line end is dehyphenated when the joined word is an
/// English word (SCOWL's list, `Tables/english-words.txt`) or occurs unhyphenated in the
/// document (`com-` `pound`, `Uni-` `code` where `Unicode` occurs), or when its second part
/// is a suffix fragment (`statical-` `ly`); the hyphen is kept when the hyphenated form is
/// the word (`Chia-` `liang`, `get-` `dependencies`, `--` `undo`, `e-` `mail`, `UTF-` `8`,
/// or a form the document writes with its hyphen); a soft hyphen (U+00AD) at an English
/// line end is dropped.
///
/// Text that is already paragraphs passes through: where the lines show no column, a
/// blank line keeps its break, and so does a line next to one wider than any column (60 em).
/// With fewer than four lines in the window, a line that stops mid-sentence joins the next.
/// Extractor artefacts: a visual line that `pdftotext -raw` split before an opening quote
/// or a run of punctuation is joined and measured whole; a quotation's attribution
/// (`——《论语》`) and a title block's date line (`2021年10月14日`) are paragraphs of their own.
///
/// Invariant: every non-white-space character of the input is in the output, in the same
/// order and unchanged, except a soft hyphen dropped at an English line end and the
/// hyphen of a dehyphenated English word.
///
/// Line breaks recognised: LF, CRLF, CR, VT, FF (also a page break), NEL, U+2028 and
/// U+2029 (also a paragraph break).
public struct ColumnRejoiner: Sendable {
    /// How the output is laid out.
    public struct Options: Sendable, Hashable {
        /// What separates two paragraphs in the output.
        public enum ParagraphSeparator: Sendable, Hashable {
            /// One blank line (`"\n\n"`), the default.
            case blankLine
            /// One line break: one paragraph per line.
            case newline
        }

        /// What separates two paragraphs in the output. Default: ``ParagraphSeparator/blankLine``.
        public var paragraphSeparator: ParagraphSeparator

        /// Creates options.
        public init(paragraphSeparator: ParagraphSeparator = .blankLine) {
            self.paragraphSeparator = paragraphSeparator
        }
    }

    /// The number of text lines after a line break that its decision may look at. A
    /// ``Stream`` holds at most this many text lines (plus the one being read) that it
    /// has not written yet; blank lines between them cost nothing.
    public static let lookAheadLines = 12
    /// The number of text lines before a line break that its decision may look at (only
    /// their measurements are kept, not their text).
    public static let lookBehindLines = 12

    /// The number of text lines before a break (with the two after it) used first to find
    /// the local column width (the whole window is used when these do not show a column).
    static let nearLines = 5

    /// The longest line, in bytes, that is measured and held as one piece. A longer line
    /// is cut into pieces of at most this size (between two non-space characters where
    /// possible) that are joined again with nothing between them, so that a stream never
    /// holds more than about ``lookAheadLines`` + 2 pieces, whatever the input.
    public static let maxLineBytes = 1 << 16

    /// The options in use.
    public var options: Options

    /// Creates a rejoiner.
    public init(options: Options = .init()) {
        self.options = options
    }

    /// Rejoins `text` into paragraphs.
    public func rejoin(_ text: String) -> String {
        var copy = text
        var output: [UInt8] = []
        output.reserveCapacity(copy.utf8.count + 16)
        var stream = Stream(options: options)
        copy.withUTF8 { Self.feedInSlices($0, to: &stream, into: &output) }
        stream.finish(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Feeds a large buffer in slices, so the stream's working buffer stays small.
    static func feedInSlices(_ bytes: UnsafeBufferPointer<UInt8>, to stream: inout Stream,
                             into output: inout [UInt8]) {
        let slice = OneShotSlicing.sliceSize
        var i = 0
        while i < bytes.count {
            let j = min(bytes.count, i + slice)
            stream.feed(UnsafeBufferPointer(rebasing: bytes[i..<j]), into: &output)
            i = j
        }
    }

    /// Rejoins UTF-8 bytes into paragraphs, as UTF-8 bytes.
    ///
    /// The input should be valid UTF-8; invalid bytes are passed through unchanged (each
    /// counts as one character of width 1) and never stop the rejoiner.
    public func rejoin(utf8 bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var stream = Stream(options: options)
        let done: Void? = bytes.withContiguousStorageIfAvailable {
            Self.feedInSlices($0, to: &stream, into: &output)
        }
        if done == nil {
            Array(bytes).withUnsafeBufferPointer { Self.feedInSlices($0, to: &stream, into: &output) }
        }
        stream.finish(into: &output)
        return output
    }

    /// A stream that rejoins text fed in chunks of any size.
    public func makeStream() -> Stream { Stream(options: options) }

    /// One decision at an input line break, for diagnostics.
    public struct Explanation: Sendable, Hashable {
        /// The 1-based input line number of the line before the break.
        public var line: Int
        /// Whether the break was joined (false: it ends a paragraph).
        public var joined: Bool
        /// Why.
        public var reason: RejoinReason
        /// The local column width estimated at this break, in quarter ems (a CJK
        /// character is 4, a Latin letter or digit 2, compressible punctuation 3), or 0
        /// when the lines around it do not form a column.
        public var columnWidth: Int
        /// The width of the line before the break, in quarter ems.
        public var lineWidth: Int
    }

    /// The decision at each line break between two text lines of `text`, in order: what
    /// ``rejoin(_:)`` does and why.
    public func explain(_ text: String) -> [Explanation] {
        var copy = text
        var output: [UInt8] = []
        var stream = Stream(options: options)
        stream.explanations = []
        copy.withUTF8 { stream.feed($0, into: &output) }
        stream.finish(into: &output)
        return stream.explanations ?? []
    }
}
