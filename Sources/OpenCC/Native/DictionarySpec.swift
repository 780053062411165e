/// One dictionary of an OpenCC configuration, as its JSON names it: a file, or a group of
/// dictionaries with a match policy.
enum DictionarySpec: Hashable, Sendable {
    /// How a group picks among its members' matches.
    enum MatchPolicy: Hashable, Sendable {
        /// The first member that matches any prefix wins, with its longest match.
        case shortCircuit
        /// The longest match of any member wins; on equal lengths the earlier member.
        case union
    }

    /// A text dictionary (`key<TAB>value value…` lines) or an `.ocd2` dictionary, by the path
    /// the configuration gives (resolved by the data source).
    case file(type: FileType, name: String)
    /// A group of dictionaries.
    indirect case group(MatchPolicy, [DictionarySpec])

    /// The dictionary file formats the native engine reads.
    enum FileType: String, Hashable, Sendable {
        case text
        case ocd2
    }

    /// The files of this dictionary, depth first, in the configuration's order.
    var files: [DictionarySpec] {
        switch self {
        case .file: [self]
        case .group(_, let members): members.flatMap(\.files)
        }
    }
}
