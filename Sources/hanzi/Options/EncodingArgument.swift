import ArgumentParser
import Hanzi

/// The encodings `--encoding` accepts: the library's decoder's.
typealias InputEncoding = TextEncoding

/// `--encoding` is parsed by argument-parser, so that help lists the values, completions offer
/// them, and a wrong name is a usage error naming the choices. The spellings `utf8`, `utf16`,
/// `big5hkscs` and `gb-18030` are accepted as well, in any case.
extension TextEncoding: NamedArgumentValues {
    public init?(argument: String) { self.init(name: argument) }
}
