import ArgumentParser
import Hanzi

/// `hanzi normalize`: punctuation and spacing only.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalise punctuation and spacing to one regional style.",
        discussion: """
        Quotation marks, ASCII punctuation in Chinese text, full-width letters and digits, \
        ellipses, dashes and interpuncts follow the style (mainland: curved quotation marks \
        and the middle dot; taiwan and hongkong: corner brackets and the hyphenation point); spaces between Chinese and Latin letters or digits are removed, \
        inserted or kept. No Han character is changed. Paragraphs are separated by blank lines.

        Examples:
          hanzi normalize < in.txt > out.txt
          hanzi normalize --style taiwan --spacing insert notes.txt
          hanzi normalize --style hongkong --in-place --backup .orig *.txt
        """
    )

    @Option(help: ArgumentHelp("The punctuation style.", valueName: "style"))
    var style: StyleOption = .mainland

    @Option(help: ArgumentHelp("Spaces between Chinese and Latin letters or digits: remove, insert or keep.", valueName: "spacing"))
    var spacing: SpacingOption = .remove

    @OptionGroup var io: InputOutputOptions

    func run() throws {
        let cleaner = try TextCleaner(options: .init(
            rejoins: false, normalizes: true, style: style,
            normalizationOptions: .init(spacing: spacing.spacing)))
        let status = Runner(options: io) { _, jobs, format in makeProcessor(cleaner, io: io, jobs: jobs, format: format) }.run()
        if status != 0 { throw ExitCode(status) }
    }
}
