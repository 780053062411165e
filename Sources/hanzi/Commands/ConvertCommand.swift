import ArgumentParser
import Hanzi

/// `hanzi convert -c CONFIG`: script conversion only, byte for byte what libopencc gives.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert the script with an OpenCC configuration (like opencc -c).",
        discussion: """
        The output is byte for byte what libopencc gives for the whole input. CONFIG is an \
        OpenCC name (s2tw), its file name (s2tw.json) or the path of a configuration JSON file; \
        `hanzi configs` lists them.

        Examples:
          hanzi convert -c s2tw < in.txt > out.txt
          hanzi convert -c t2s.json -i in.txt -o out.txt
          hanzi convert --config /path/to/custom.json --in-place notes/*.txt
        """
    )

    @Option(name: [.short, .long], help: ArgumentHelp("The OpenCC configuration.", valueName: "config"))
    var config: String

    @OptionGroup var io: InputOutputOptions

    func run() throws {
        let configuration = try parseConfiguration(config)
        try checkLoads([configuration])
        let cleaner = try TextCleaner(options: .init(rejoins: false, normalizes: false, conversions: [configuration]))
        let status = Runner(options: io) { _, jobs, format in makeProcessor(cleaner, io: io, jobs: jobs, format: format) }.run()
        if status != 0 { throw ExitCode(status) }
    }
}
