import ArgumentParser
import Hanzi

/// `hanzi configs`: the bundled and the installed OpenCC configurations, each with a
/// description and a live example.
struct ConfigsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "configs",
        abstract: "List the OpenCC configurations, bundled and installed, each with a description and an example.",
        discussion: """
        The bundled configurations (OpenCC's current data, compiled into hanzi) are the \
        default; the installed ones are the system libopencc's, used with --dictionaries system \
        or --engine libopencc. Each example is converted as the list is printed. Any of the \
        names works with `hanzi convert -c NAME` and `hanzi clean --config NAME`.

        Examples:
          hanzi configs
        """
    )

    func run() throws {
        let bundled = ChineseConverter.Configuration.builtIn
        let installed = SystemOpenCCData.installedConfigurations
        let installedKnown = installed.compactMap { ChineseConverter.Configuration(openCCName: $0) }
        let all = bundled + installedKnown
        let width = all.map(\.openCCName.count).max() ?? 0
        let summaryWidth = all.map(\.summary.count).max() ?? 0
        func line(_ configuration: ChineseConverter.Configuration, _ options: ChineseConverter.Options) -> String {
            let name = configuration.openCCName.padding(to: width)
            let summary = configuration.summary.padding(to: summaryWidth)
            let example: String
            do {
                let converted = try ChineseConverter.shared(configuration, options: options).convert(configuration.exampleInput)
                example = "\(configuration.exampleInput) → \(converted)"
            } catch {
                example = "(cannot load: \(error.message))"
            }
            return "\(name)  \(summary)  \(example)\n"
        }
        var text = "Bundled: OpenCC \(BundledOpenCCData.version) data (the default)\n"
        for configuration in bundled { text += line(configuration, .default) }
        text += "\nInstalled: libopencc \(SystemLibOpenCC.version ?? "?")"
        text += SystemOpenCCData.dataFolder.map { " in \($0.path)" } ?? " (none found)"
        text += " (--dictionaries system, --engine libopencc)\n"
        for name in installed {
            if let configuration = ChineseConverter.Configuration(openCCName: name) {
                text += line(configuration, .init(dictionaries: .system))
            } else {
                text += "\(name.padding(to: width))  (use --config \(name).json)\n"
            }
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
