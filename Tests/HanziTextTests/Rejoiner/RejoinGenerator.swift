import Foundation
import HanziTestSupport
@testable import HanziText

/// The rejoiner tests draw from the shared seeded generator.
typealias RejoinRNG = SeededGenerator

/// Known paragraphs to wrap: clean paragraphs from `seeds/002_8c2ff1bd2990f71e.txt`, and
/// paragraphs written for these tests in Traditional Chinese (Taiwan, 「」 quotes) and in
/// technical Simplified Chinese with English words, numbers and URLs.
enum RejoinCorpus {
    /// Stops the test run, naming the file, when the seed is missing: an empty corpus would
    /// generate documents without paragraphs and let every rejoiner test pass on nothing.
    static let seedParagraphs: [String] = {
        let text = RepositoryRoot.required("the rejoiner's seed paragraphs") {
            try RepositoryRoot.text("seeds/002_8c2ff1bd2990f71e.txt")
        }
        return text.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { p in
                p.unicodeScalars.count >= 30 && !p.contains("\n")
                    && p.unicodeScalars.last.map { "。”！？）".unicodeScalars.contains($0) } == true
            }
    }()

    static let traditional: [String] = [
        "「我們希望讓更多年輕人回到家鄉。」鄉長陳美玲在記者會上表示，過去十年來，鎮上的人口持續減少，許多店面只剩下假日才開門。今年起，公所將推出青年返鄉創業補助，每人最高可申請新臺幣五十萬元，並提供免費的空間與輔導課程。",
        "臺北市立圖書館昨（6）日公布年度借閱排行榜，推理小說與旅遊書籍依然最受歡迎。館方指出，電子書的借閱量較去年成長三成，其中以二十至三十九歲的讀者為主；為了因應需求，明年將再增購一萬冊電子書，並延長部分分館的開放時間。",
        "颱風「凱米」挾帶豪雨，中南部多處傳出淹水災情。中央氣象署預估，颱風中心將於今晚至明晨自花蓮一帶登陸，暴風圈可能籠罩全臺，民眾應儘量避免前往山區及海邊，並隨時注意最新的警特報資訊。",
        "這座有百年歷史的老街，曾經是北部最繁華的商業中心。隨著鐵路改道與高速公路開通，人潮逐漸散去，直到近年地方居民自發整理老屋、舉辦市集，才又重新吸引遊客。「老街不只是觀光景點，更是我們的生活。」在地文史工作者林先生說。",
        "研究團隊花了五年時間，追蹤全臺兩千多名學童的閱讀習慣，發現每天閱讀超過三十分鐘的孩子，在語文與數學測驗的表現都明顯較佳。研究人員建議，家長可以從睡前共讀開始，讓閱讀成為日常生活的一部分。",
        "行政院會今（7）日通過「數位發展基本法」草案，明定政府應推動資料開放、強化資訊安全，並保障偏遠地區民眾使用網路的權利。草案將送立法院審議，官員表示，希望在本會期內完成三讀。",
        "清晨五點，漁港已經熱鬧起來。剛靠岸的漁船卸下一箱箱白帶魚與透抽，魚販們大聲喊價，「今天的魚特別肥！」一位在港邊工作了三十年的阿伯笑著說，只要天氣好，這樣的景象每天都會上演。",
        "中央研究院的研究人員發現，臺灣黑熊的活動範圍比過去估計的更大，有些個體一年內移動的距離超過一百公里。研究團隊呼籲，應在重要的生態廊道上減少開發，並加強山區道路的警示設施，以降低人熊衝突。",
    ]

    static let technical: [String] = [
        "Rust 是一门注重安全与性能的系统编程语言。它通过所有权（ownership）和借用检查器在编译期发现内存错误，因此不需要垃圾回收。从 2015 年发布 1.0 版本以来，Rust 已经被 Linux 内核、Android 和许多云服务采用。",
        "安装依赖时，请先运行 cargo build --release，然后执行 cargo test 检查所有测试是否通过。如果网络较慢，可以在 ~/.cargo/config.toml 中配置镜像地址，例如 https://mirrors.example.com/crates.io-index 。",
        "在 Swift 中，String 的每个元素是一个 Character，也就是一个扩展字形簇（extended grapheme cluster）。按字符遍历需要做 Unicode 分段，速度大约只有按 UTF-8 字节遍历的 1/30，所以处理 1 GB 以上的文本时，应当直接操作 utf8 视图。",
        "这个模型在 8 张 GPU 上训练了 72 小时，共处理约 3000 亿个 token。评测结果显示，它在中文阅读理解任务上的准确率达到 91.3%，比上一个版本提高了 4.2 个百分点，而推理延迟下降了 35%。",
        "如果遇到 permission denied 错误，请检查当前用户是否属于 docker 组，或者使用 sudo 重新运行命令。更多说明见项目文档 https://docs.example.org/install#linux 中的常见问题一节。",
        "The parser is written in C++17 and statically linked into the command-line tool. 它支持 JSON、YAML 和 TOML 三种格式，并可以通过 --format 参数选择输出格式；默认情况下输出带缩进的 JSON。",
        "为了提高 compatibility，我们重新设计了 configuration 文件的格式，并在 documentation 中补充了 internationalization 相关的 implementation 细节。新格式向后兼容，旧文件会被自动转换。",
        "缓存命中率从 62% 提升到 97% 之后，接口的平均响应时间由 180 毫秒降到 40 毫秒。我们把热点数据放在 Redis 中，并为每个键设置 10 分钟的过期时间，避免数据长期不一致。",
    ]

    /// Short pure-CJK texts for headings, cut from the corpus.
    static func heading(from p: String, maxLength: Int, rng: inout RejoinRNG) -> String? {
        let scalars = Array(p.unicodeScalars)
        var runs: [[Unicode.Scalar]] = []
        var run: [Unicode.Scalar] = []
        for s in scalars {
            if ScalarClass.isHan(s.value) { run.append(s) } else { if run.count >= 5 { runs.append(run) }; run = [] }
        }
        if run.count >= 5 { runs.append(run) }
        guard !runs.isEmpty else { return nil }
        let r = runs[rng.int(0...runs.count - 1)]
        let n = min(r.count, rng.int(5...max(5, maxLength)))
        var s = String.UnicodeScalarView()
        s.append(contentsOf: r[0..<n])
        return String(s)
    }
}

/// How a generated document is laid out.
struct RejoinStyle: CustomStringConvertible {
    enum Blank: String { case none, everyLine, betweenParagraphs }
    enum Indent: String { case none, implicit, fullWidth, ascii }
    enum Corpus: String { case simplified, traditional, technical, mixed }

    var name: String
    var widths: ClosedRange<Int> = 10...25
    var sections = 1
    var blank: Blank = .betweenParagraphs
    var columnBreakBlanks = false
    var indent: Indent = .none
    var letterSpacing = false
    /// Justified lines space out every character, Latin letters and digits included
    /// (`支 持 U b u n t u 2 2 . 0 4`), not only CJK characters and whole words.
    var letterSpacingSplitsLatin = false
    var oneCharacterPerLine = false
    var hyphenation = false
    var formFeeds = false
    /// A page number (`3`, `- 3 -`, `第 3 版`), sometimes with a running head, between the
    /// lines where a page ends, as extractors without form feeds write it: a paragraph of
    /// its own in the gold, splitting the paragraph it interrupts.
    var pageNumbers = false
    var crlf = false
    var headings = false
    var spacesAroundLines = false
    var breakBeforePunctuation = false
    var corpus: Corpus = .simplified

    var description: String { name }
}

/// A generated document and the paragraphs it was made from.
struct GeneratedDocument {
    var text: String
    var paragraphs: [String]
}

/// Wraps known paragraphs at a column width in the ways extractors and typesetters do.
struct RejoinDocumentGenerator {
    var style: RejoinStyle
    var rng: RejoinRNG

    init(style: RejoinStyle, seed: UInt64) {
        self.style = style
        rng = RejoinRNG(seed: seed)
    }

    static func columns(_ s: Unicode.Scalar) -> Int {
        ScalarClass.displayWidth(s.value)
    }

    static let suffixes = ["ly", "tion", "ity", "ing", "ment", "ation", "ness", "able", "ally"]
    static let noLineStart: Set<Unicode.Scalar> = Set("，。、；：！？）」』”’》…".unicodeScalars)

    /// Splits a paragraph into wrap tokens: one CJK character, one Latin word (with its
    /// ASCII punctuation) or one space.
    static func tokens(_ p: String) -> [[Unicode.Scalar]] {
        var out: [[Unicode.Scalar]] = []
        var word: [Unicode.Scalar] = []
        for s in p.unicodeScalars {
            if s == " " {
                if !word.isEmpty { out.append(word); word = [] }
                out.append([s])
            } else if s.value < 0x80 {
                word.append(s)
            } else {
                if !word.isEmpty { out.append(word); word = [] }
                out.append([s])
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    /// Wraps one paragraph; the first line's capacity is reduced by `firstIndent` columns.
    /// With letter spacing, some lines after the first are justified by spacing out their
    /// characters: they hold only about two thirds of a full line.
    mutating func wrap(_ p: String, width: Int, firstIndent: Int) -> [String] {
        var lines: [[Unicode.Scalar]] = []
        var stretched: Set<Int> = []
        var line: [Unicode.Scalar] = []
        var used = 0
        var capacity = width - firstIndent
        func newLineCapacity(_ generator: inout RejoinDocumentGenerator, _ index: Int) -> Int {
            if generator.style.letterSpacing && generator.rng.chance(0.25) {
                stretched.insert(index)
                return width * 2 / 3
            }
            return width
        }
        var pending = RejoinDocumentGenerator.tokens(p)[...]
        func w(_ t: [Unicode.Scalar]) -> Int { t.reduce(0) { $0 + RejoinDocumentGenerator.columns($1) } }
        while let t = pending.first {
            pending = pending.dropFirst()
            if t == [" "] && line.isEmpty { continue }
            let tw = w(t)
            if used + tw <= capacity || line.isEmpty
                || (t.count == 1 && RejoinDocumentGenerator.noLineStart.contains(t[0])) {
                line += t
                used += tw
                continue
            }
            // hyphenate a long English word at a suffix
            if style.hyphenation && t.count >= 7 && t.allSatisfy({ ScalarClass.isASCIILetter($0.value) }) {
                let word = String(String.UnicodeScalarView(t))
                if let suf = RejoinDocumentGenerator.suffixes.first(where: { word.hasSuffix($0) && word.count - $0.count >= 4 }) {
                    let head = Array(t[0..<(t.count - suf.unicodeScalars.count)])
                    let tail = Array(t[(t.count - suf.unicodeScalars.count)...])
                    if used + head.count + 1 <= capacity {
                        line += head + ["-"]
                        lines.append(line)
                        line = []
                        used = 0
                        capacity = newLineCapacity(&self, lines.count)
                        pending = [tail] + pending
                        continue
                    }
                }
            }
            // break a hyphenated compound at its hyphen
            if let h = t.firstIndex(of: "-"), h > 0, h < t.count - 1, used + h + 1 <= capacity,
               ScalarClass.isASCIILetter(t[h - 1].value) {
                line += t[0...h]
                lines.append(line)
                line = []
                used = 0
                capacity = newLineCapacity(&self, lines.count)
                pending = [Array(t[(h + 1)...])] + pending
                continue
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
            line = []
            used = 0
            capacity = newLineCapacity(&self, lines.count)
            if t == [" "] { continue }
            line = t
            used = tw
        }
        while line.last == " " { line.removeLast() }
        if !line.isEmpty { lines.append(line) }
        return lines.enumerated().map { k, l in
            // a justified line is spaced out; the ragged last line is not
            if stretched.contains(k) && k < lines.count - 1 {
                // justify: space out every CJK character and every Latin word so that the
                // line fills the column
                // Every character apart, Latin letters and digits too, where the line
                // has CJK text and one space per gap fits the column; else CJK characters
                // and whole words apart.
                let words = RejoinDocumentGenerator.tokens(String(String.UnicodeScalarView(l))).filter { $0 != [" "] }
                let letters = l.filter { $0 != " " }.map { [$0] }
                let lettersFit = letters.reduce(0) { $0 + w($1) } + letters.count - 1 <= width
                let pieces = style.letterSpacingSplitsLatin && lettersFit
                    && l.filter({ ScalarClass.isCJK($0.value) }).count >= 2 ? letters : words
                let used = pieces.reduce(0) { $0 + w($1) }
                let gaps = max(1, pieces.count - 1)
                let extra = max(gaps, width - used)
                var out = ""
                for (i, piece) in pieces.enumerated() {
                    if i > 0 {
                        let n = extra / gaps + (i <= extra % gaps ? 1 : 0)
                        out += String(repeating: " ", count: n)
                    }
                    out += String(String.UnicodeScalarView(piece))
                }
                return out
            }
            return String(String.UnicodeScalarView(l))
        }
    }

    /// Splits `text` after its first `n` scored characters (non-white-space, hyphens left
    /// out, see ``RejoinScoring``).
    static func split(_ text: String, afterCharacters n: Int) -> (String, String) {
        var count = 0
        var head = String.UnicodeScalarView(), tail = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if count < n || (count == n && (ScalarClass.isWhitespace(s.value) || RejoinScoring.isSkipped(s.value))) {
                head.append(s)
                if !ScalarClass.isWhitespace(s.value) && !RejoinScoring.isSkipped(s.value) { count += 1 }
            } else {
                tail.append(s)
            }
        }
        return (String(head), String(tail))
    }

    mutating func paragraphSource() -> [String] {
        switch style.corpus {
        case .simplified: return RejoinCorpus.seedParagraphs
        case .traditional: return RejoinCorpus.traditional
        case .technical: return RejoinCorpus.technical
        case .mixed: return rng.chance(0.5) ? RejoinCorpus.seedParagraphs : RejoinCorpus.technical
        }
    }

    static let bylines = ["本报记者 王小明 李华", "新华社记者 张伟 刘洋 陈静", "記者 林志明 黃淑芬", "特约撰稿 周敏"]

    /// Generates one document.
    mutating func make() -> GeneratedDocument {
        var out: [String] = []          // output lines ("" = blank line)
        var gold: [String] = []
        var lineCount = 0
        var nextPage = rng.int(25...60)
        var page = 1
        let sectionCount = style.sections
        for _ in 0..<sectionCount {
            let chars = rng.int(style.widths)
            let width = chars * 2
            let margin = style.spacesAroundLines && rng.chance(0.5) ? String(repeating: " ", count: rng.int(1...4)) : ""
            let source = paragraphSource()
            let count = rng.int(4...9)
            for k in 0..<count {
                var blocks: [(String, Bool)] = []     // (text, isParagraph)
                if style.headings && !style.oneCharacterPerLine && rng.chance(k == 0 ? 0.8 : 0.2) {
                    let p = source[rng.int(0...source.count - 1)]
                    if let h = RejoinCorpus.heading(from: p, maxLength: chars + 6, rng: &rng) {
                        blocks.append((h, false))
                    }
                    if rng.chance(0.3) {
                        blocks.append((RejoinDocumentGenerator.bylines[rng.int(0...3)], false))
                    }
                }
                blocks.append((source[rng.int(0...source.count - 1)], true))
                for (text, isParagraph) in blocks {
                    gold.append(text)
                    var lines: [String]
                    if style.oneCharacterPerLine {
                        lines = text.unicodeScalars.filter { $0 != " " }.map { String($0) }
                    } else if isParagraph {
                        let indentCols = style.indent == .none ? 0 : 4
                        lines = wrap(text, width: width, firstIndent: indentCols)
                    } else {
                        // headings: balanced wrap when wider than the column
                        let s = Array(text.unicodeScalars)
                        if s.count * 2 > width && !text.contains(" ") {
                            let half = (s.count + 1) / 2
                            lines = [String(String.UnicodeScalarView(s[0..<half])),
                                     String(String.UnicodeScalarView(s[half...]))]
                        } else {
                            lines = [text]
                        }
                    }
                    if style.breakBeforePunctuation && lines.count > 1 {
                        for i in 0..<(lines.count - 1) where rng.chance(0.3) {
                            if let last = lines[i].unicodeScalars.last, "，、".unicodeScalars.contains(last) {
                                lines[i] = String(lines[i].unicodeScalars.dropLast())
                                lines[i + 1] = String(last) + lines[i + 1]
                            }
                        }
                    }
                    for (i, var l) in lines.enumerated() {
                        let isFirst = i == 0, isLast = i == lines.count - 1
                        if isParagraph && isFirst && !style.oneCharacterPerLine {
                            switch style.indent {
                            case .fullWidth: l = "\u{3000}\u{3000}" + l
                            case .ascii: l = "    " + l
                            default: break
                            }
                        }
                        if style.spacesAroundLines && rng.chance(0.3) { l += " " }
                        lineCount += 1
                        l = margin + l
                        if style.pageNumbers && lineCount >= nextPage {
                            // a page ends: its number (and running head) comes before the next line
                            page += 1
                            var furniture: [String]
                            switch rng.int(0...3) {
                            case 0: furniture = ["\(page)"]
                            case 1: furniture = ["- \(page) -"]
                            case 2: furniture = ["\(page)", "本报 2024年7月7日 星期日 要闻", "第 \(page) 版"]
                            default: furniture = ["第\(page)版"]
                            }
                            out += furniture
                            let current = gold.removeLast()
                            if isFirst {
                                gold += furniture + [current]
                            } else {
                                let done = lines[0..<i].reduce(0) { $0 + RejoinScoring.boundaries($1).chars.count }
                                let (head, tail) = RejoinDocumentGenerator.split(current, afterCharacters: done)
                                gold += [head] + furniture + [tail]
                            }
                            nextPage = lineCount + rng.int(25...60)
                        }
                        if style.formFeeds && lineCount >= nextPage {
                            // a page ends: the extractor puts a form feed before the next line
                            l = "\u{0C}" + l
                            nextPage = lineCount + rng.int(25...60)
                        }
                        out.append(l)
                        switch style.blank {
                        case .everyLine:
                            if isParagraph || isLast { out.append("") }
                        case .betweenParagraphs:
                            if isLast { out.append("") }
                            else if style.columnBreakBlanks && isParagraph && rng.chance(0.12) { out.append("") }
                        case .none:
                            if style.oneCharacterPerLine && isLast { out.append("") }
                            else if style.columnBreakBlanks && isParagraph && !isLast && rng.chance(0.1) { out.append("") }
                        }
                    }
                }
            }
        }
        var text = out.joined(separator: "\n") + "\n"
        if style.crlf { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        return GeneratedDocument(text: text, paragraphs: gold)
    }
}

/// Paragraph-boundary scoring over the non-white-space characters, as the dev scorer does:
/// a boundary is a line break between two consecutive non-white-space characters.
/// Hyphens are left out of the character sequence, so a dehyphenated word aligns.
enum RejoinScoring {
    static func isSkipped(_ v: UInt32) -> Bool { v == 0x2D || v == 0x2010 || v == 0xAD }

    /// Non-white-space scalars (hyphens left out) and the indices that follow a line break.
    static func boundaries(_ text: String) -> (chars: [UInt32], breaks: Set<Int>) {
        var chars: [UInt32] = []
        var breaks = Set<Int>()
        var sawBreak = false
        for s in text.unicodeScalars {
            let v = s.value
            if ScalarClass.isLineBreak(v) { sawBreak = true; continue }
            if ScalarClass.isHorizontalSpace(v) || isSkipped(v) { continue }
            if sawBreak && !chars.isEmpty { breaks.insert(chars.count) }
            sawBreak = false
            chars.append(v)
        }
        return (chars, breaks)
    }

    struct Counts {
        var tp = 0, fp = 0, fn = 0
        var f1: Double {
            let p = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
            let r = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
        static func += (a: inout Counts, b: Counts) { a.tp += b.tp; a.fp += b.fp; a.fn += b.fn }
    }

    /// The spaces of `output` inside a paragraph (between two non-white-space characters on
    /// one line) where the gold has no white space; nil when the characters differ.
    static func spuriousSpaces(output: String, gold: [String]) -> Int? {
        func spaced(_ text: String) -> (chars: [UInt32], spaceBefore: [Bool]) {
            var chars: [UInt32] = [], before: [Bool] = []
            var space = false, lineBreak = false
            for s in text.unicodeScalars {
                let v = s.value
                if ScalarClass.isLineBreak(v) { lineBreak = true; continue }
                if ScalarClass.isHorizontalSpace(v) { space = true; continue }
                if isSkipped(v) { continue }
                chars.append(v)
                before.append(space && !lineBreak)
                space = false
                lineBreak = false
            }
            return (chars, before)
        }
        let g = spaced(gold.joined(separator: "\n")), c = spaced(output)
        guard g.chars == c.chars else { return nil }
        return zip(g.spaceBefore, c.spaceBefore).filter { !$0 && $1 }.count
    }

    /// Scores `output` against the gold paragraphs; nil when the characters differ.
    static func score(output: String, gold: [String]) -> Counts? {
        let g = boundaries(gold.joined(separator: "\n"))
        let c = boundaries(output)
        guard g.chars == c.chars else { return nil }
        var counts = Counts()
        counts.tp = g.breaks.intersection(c.breaks).count
        counts.fp = c.breaks.subtracting(g.breaks).count
        counts.fn = g.breaks.subtracting(c.breaks).count
        return counts
    }
}
