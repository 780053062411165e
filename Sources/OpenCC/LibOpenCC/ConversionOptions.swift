#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ChineseConverter {
    /// Which engine converts.
    public enum Engine: String, Hashable, Sendable, CaseIterable {
        /// OpenCC's algorithm in Swift over compiled tables (the default): byte for byte what
        /// OpenCC gives with the same data, many times faster.
        case native
        /// The installed libopencc itself, with the installed data.
        case libopencc
    }

    /// Which dictionaries and configurations the native engine uses.
    public enum Dictionaries: String, Hashable, Sendable, CaseIterable {
        /// OpenCC 1.4.2's current data, compiled into Hanzi (the default).
        case bundled
        /// The installed libopencc's configurations and `.ocd2` dictionaries, read through
        /// libopencc: the installed OpenCC's behaviour, at the native engine's speed.
        case system
    }

    /// How a configuration is run: engine, data and the user's own phrases.
    ///
    /// ```swift
    /// let current = try ChineseConverter.shared(.s2t)                                   // native, bundled
    /// let installed = try ChineseConverter.shared(.s2t, options: .init(dictionaries: .system))
    /// let library = try ChineseConverter.shared(.s2t, options: .init(engine: .libopencc))
    /// ```
    public struct Options: Hashable, Sendable {
        /// The engine; ``Engine/native`` by default.
        public var engine: Engine
        /// The native engine's data; ``Dictionaries/bundled`` by default. The libopencc engine
        /// always uses the installed data.
        public var dictionaries: Dictionaries
        /// Files of the user's phrases, `key<TAB>value` a line as in OpenCC's text
        /// dictionaries. A phrase wins over every dictionary wherever it starts a segment, and
        /// its value is written as it is. On the same key a later file wins. Native engine only.
        public var phrases: [URL]

        /// Options with the given engine, data and phrase files.
        public init(engine: Engine = .native, dictionaries: Dictionaries = .bundled, phrases: [URL] = []) {
            self.engine = engine
            self.dictionaries = dictionaries
            self.phrases = phrases
        }

        /// The native engine on the bundled OpenCC 1.4.2 data.
        public static let `default` = Options()
    }
}
