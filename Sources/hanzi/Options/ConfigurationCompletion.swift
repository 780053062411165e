import ArgumentParser
import Hanzi

extension CompletionKind {
    /// `-c`/`--config`: the built-in OpenCC configuration names, for the shell to offer.
    static var configurationNames: CompletionKind {
        .list(ChineseConverter.Configuration.builtIn.map(\.openCCName))
    }
}
