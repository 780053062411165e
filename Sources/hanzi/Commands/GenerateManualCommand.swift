import ArgumentParser
import Foundation

/// `hanzi generate-manual` (hidden): prints the man page, built from the command definitions,
/// so that `docs/hanzi.1` never drifts from the commands (a test compares them).
struct GenerateManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Print the hanzi(1) man page (roff), generated from the command definitions.",
        shouldDisplay: false
    )

    func run() throws {
        StandardOutput.write(ManualPage.render())
    }
}

/// The man page text.
enum ManualPage {
    /// The subcommands documented, in order.
    static let commands: [any ParsableCommand.Type] = [
        CleanCommand.self, ConvertCommand.self, RejoinCommand.self, NormalizeCommand.self,
        DetectCommand.self, ConfigsCommand.self,
    ]

    static func render() -> String {
        let root = HanziCommand.configuration
        var page = """
        .TH HANZI 1 "" "\(escape(root.version))" "User Commands"
        .SH NAME
        hanzi \\- \(escape(root.abstract))
        .SH SYNOPSIS
        .B hanzi
        .I command
        [\\fIoptions\\fR] [\\fIfile\\fR ...]
        .SH DESCRIPTION

        """
        page += paragraphs(root.discussion)
        page += ".SH COMMANDS\n"
        for command in commands {
            let configuration = command.configuration
            page += ".SS \"hanzi \(configuration.commandName ?? "")\"\n"
            page += escape(configuration.abstract) + "\n"
            page += ".PP\n.nf\n"
            let help = HanziCommand.helpMessage(for: command, columns: 100)
            for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
                page += escapeLine(String(line)) + "\n"
            }
            page += ".fi\n"
        }
        page += """
        .SH EXIT STATUS
        0 when every input was processed; 1 when some input failed (each failure is reported on \
        standard error with the file name, and the other inputs are still processed); 2 for a \
        usage error.
        .SH SEE ALSO
        .BR opencc (1)

        """
        return page
    }

    /// Text with blank-line-separated paragraphs; indented lines kept as they are.
    private static func paragraphs(_ text: String) -> String {
        var out = ""
        for block in text.components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").map(String.init)
            if lines.contains(where: { $0.hasPrefix(" ") }) {
                out += ".PP\n.nf\n" + lines.map(escapeLine).joined(separator: "\n") + "\n.fi\n"
            } else {
                out += ".PP\n" + escapeLine(lines.joined(separator: " ")) + "\n"
            }
        }
        return out
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
    }

    private static func escapeLine(_ line: String) -> String {
        let escaped = escape(line)
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}
