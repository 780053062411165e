import ArgumentParser
import Hanzi

/// `hanzi`: clean Chinese text from PDFs, OCR and web pages.
struct HanziCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hanzi",
        abstract: "Clean Chinese text: rejoin column-wrapped lines, normalise punctuation, convert scripts.",
        discussion: """
        Every command that processes text reads standard input (or files, or folders with -r) \
        and writes standard output (or -o FILE, --output-dir DIR, --in-place), streaming in \
        bounded memory. Input is UTF-8 (with or without BOM) unless --encoding says otherwise; \
        output is always UTF-8. Exit status: 0 success, 1 some input failed (the others are \
        still processed), 2 usage error.

        Examples:
          hanzi clean article.txt              # rejoin and normalise, to stdout
          hanzi clean --to simplified hk.txt -o out.txt
          hanzi clean -r articles --output-dir clean --include '*.txt'
          hanzi convert -c s2tw < in.txt > out.txt    # like opencc -c s2tw
          hanzi clean --jsonl --field text corpus.jsonl > clean.jsonl
          hanzi detect seeds/*.txt
          hanzi configs
        """,
        version: VersionText.text,
        subcommands: [
            CleanCommand.self, ConvertCommand.self, RejoinCommand.self, NormalizeCommand.self,
            DetectCommand.self, ConfigsCommand.self, GenerateManualCommand.self,
        ]
    )
}
