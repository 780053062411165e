import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hanzi

/// `hanzi generate-manual` (hidden): prints the man page, built from the command definitions,
/// so that `docs/hanzi.1` never drifts from the commands (a test compares them).
struct GenerateManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Print the hanzi(1) man page (roff), generated from the command definitions.",
        shouldDisplay: false
    )

    func run() throws {
        StandardOutput.write(try ManualPage.render())
    }
}

/// The man page: a section per command with an entry (`.TP`) per option, in the layout of
/// argument-parser's `generate-manual` plugin, filled and wrapped by man at the reader's width.
///
/// Written here rather than taken from the plugin because the page is checked into the
/// repository and compared with the commands by a test: the plugin stamps the date of the day
/// it runs, and needs a `swift package` run that `make install` should not depend on. The
/// commands are read through argument-parser's help dump (the JSON of `--experimental-dump-help`).
enum ManualPage {
    static func render() throws -> String {
        let tool = try JSONDecoder().decode(ToolInfo.self, from: Data(HanziCommand._dumpHelp().utf8))
        let root = tool.command
        var page = """
        .TH HANZI 1 "" "hanzi \(HanziVersion.current)" "User Commands"
        .SH NAME
        hanzi \\- \(escape(root.abstract ?? ""))
        .SH SYNOPSIS
        .B hanzi
        .I command
        [\\fIoptions\\fR] [\\fIfile\\fR ...]
        .SH DESCRIPTION

        """
        page += paragraphs(root.discussion ?? "")
        page += ".SH COMMANDS\n"
        for command in root.subcommands ?? [] where command.shouldDisplay ?? true {
            page += ".SS \"hanzi \(command.commandName)\"\n"
            page += paragraphs(command.abstract ?? "")
            if let discussion = command.discussion, !discussion.isEmpty { page += paragraphs(discussion) }
            for argument in command.arguments ?? [] where argument.shouldDisplay ?? true {
                page += entry(argument)
            }
        }
        page += ".SH OPTIONS OF EVERY COMMAND\n"
        page += ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nShow help for the command.\n"
        page += ".TP\n\\fB\\-\\-version\\fR\nShow hanzi's version and the versions of the OpenCC it uses.\n"
        page += ".TP\n\\fB\\-\\-generate\\-completion\\-script\\fR \\fIshell\\fR\n"
        page += "Print the completion script for bash, zsh or fish.\n"
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

    /// One `.TP` entry: the option's names and value, then its help, default and values.
    private static func entry(_ argument: ToolInfo.Argument) -> String {
        if argument.names?.contains(where: { $0.name == "help" || $0.name == "version" }) == true { return "" }
        let value = argument.valueName.map { "\\fI\(escape($0))\\fR" }
        var head: String
        if argument.kind == "positional" {
            head = value ?? ""
            if argument.isRepeating == true { head += " ..." }
        } else {
            head = (argument.names ?? []).map { name in
                "\\fB" + escape(name.kind == "short" ? "-" + name.name : "--" + name.name) + "\\fR"
            }.joined(separator: ", ")
            if argument.kind == "option", let value { head += " " + value }
        }
        var body = argument.abstract ?? ""
        if let values = argument.allValues, !values.isEmpty {
            body += " Values: " + values.joined(separator: ", ") + "."
        }
        if let defaultValue = argument.defaultValue, !defaultValue.isEmpty, argument.kind == "option" {
            body += " Default: " + defaultValue + "."
        }
        return ".TP\n" + head + "\n" + escapeLine(body) + "\n"
    }

    /// Text with blank-line-separated paragraphs; a paragraph with indented lines (examples) is
    /// kept line by line.
    private static func paragraphs(_ text: String) -> String {
        var out = ""
        for block in text.components(separatedBy: "\n\n") where !block.isEmpty {
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
        text.replacing("\\", with: "\\e").replacing("-", with: "\\-")
    }

    private static func escapeLine(_ line: String) -> String {
        let escaped = escape(line)
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}

/// The part of argument-parser's help dump (`ToolInfoV0`) the man page reads.
private struct ToolInfo: Decodable {
    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var subcommands: [Command]?
        var arguments: [Argument]?
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }

        var kind: String
        var shouldDisplay: Bool?
        var isRepeating: Bool?
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
    }

    var command: Command
}
