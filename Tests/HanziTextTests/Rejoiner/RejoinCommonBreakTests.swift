import HanziTestSupport
import Testing
@testable import HanziText

/// The decision's fast path (``RejoinCommonBreak``) agrees with the rule list: wherever it
/// sends a break straight to the line-width rules, no rule before them decides it, on breaks
/// generated over every kind of line start and end, blank lines, page breaks, indents, dates,
/// widths about the column's and every context flag.
@Suite struct RejoinCommonBreakTests {
    /// Scalars a line begins or ends with: Han (`日`, `第`, `一`), CJK punctuation, quotes and
    /// brackets, dashes, hyphens and the soft hyphen, Latin letters, digits, ASCII marks.
    static let scalars: [UInt32] = [
        0x4E2D, 0x65E5, 0x7B2C, 0x4E00, 0xFF0C, 0x3002, 0x3001, 0xFF1A, 0x201C, 0x201D, 0xFF08, 0xFF09,
        0x300A, 0x300C, 0x2014, 0x2026, 0x2D, 0x2010, 0xAD, 0x61, 0x41, 0x31, 0x28, 0x2E, 0x2F, 0x25CF,
    ]

    /// A generated line; each field takes the value of a common break's line (a line of Han
    /// text about the column's width) with probability `common`, so that breaks near the fast
    /// path's boundary, one or two fields away from it, come often.
    static func line(_ r: inout SeededGenerator, columnWidth w: Int, common: Double) -> RejoinLine {
        var l = RejoinLine()
        func pick<T>(_ usual: T, _ xs: [T]) -> T {
            Double.random(in: 0..<1, using: &r) < common ? usual : xs[Int.random(in: 0..<xs.count, using: &r)]
        }
        l.indentCols = pick(0, [0, 0, 0, 0, 1, 2, 4])
        // about the column's width most often: full, short, over-wide
        l.width = max(1, w + pick(0, [0, 0, -2, -4, 2, 4, -8, -12, -20, -40, 8, 12, 14, 20, 60]))
        l.collapsedWidth = pick(true, [true, false]) ? l.width : max(1, l.width - pick(2, [2, 4, 8]))
        l.scalars = pick(16, [1, 2, 3, 4, 8, 12, 16, 20, 40])
        l.uncertainWidth = pick(0, [0, 0, 1, 2, 6])
        l.letterSpaced = pick(false, [false, false, false, false, true])
        l.spacedRuns = pick(false, [false, false, false, false, true])
        l.start = pick(.plain, [.plain, .plain, .plain, .plain, .list, .bullet, .dateline, .closing, .openBracket, .dash])
        l.end = pick(.open, [.open, .open, .open, .final, .final, .closeQuote, .dash, .opening])
        l.first = pick(0x4E2D, scalars)
        l.last = pick(0x4E2D, scalars)
        l.beforeLast = pick(0x4E2D, scalars)
        l.innerSentenceEnd = pick(false, [false, true])
        l.innerComma = pick(true, [false, true])
        l.innerCJKSpace = pick(false, [false, false, false, false, true])
        l.blanksAfter = pick(0, [0, 0, 0, 1, 1, 2, 3, 4])
        l.pageAfter = pick(false, [false, false, false, false, false, false, false, true])
        l.firstTokenScalars = min(l.scalars, pick(40, [1, 2, 4, 40]))
        l.lastTokenScalars = min(l.scalars, pick(40, [1, 2, 4, 40]))
        l.isDate = pick(false, [false, false, false, false, false, false, false, true])
        l.leadWidth = pick(4, [2, 4, 6, 8, 16])
        l.halfWidths.letters = pick(0, [0, 0, 2, 10])
        l.clusterKey = l.scalars >= 2 || l.letterSpaced ? l.filledWidth * 2 + (l.end != .final ? 1 : 0) : -1
        return l
    }

    static func context(_ r: inout SeededGenerator, common: Double) -> RejoinContext {
        func pick<T>(_ usual: T, _ xs: [T]) -> T {
            Double.random(in: 0..<1, using: &r) < common ? usual : xs[Int.random(in: 0..<xs.count, using: &r)]
        }
        var ctx = RejoinContext()
        ctx.columnWidth = [32, 48, 64, 80, 120][Int.random(in: 0..<5, using: &r)]
        ctx.isColumn = pick(true, [true, true, true, true, false])
        ctx.blankAfterEveryLine = pick(false, [false, false, true])
        ctx.usualBlanks = pick(1, [1, 2, 3])
        ctx.baseIndent = pick(0, [0, 0, 0, 2])
        ctx.indentsMarkParagraphs = pick(false, [false, false, false, true])
        ctx.spacesMixedScript = Bool.random(using: &r)
        ctx.fewLatin = Bool.random(using: &r)
        ctx.paragraphed = pick(false, [false, false, false, false, false, false, false, true])
        ctx.littleEvidence = pick(false, [false, false, false, false, false, false, false, true])
        return ctx
    }

    /// Where ``RejoinCommonBreak/isCommon(_:)`` holds, each of the rules 1–12 gives no
    /// decision, and the rule list decides as the line-width rules do.
    @Test func commonBreaksReachTheLineWidthRules() {
        var r = SeededGenerator(seed: 0xC0_4401_B4EA)
        var hits = 0
        let rules: [(String, (inout RejoinBreak) -> RejoinDecision?)] = [
            ("certainJoins", RejoinExtractorRules.certainJoins), ("markedBreaks", RejoinLayoutRules.markedBreaks),
            ("splitLines", RejoinExtractorRules.splitLines), ("listStarts", RejoinListRules.listStarts),
            ("spacedHeading", RejoinTitleBlockRules.spacedHeading), ("pageBreak", RejoinPageRules.pageBreak),
            ("blankAfterEveryLine", RejoinLayoutRules.blankAfterEveryLine),
            ("unwrappedText", RejoinUnwrappedRules.unwrappedText), ("nextIsWide", RejoinLineWidthRules.nextIsWide),
            ("blankLine", RejoinLayoutRules.blankLine), ("splitVisualLine", RejoinExtractorRules.splitVisualLine),
            ("titleBlock", RejoinTitleBlockRules.titleBlock),
        ]
        for n in 0..<100_000 {
            // half of the breaks anywhere, half near the fast path's boundary
            let common = n % 2 == 0 ? 0 : 0.9
            let ctx = Self.context(&r, common: common)
            var lines = [Self.line(&r, columnWidth: ctx.columnWidth, common: common),
                         Self.line(&r, columnWidth: ctx.columnWidth, common: common)]
            let hasC = Int.random(in: 0..<5, using: &r) != 0
            if hasC { lines.append(Self.line(&r, columnWidth: ctx.columnWidth, common: common)) }
            let aStartsParagraph = Bool.random(using: &r), aInHeading = Int.random(in: 0..<5, using: &r) == 0
            let aCarriedWidth = n % 4 == 1 ? 0 : [0, 0, 0, 8][Int.random(in: 0..<4, using: &r)]
            let aParagraphWidth = [0, 0, 40, 200][Int.random(in: 0..<4, using: &r)]
            let evidence = Int.random(in: -1...1, using: &r)
            lines.withUnsafeBufferPointer { ls in
                let p = ls.baseAddress!
                func make() -> RejoinBreak {
                    RejoinBreak(p, p + 1, after: hasC ? p + 2 : nil, aStartsParagraph: aStartsParagraph,
                                aInHeading: aInHeading, aCarriedWidth: aCarriedWidth, aParagraphWidth: aParagraphWidth,
                                context: ctx, indentEvidence: evidence, window: ls, lo: 0, hi: ls.count - 1)
                }
                var candidate = make()
                guard RejoinCommonBreak.isCommon(&candidate) else { return }
                hits += 1
                for (name, rule) in rules {
                    var x = make()
                    let d = rule(&x)
                    #expect(d == nil, "\(name) decides a common break: \(lines) \(ctx)")
                }
                var x = make(), y = make()
                let listed = RejoinRules.decideByRuleList(&x), direct = RejoinLineWidthRules.lineWidth(&y)
                #expect(listed.join == direct.join && listed.reason == direct.reason
                        && listed.continuesHeading == direct.continuesHeading && listed.carriesWidth == direct.carriesWidth)
            }
        }
        // the generated breaks reach the fast path often enough to say something
        #expect(hits > 10_000, "\(hits)")
    }
}
