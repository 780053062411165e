import Testing
@testable import HanziText

/// Each rule of the normaliser with positive and negative cases, for each style.
@Suite struct PunctuationNormalizerRuleTests {
    typealias S = NormalizerTestSupport
    typealias Case = (input: String, expected: String)

    static func check(_ cases: [Case], _ style: PunctuationNormalizer.Style = .mainland,
                      spacing: PunctuationNormalizer.Spacing = .remove,
                      indent: PunctuationNormalizer.Indent = .keep,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        for c in cases {
            let got = S.bytes(c.input, style, spacing: spacing, indent: indent)
            #expect(got == Array(c.expected.utf8),
                    "\(style) \(spacing) \(c.input.debugDescription) → \(String(decoding: got, as: UTF8.self).debugDescription), expected \(c.expected.debugDescription)",
                    sourceLocation: sourceLocation)
        }
    }

    // MARK: Rule 1: quotes

    @Test func quotesToMainland() {
        Self.check([
            ("他说「你好」。", "他说“你好”。"),
            ("「外『内』外」", "“外‘内’外”"),
            ("他说\"你好\"。", "他说“你好”。"),
            ("他说'你好'。", "他说‘你好’。"),
            ("「他说\"你好\"」", "“他说‘你好’”"),
            ("“他说\"你好\"”", "“他说‘你好’”"),
            ("他说\"OK\"就走了", "他说“OK”就走了"),
            ("＂中文＂", "“中文”"),
            ("“已是主流”", "“已是主流”"),
        ])
    }

    @Test func quotesToTaiwanAndHongKong() {
        for style in [PunctuationNormalizer.Style.taiwan, .hongKong] {
            Self.check([
                ("他說“你好”。", "他說「你好」。"),
                ("“外‘內’外”", "「外『內』外」"),
                ("他說\"你好\"。", "他說「你好」。"),
                ("「他說\"你好\"」", "「他說『你好』」"),
                ("他說“OK”就走了", "他說「OK」就走了"),
                ("「已是主流」", "「已是主流」"),
            ], style)
        }
    }

    /// A quotation over several paragraphs: each paragraph's unmatched mark takes the style's
    /// form where it touches Chinese, a CJK letter or CJK punctuation (the closing mark most
    /// often follows `。`), and keeps its form where it touches neither.
    @Test func unmatchedQuotesInChineseTakeTheStyle() {
        Self.check([
            ("他说：「第一段。\n\n第二段到这里才结束。」\n", "他说：“第一段。\n\n第二段到这里才结束。”\n"),
            ("「第一段。\n\n「第二段。」\n", "“第一段。\n\n“第二段。”\n"),
            ("结束了！』\n", "结束了！’\n"),
            ("He said “hello.” 1」\n", "He said “hello.” 1」\n"),
        ])
        for style in [PunctuationNormalizer.Style.taiwan, .hongKong] {
            Self.check([
                ("他說：“第一段。\n\n第二段到這裡才結束。”\n", "他說：「第一段。\n\n第二段到這裡才結束。」\n"),
                ("結束了？’\n", "結束了？』\n"),
                ("He said “hello.” 中文\n", "He said “hello.” 中文\n"),
            ], style)
        }
        // and the style changes back: a closing mark beside another keeps its form both ways
        for text in ["他说：「第一段。\n\n第二段。」』\n", "他说：“第一段。\n\n第二段。”’\n"] {
            let there = String(decoding: S.bytes(text, .mainland), as: UTF8.self)
            let back = String(decoding: S.bytes(there, .taiwan), as: UTF8.self)
            let again = String(decoding: S.bytes(back, .mainland), as: UTF8.self)
            #expect(Array(again.utf8) == Array(there.utf8), "\(text.debugDescription) → \(there.debugDescription) → \(back.debugDescription)")
        }
    }

    @Test func quotesLeftAlone() {
        for style in PunctuationNormalizer.Style.allCases {
            Self.check([
                ("It’s fine, don't worry.", "It’s fine, don't worry."),
                ("The “Convertible Amount” case.", "The “Convertible Amount” case."),
                ("He said \"hi\" to me.", "He said \"hi\" to me."),
                ("中文\n\nThe “Convertible Amount” case.", "中文\n\nThe “Convertible Amount” case."),
                ("the students' books", "the students' books"),
                ("5'10\" tall", "5'10\" tall"),
                ("中文 It’s here", "中文It’s here"),
            ], style)
        }
    }

    @Test func apostropheInsideChineseQuotes() {
        Self.check([("他说“It’s OK”", "他說「It’s OK」")].map { ($0.0.replacingOccurrences(of: "说", with: "說"), $0.1) }, .taiwan)
        Self.check([("他说'don't'", "他说‘don't’")])
    }

    // MARK: Rule 2: ASCII punctuation next to CJK

    @Test func asciiPunctuationBecomesFullWidth() {
        for style in PunctuationNormalizer.Style.allCases {
            Self.check([
                ("（2024年7月4日,阿斯塔纳）", "（2024年7月4日，阿斯塔纳）"),
                ("你好,世界", "你好，世界"),
                ("真的?是的!", "真的？是的！"),
                ("注意;然后:开始", "注意；然后：开始"),
                ("结束了.", "结束了。"),
                ("结束了. 下一句", "结束了。 下一句"),
                ("组织(WHO)是", "组织（WHO）是"),
                ("（abc)", "（abc）"),
                ("(中文)", "（中文）"),
                ("中文 , 中文", "中文，中文"),
                ("时间:10:30", "时间：10:30"),
                ("apple,香蕉", "apple，香蕉"),
            ], style)
        }
    }

    @Test func asciiPunctuationLeftAlone() {
        for style in PunctuationNormalizer.Style.allCases {
            Self.check([
                ("3.14 1,000 10:30 2019-06-26", "3.14 1,000 10:30 2019-06-26"),
                ("共1,000人，圆周率3.14，10:30开始，1.5万", "共1,000人，圆周率3.14，10:30开始，1.5万"),
                ("Hello, world! How are you?", "Hello, world! How are you?"),
                ("函数f(x)的值", "函数f(x)的值"),
                ("(1) first", "(1) first"),
                ("文件名.txt", "文件名.txt"),
                ("好的:)", "好的:)"),
                ("&amp;中文", "&amp;中文"),
                ("中国-上海合作组织", "中国-上海合作组织"),
                ("反恐协作-2024", "反恐协作-2024"),
            ], style)
        }
    }

    @Test func unmatchedBracketsStayASCII() {
        Self.check([
            ("1) 第一项", "1) 第一项"),
            ("中文(未闭合", "中文(未闭合"),
        ])
    }

    // MARK: Rule 3: full-width forms

    @Test func fullWidthFormsFold() {
        for style in PunctuationNormalizer.Style.allCases {
            Self.check([
                ("ＡＢＣ１２３", "ABC123"),
                ("增长５０％", "增长50%"),
                ("上海合作组织＋", "上海合作组织+"),
                ("１．５万", "1.5万"),
                ("中文，。；：？！（）～", "中文，。；：？！（）～"),
                ("［1］引文", "［1］引文"),
            ], style)
        }
    }

    // MARK: Rule 4: ellipses, dashes, interpuncts

    @Test func ellipsesAndDashesMainland() {
        Self.check([
            ("等等...然后", "等等……然后"),
            ("等等......", "等等……"),
            ("等等。。。", "等等……"),
            ("等等…然后", "等等……然后"),
            ("等等……然后", "等等……然后"),
            ("中文--中文", "中文——中文"),
            ("中文—中文", "中文——中文"),
            ("中文——中文", "中文——中文"),
            ("中文───中文", "中文——中文"),
            ("中文 —— 中文", "中文——中文"),
            ("青岛•上合", "青岛·上合"),
            ("青岛・上合", "青岛·上合"),
            ("青岛‧上合", "青岛·上合"),
            ("麦克．阿瑟", "麦克·阿瑟"),
            ("青岛·上合", "青岛·上合"),
        ])
    }

    @Test func ellipsesAndDashesTaiwan() {
        for style in [PunctuationNormalizer.Style.taiwan, .hongKong] {
            Self.check([
                ("等等...然後", "等等……然後"),
                ("等等…", "等等……"),
                ("中文--中文", "中文——中文"),
                ("中文─中文", "中文——中文"),
                ("麥克·阿瑟", "麥克‧阿瑟"),
                ("麥克．阿瑟", "麥克‧阿瑟"),
                ("麥克・阿瑟", "麥克‧阿瑟"),
            ], style)
        }
    }

    @Test func ellipsesAndDashesLeftAlone() {
        for style in PunctuationNormalizer.Style.allCases {
            Self.check([
                ("Wait... what?", "Wait... what?"),
                ("Wait... 然后", "Wait... 然后"),
                ("He said \"wait...\" and left", "He said \"wait...\" and left"),
                ("so — then", "so — then"),
                ("run --verbose now", "run --verbose now"),
                ("<!-- note -->", "<!-- note -->"),
                ("├── src", "├── src"),
                ("• 第一项", "• 第一项"),
                ("Ｍr·Ｓmith", "Mr·Smith"),
            ], style)
        }
    }

    // MARK: Rule 5: never touched

    @Test func protectedSpans() {
        for style in PunctuationNormalizer.Style.allCases {
            Self.check([
                ("访问https://example.com/a?b=1,c=2了解", "访问https://example.com/a?b=1,c=2了解"),
                ("网址:https://example.com.", "网址：https://example.com."),
                ("访问 https://例子.中国/路径 了解", "访问 https://例子.中国/路径 了解"),
                ("写信给a.b@example.com,谢谢", "写信给a.b@example.com，谢谢"),
                ("运行./build.sh,然后", "运行./build.sh，然后"),
                ("在C:\\Users\\x里", "在C:\\Users\\x里"),
                ("代码`a, b; c.`中文", "代码`a, b; c.`中文"),
                ("开心^_^哈哈", "开心^_^哈哈"),
                ("难过:(", "难过:("),
                ("www.example.org,中文", "www.example.org，中文"),
            ], style)
        }
    }

    // MARK: Spacing

    @Test func spacingRemove() {
        for style in PunctuationNormalizer.Style.allCases {
            Self.check([
                ("近 40 年", "近40年"),
                ("各方面推出的 2000多个", "各方面推出的2000多个"),
                ("1978 年冬", "1978年冬"),
                ("使用 iPhone 手机", "使用iPhone手机"),
                ("增长 50% 的", "增长50%的"),
                ("记者齐中熙 姜琳 高敬", "记者齐中熙 姜琳 高敬"),
                ("新华社北京7月6日电 2024 年 7 月", "新华社北京7月6日电 2024年7月"),
                ("李晓婷） 新华社北京7月6日电", "李晓婷） 新华社北京7月6日电"),
                ("集体合影。 新华社照片", "集体合影。 新华社照片"),
                ("合影。 2024年", "合影。 2024年"),
                ("本报讯 2日", "本报讯 2日"),
                ("中文 ，中文", "中文，中文"),
                ("中文， 中文", "中文，中文"),
                ("两块基石： 建设", "两块基石：建设"),
                ("（ 中文 ）", "（中文）"),
                ("《 书名 》", "《书名》"),
                ("中文  中文", "中文 中文"),
                ("中文\u{3000}\u{3000}中文", "中文\u{3000}中文"),
                ("中文   \n下一行", "中文\n下一行"),
                ("English  words", "English words"),
                ("再访中亚 5天4夜出席30余场重要活动 习近平对上合未来发展提供战略引领",
                 "再访中亚 5天4夜出席30余场重要活动 习近平对上合未来发展提供战略引领"),
                ("出席了 30余场活动 习近平说，", "出席了30余场活动 习近平说，"),
            ], style)
        }
        Self.check([("弘扬“上海精神” 深化睦邻友好", "弘扬“上海精神” 深化睦邻友好"),
                    ("他说“ 你好 ”", "他说“你好”")])
        Self.check([("弘揚「上海精神」 深化睦鄰友好", "弘揚「上海精神」 深化睦鄰友好"),
                    ("他說「 你好 」", "他說「你好」")], .taiwan)
    }

    @Test func spacingInsert() {
        for style in PunctuationNormalizer.Style.allCases {
            Self.check([
                ("近40年", "近 40 年"),
                ("近 40 年", "近 40 年"),
                ("近  40年", "近 40 年"),
                ("使用iPhone手机", "使用 iPhone 手机"),
                ("中文，abc。", "中文，abc。"),
                ("（abc）", "（abc）"),
                ("中文 ，abc", "中文，abc"),
                ("记者齐中熙 姜琳", "记者齐中熙 姜琳"),
                ("增长50%的", "增长 50% 的"),
                ("代码`x`中文", "代码 `x` 中文".replacingOccurrences(of: " `x` ", with: "`x`")),
            ], style, spacing: .insert)
        }
    }

    @Test func spacingKeep() {
        Self.check([
            ("近 40 年", "近 40 年"),
            ("近40年", "近40年"),
            ("近  40年", "近 40年"),
            ("中文 ，中文", "中文，中文"),
        ], spacing: .keep)
    }

    @Test func indentOption() {
        Self.check([("\u{3000}\u{3000}第一段\n\u{3000}\u{3000}第二段", "\u{3000}\u{3000}第一段\n\u{3000}\u{3000}第二段"),
                    ("  缩进", "  缩进")])
        Self.check([("\u{3000}\u{3000}第一段\n\u{3000}\u{3000}第二段", "第一段\n第二段"),
                    ("  缩进", "缩进")], indent: .remove)
    }

    @Test func blankLinesAndLineEnds() {
        Self.check([
            ("第一段\n  \n第二段", "第一段\n\n第二段"),
            ("第一段\r\n\r\n第二段 \r\n", "第一段\r\n\r\n第二段\r\n"),
            ("", ""),
            ("\n\n", "\n\n"),
        ])
    }

    // MARK: Rule 6: letters, digits and Han characters never change

    @Test func noScriptConversionNoNFKC() {
        for style in PunctuationNormalizer.Style.allCases {
            Self.check([
                ("习近平習近平", "习近平習近平"),
                ("ﬁ ① ㎏ ½", "ﬁ ① ㎏ ½"),
                ("e\u{301}中文", "e\u{301}中文"),
                ("한국어 日本語です", "한국어 日本語です"),
            ], style)
        }
    }
}
