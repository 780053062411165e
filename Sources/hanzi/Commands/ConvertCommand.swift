import ArgumentParser
import Hanzi

/// `hanzi convert -c CONFIG`: script conversion only, byte for byte what OpenCC gives.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert the script with an OpenCC configuration (like opencc -c).",
        discussion: """
        The output is byte for byte what OpenCC gives for the whole input: by default OpenCC \
        1.4.2's current data with Hanzi's native engine; --dictionaries system gives the \
        installed OpenCC's behaviour at the same speed; --engine libopencc runs the installed \
        library itself. CONFIG is an OpenCC name (s2tw), its file name (s2tw.json) or the path \
        of a configuration JSON file; `hanzi configs` lists them.

        Examples:
          hanzi convert -c s2tw < in.txt > out.txt
          hanzi convert -c t2s.json -i in.txt -o out.txt
          hanzi convert --config /path/to/custom.json --in-place notes/*.txt
          hanzi convert -c s2t --dictionaries system < in.txt  # installed data
          hanzi convert -c s2tw --phrases my-terms.txt < in.txt
        """
    )

    @Option(name: [.short, .long], help: ArgumentHelp("The OpenCC configuration.", valueName: "config"), completion: .configurationNames)
    var config: String

    @OptionGroup var engine: ConversionEngineOptions

    @OptionGroup var io: InputOutputOptions

    func run() throws {
        let configuration = try parseConfiguration(config)
        try checkLoads([configuration], options: engine.converterOptions)
        var options = TextCleaner.Options(rejoins: false, normalizes: false, conversions: [configuration])
        options.conversionOptions = engine.converterOptions
        let cleaner = try TextCleaner(options: options)
        let status = Runner(options: io) { _, jobs, format in makeProcessor(cleaner, io: io, jobs: jobs, format: format) }.run()
        if status != 0 { throw ExitCode(status) }
    }
}
