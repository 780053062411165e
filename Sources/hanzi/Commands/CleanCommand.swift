import ArgumentParser
import Hanzi

/// `hanzi clean`: the whole pipeline.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Rejoin, normalise and (optionally) convert: the whole cleaning in one pass.",
        discussion: """
        Steps, in order: rejoin column-wrapped lines into paragraphs (--no-rejoin skips it), \
        normalise punctuation and spacing (--no-normalize skips it), convert the script \
        (only with --to or --config).

        --to picks the OpenCC configuration from the source script (--from, detected per \
        input with --from auto, the default) and the target: to simplified from traditional, \
        taiwan or hongkong is t2s, tw2s or hk2s; from simplified to traditional, taiwan or \
        hongkong is s2t, s2tw (characters only; --config s2twp also changes vocabulary) or \
        s2hk; between regional standards it goes through Traditional (hk2t then t2tw). \
        --from japanese converts shinjitai through jp2t.

        The style follows --to unless --style is given: simplified → mainland, traditional \
        and taiwan → taiwan (corner brackets), hongkong → hongkong; without --to, each \
        input's own script. With --jsonl, the script is detected and the style chosen for \
        each record: a Traditional record in a Simplified corpus is converted too.

        Examples:
          hanzi clean < extracted.txt > clean.txt
          hanzi clean --to simplified seeds/003_8dd8231aff3203e7.txt
          hanzi clean --to taiwan --spacing insert -r articles --output-dir clean
          hanzi clean --config s2twp --style taiwan in.txt -o out.txt
          hanzi clean --jsonl --field title --field text in.jsonl > out.jsonl
        """
    )

    @Option(help: ArgumentHelp("Convert to this script: simplified, traditional, taiwan or hongkong.", valueName: "script"))
    var to: TargetScript?

    @Option(help: ArgumentHelp("The script of the input: auto (detected per input), simplified, traditional, taiwan, hongkong or japanese.", valueName: "script"))
    var from: SourceScript = .auto

    @Option(name: [.short, .long], help: ArgumentHelp("Convert with this OpenCC configuration instead of --to (name, name.json or a file path).", valueName: "config"), completion: .configurationNames)
    var config: String?

    @Option(help: ArgumentHelp(
        "The punctuation style: auto (the default: follows --to, else each input's or JSON Lines record's own script: mainland for Simplified, corner brackets for Traditional, Taiwan and Hong Kong), or a style.",
        valueName: "style"))
    var style: StyleChoice = .auto

    @Option(help: ArgumentHelp("Spaces between Chinese and Latin letters or digits: remove, insert or keep.", valueName: "spacing"))
    var spacing: SpacingOption = .remove

    @Flag(name: .customLong("no-rejoin"), help: "Do not rejoin lines into paragraphs.")
    var noRejoin = false

    @Flag(name: .customLong("no-normalize"), help: "Do not normalise punctuation and spacing.")
    var noNormalize = false

    @Option(help: ArgumentHelp("What separates paragraphs in the output: blank-line or one-per-line.", valueName: "layout"))
    var paragraphs: ParagraphLayout = .blankLine

    @OptionGroup var engine: ConversionEngineOptions

    @OptionGroup var io: InputOutputOptions

    mutating func validate() throws {
        if to != nil, config != nil { throw ValidationError("use --to or --config, not both.") }
        if from != .auto, to == nil { throw ValidationError("--from goes with --to.") }
    }

    func run() throws {
        var base = TextCleaner.Options(
            rejoins: !noRejoin, rejoinOptions: .init(paragraphSeparator: paragraphs.separator),
            normalizes: !noNormalize, normalizationOptions: .init(spacing: spacing.spacing))
        base.conversionOptions = engine.converterOptions
        // The cleaner for a text that begins with a sample: fixed by --config, else chosen for
        // the text's script (each input's, and with --jsonl each record's).
        let cleanerForSample: @Sendable ([UInt8]) throws -> TextCleaner
        if let config {
            let configuration = try parseConfiguration(config)
            try checkLoads([configuration], options: engine.converterOptions)
            var options = base
            options.conversions = [configuration]
            options.style = style.style ?? .mainland
            let cleaner = try TextCleaner(options: options)
            cleanerForSample = { _ in cleaner }
        } else {
            if let to, let source = from.standard {
                try checkLoads(to.standard.conversions(from: source), options: engine.converterOptions)
            }
            let adaptive = try ScriptAdaptiveCleaner(
                options: base, target: to?.standard, source: from.standard, style: style.style)
            cleanerForSample = { try adaptive.cleaner(forSample: $0) }
        }
        let io = self.io
        let status = Runner(options: io) { sample, jobs, format in
            makeProcessor(try cleanerForSample(sample), io: io, jobs: jobs, format: format,
                          cleanerForRecord: io.jsonl ? cleanerForSample : nil)
        }.run()
        if status != 0 { throw ExitCode(status) }
    }
}
