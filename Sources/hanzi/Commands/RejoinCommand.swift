import ArgumentParser
import Hanzi

/// `hanzi rejoin`: column-break rejoining only.
struct RejoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejoin",
        abstract: "Rejoin lines that a PDF or OCR extractor wrapped at the column width into paragraphs.",
        discussion: """
        Every non-white-space character of the input is kept, in order (except soft hyphens \
        and the hyphen of a dehyphenated English word at a line end). Paragraphs are \
        separated by a blank line, or with --paragraphs one-per-line by a line break.

        Examples:
          hanzi rejoin < extracted.txt > paragraphs.txt
          hanzi rejoin --paragraphs one-per-line -r pages --output-dir rejoined
        """
    )

    @Option(help: ArgumentHelp("What separates paragraphs: blank-line or one-per-line.", valueName: "layout"))
    var paragraphs: ParagraphLayout = .blankLine

    @OptionGroup var io: InputOutputOptions

    func run() throws {
        let cleaner = try TextCleaner(options: .init(
            rejoins: true, rejoinOptions: .init(paragraphSeparator: paragraphs.separator), normalizes: false))
        let status = Runner(options: io) { _, jobs, format in makeProcessor(cleaner, io: io, jobs: jobs, format: format) }.run()
        if status != 0 { throw ExitCode(status) }
    }
}
