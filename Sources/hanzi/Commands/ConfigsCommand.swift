import ArgumentParser
import Hanzi

/// `hanzi configs`: the OpenCC configurations, each with a description and a live example.
struct ConfigsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "configs",
        abstract: "List the OpenCC configurations, each with a one-line description and an example.",
        discussion: """
        The example is converted by the installed libopencc as the list is printed. Any of the \
        names works with `hanzi convert -c NAME` and `hanzi clean --config NAME`.

        Examples:
          hanzi configs
        """
    )

    func run() throws {
        let configurations = ChineseConverter.Configuration.builtIn
        let width = configurations.map(\.openCCName.count).max() ?? 0
        let summaryWidth = configurations.map(\.summary.count).max() ?? 0
        var text = ""
        for configuration in configurations {
            let name = configuration.openCCName.padding(to: width)
            let summary = configuration.summary.padding(to: summaryWidth)
            let example: String
            do {
                let converted = try ChineseConverter.shared(configuration).convert(configuration.exampleInput)
                example = "\(configuration.exampleInput) → \(converted)"
            } catch {
                example = "(cannot load: \(error.message))"
            }
            text += "\(name)  \(summary)  \(example)\n"
        }
        StandardOutput.write(text)
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
