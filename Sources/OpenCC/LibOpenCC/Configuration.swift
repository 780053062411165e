#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ChineseConverter {
    /// A conversion configuration: one of OpenCC's configurations, or a user's own
    /// configuration JSON file.
    ///
    /// Each built-in configuration has a name that says what it does and its OpenCC name:
    /// ```swift
    /// let a = ChineseConverter.Configuration.simplifiedToTaiwan
    /// let b = ChineseConverter.Configuration.s2tw
    /// let c = ChineseConverter.Configuration(openCCName: "s2tw")
    /// // a == b == c
    /// ```
    public enum Configuration: Hashable, Sendable, CustomStringConvertible {
        /// Simplified Chinese to Traditional Chinese (OpenCC standard), `s2t`: 汉字 → 漢字.
        case simplifiedToTraditional
        /// Traditional Chinese (OpenCC standard) to Simplified Chinese, `t2s`: 漢字 → 汉字.
        case traditionalToSimplified
        /// Simplified Chinese to Taiwan standard characters, `s2tw`: 台湾 → 臺灣.
        case simplifiedToTaiwan
        /// Taiwan standard characters to Simplified Chinese, `tw2s`: 臺灣 → 台湾.
        case taiwanToSimplified
        /// Simplified Chinese to Taiwan standard with Taiwanese phrases, `s2twp`: 鼠标 → 滑鼠.
        case simplifiedToTaiwanWithPhrases
        /// Taiwan standard with Taiwanese phrases to Simplified Chinese, `tw2sp`: 滑鼠 → 鼠标.
        case taiwanToSimplifiedWithPhrases
        /// Simplified Chinese to Hong Kong standard characters, `s2hk`: 众人 → 眾人.
        case simplifiedToHongKong
        /// Hong Kong standard characters to Simplified Chinese, `hk2s`: 漢字 → 汉字.
        case hongKongToSimplified
        /// Simplified Chinese to Hong Kong standard with Hong Kong phrases, `s2hkp`:
        /// 伊利诺伊州 → 伊利諾州. In OpenCC 1.4 and later (the bundled data), not in libopencc 1.1.
        case simplifiedToHongKongWithPhrases
        /// Hong Kong standard with Hong Kong phrases to Simplified Chinese, `hk2sp`:
        /// 伊利諾州 → 伊利诺伊州. In OpenCC 1.4 and later (the bundled data), not in libopencc 1.1.
        case hongKongToSimplifiedWithPhrases
        /// Traditional Chinese (OpenCC standard) to Taiwan standard characters, `t2tw`: 裏面 → 裡面.
        case traditionalToTaiwan
        /// Taiwan standard characters to Traditional Chinese (OpenCC standard), `tw2t`: 裡面 → 裏面.
        case taiwanToTraditional
        /// Traditional Chinese (OpenCC standard) to Hong Kong standard characters, `t2hk`: 僞 → 偽.
        case traditionalToHongKong
        /// Hong Kong standard characters to Traditional Chinese (OpenCC standard), `hk2t`: 偽 → 僞.
        case hongKongToTraditional
        /// Traditional Chinese characters (kyūjitai) to Japanese shinjitai, `t2jp`: 藝術 → 芸術.
        case traditionalToJapanese
        /// Japanese shinjitai to Traditional Chinese characters (kyūjitai), `jp2t`: 芸術 → 藝術.
        case japaneseToTraditional
        /// A configuration JSON file of the user's own, in OpenCC's format.
        case file(URL)

        /// Every configuration of OpenCC 1.4.2 (the bundled data), in a stable order.
        public static let builtIn: [Configuration] = [
            .simplifiedToTraditional, .traditionalToSimplified,
            .simplifiedToTaiwan, .taiwanToSimplified,
            .simplifiedToTaiwanWithPhrases, .taiwanToSimplifiedWithPhrases,
            .simplifiedToHongKong, .hongKongToSimplified,
            .simplifiedToHongKongWithPhrases, .hongKongToSimplifiedWithPhrases,
            .traditionalToTaiwan, .taiwanToTraditional,
            .traditionalToHongKong, .hongKongToTraditional,
            .traditionalToJapanese, .japaneseToTraditional,
        ]

        /// `s2t`, the OpenCC name of ``simplifiedToTraditional``.
        public static let s2t = Configuration.simplifiedToTraditional
        /// `t2s`, the OpenCC name of ``traditionalToSimplified``.
        public static let t2s = Configuration.traditionalToSimplified
        /// `s2tw`, the OpenCC name of ``simplifiedToTaiwan``.
        public static let s2tw = Configuration.simplifiedToTaiwan
        /// `tw2s`, the OpenCC name of ``taiwanToSimplified``.
        public static let tw2s = Configuration.taiwanToSimplified
        /// `s2twp`, the OpenCC name of ``simplifiedToTaiwanWithPhrases``.
        public static let s2twp = Configuration.simplifiedToTaiwanWithPhrases
        /// `tw2sp`, the OpenCC name of ``taiwanToSimplifiedWithPhrases``.
        public static let tw2sp = Configuration.taiwanToSimplifiedWithPhrases
        /// `s2hk`, the OpenCC name of ``simplifiedToHongKong``.
        public static let s2hk = Configuration.simplifiedToHongKong
        /// `hk2s`, the OpenCC name of ``hongKongToSimplified``.
        public static let hk2s = Configuration.hongKongToSimplified
        /// `s2hkp`, the OpenCC name of ``simplifiedToHongKongWithPhrases``.
        public static let s2hkp = Configuration.simplifiedToHongKongWithPhrases
        /// `hk2sp`, the OpenCC name of ``hongKongToSimplifiedWithPhrases``.
        public static let hk2sp = Configuration.hongKongToSimplifiedWithPhrases
        /// `t2tw`, the OpenCC name of ``traditionalToTaiwan``.
        public static let t2tw = Configuration.traditionalToTaiwan
        /// `tw2t`, the OpenCC name of ``taiwanToTraditional``.
        public static let tw2t = Configuration.taiwanToTraditional
        /// `t2hk`, the OpenCC name of ``traditionalToHongKong``.
        public static let t2hk = Configuration.traditionalToHongKong
        /// `hk2t`, the OpenCC name of ``hongKongToTraditional``.
        public static let hk2t = Configuration.hongKongToTraditional
        /// `t2jp`, the OpenCC name of ``traditionalToJapanese``.
        public static let t2jp = Configuration.traditionalToJapanese
        /// `jp2t`, the OpenCC name of ``japaneseToTraditional``.
        public static let jp2t = Configuration.japaneseToTraditional

        /// The built-in configuration with OpenCC name `name` (`"s2tw"`, also `"s2tw.json"`),
        /// or `nil` when OpenCC has no such configuration.
        public init?(openCCName name: String) {
            let bare = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
            guard let found = Configuration.builtIn.first(where: { $0.openCCName == bare }) else {
                return nil
            }
            self = found
        }

        /// The OpenCC name (`"s2tw"`); for a ``file(_:)`` configuration, its path.
        public var openCCName: String {
            switch self {
            case .simplifiedToTraditional: "s2t"
            case .traditionalToSimplified: "t2s"
            case .simplifiedToTaiwan: "s2tw"
            case .taiwanToSimplified: "tw2s"
            case .simplifiedToTaiwanWithPhrases: "s2twp"
            case .taiwanToSimplifiedWithPhrases: "tw2sp"
            case .simplifiedToHongKong: "s2hk"
            case .hongKongToSimplified: "hk2s"
            case .simplifiedToHongKongWithPhrases: "s2hkp"
            case .hongKongToSimplifiedWithPhrases: "hk2sp"
            case .traditionalToTaiwan: "t2tw"
            case .taiwanToTraditional: "tw2t"
            case .traditionalToHongKong: "t2hk"
            case .hongKongToTraditional: "hk2t"
            case .traditionalToJapanese: "t2jp"
            case .japaneseToTraditional: "jp2t"
            case .file(let url): url.path
            }
        }

        /// What libopencc's `opencc_open` is given: `"s2tw.json"`, or the file's path.
        public var configFileName: String {
            if case .file(let url) = self { return url.path }
            return openCCName + ".json"
        }

        /// A one-line description of what the configuration does.
        public var summary: String {
            switch self {
            case .simplifiedToTraditional: "Simplified Chinese to Traditional Chinese (OpenCC standard)"
            case .traditionalToSimplified: "Traditional Chinese (OpenCC standard) to Simplified Chinese"
            case .simplifiedToTaiwan: "Simplified Chinese to Traditional Chinese (Taiwan standard)"
            case .taiwanToSimplified: "Traditional Chinese (Taiwan standard) to Simplified Chinese"
            case .simplifiedToTaiwanWithPhrases: "Simplified Chinese to Taiwan standard, with Taiwanese phrases"
            case .taiwanToSimplifiedWithPhrases: "Taiwan standard, with Taiwanese phrases, to Simplified Chinese"
            case .simplifiedToHongKong: "Simplified Chinese to Traditional Chinese (Hong Kong standard)"
            case .hongKongToSimplified: "Traditional Chinese (Hong Kong standard) to Simplified Chinese"
            case .simplifiedToHongKongWithPhrases: "Simplified Chinese to Hong Kong standard, with Hong Kong phrases"
            case .hongKongToSimplifiedWithPhrases: "Hong Kong standard, with Hong Kong phrases, to Simplified Chinese"
            case .traditionalToTaiwan: "Traditional Chinese (OpenCC standard) to Taiwan standard"
            case .taiwanToTraditional: "Taiwan standard to Traditional Chinese (OpenCC standard)"
            case .traditionalToHongKong: "Traditional Chinese (OpenCC standard) to Hong Kong standard"
            case .hongKongToTraditional: "Hong Kong standard to Traditional Chinese (OpenCC standard)"
            case .traditionalToJapanese: "Traditional Chinese characters (kyūjitai) to Japanese shinjitai"
            case .japaneseToTraditional: "Japanese shinjitai to Traditional Chinese characters (kyūjitai)"
            case .file(let url): "Configuration file \(url.path)"
            }
        }

        /// An example input word that the configuration changes.
        public var exampleInput: String {
            switch self {
            case .simplifiedToTraditional: "汉字"
            case .simplifiedToHongKong: "众人"
            case .simplifiedToHongKongWithPhrases: "伊利诺伊州"
            case .hongKongToSimplifiedWithPhrases: "伊利諾州"
            case .traditionalToSimplified, .hongKongToSimplified: "漢字"
            case .simplifiedToTaiwan: "台湾"
            case .taiwanToSimplified: "臺灣"
            case .traditionalToTaiwan: "裏面"
            case .simplifiedToTaiwanWithPhrases: "鼠标"
            case .taiwanToSimplifiedWithPhrases: "滑鼠"
            case .taiwanToTraditional: "裡面"
            case .traditionalToHongKong: "僞"
            case .hongKongToTraditional: "偽"
            case .traditionalToJapanese: "藝術"
            case .japaneseToTraditional: "芸術"
            case .file: ""
            }
        }

        /// The OpenCC name, as ``openCCName``.
        public var description: String { openCCName }
    }
}
