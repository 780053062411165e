extension RejoinRules {
    /// Decides the break between `a` and `b` (the next text line), given the decision at
    /// the break before `a` (`aStartsParagraph`) and the line after `b`, if known.
    ///
    /// The rule families (`Rules/Families/`, one file each) decide in one ordered list: the
    /// first rule that decides wins, and the line-width rules decide every break that
    /// reaches them. In order:
    /// 1. extractor artefacts that certainly join (``RejoinExtractorRules/certainJoins(_:)``);
    /// 2. breaks the layout marks: more blank lines than usual, an indent
    ///    (``RejoinLayoutRules/markedBreaks(_:)``);
    /// 3. one character per line, pieces of a stretched line (``RejoinExtractorRules/splitLines(_:)``);
    /// 4. list items, bullets, datelines (``RejoinListRules/listStarts(_:)``);
    /// 5. spaced headings and bylines (``RejoinTitleBlockRules/spacedHeading(_:)``);
    /// 6. page furniture at a page break (``RejoinPageRules/pageBreak(_:)``);
    /// 7. blank lines after every line (``RejoinLayoutRules/blankAfterEveryLine(_:)``);
    /// 8. text without column structure (``RejoinUnwrappedRules/unwrappedText(_:)``);
    /// 9. a next line wider than the column (``RejoinLineWidthRules/nextIsWide(_:)``);
    /// 10. a blank line: a paragraph or a column break (``RejoinLayoutRules/blankLine(_:)``);
    /// 11. one visual line split before an opening quote (``RejoinExtractorRules/splitVisualLine(_:)``);
    /// 12. attributions, date lines, bylines (``RejoinTitleBlockRules/titleBlock(_:)``);
    /// 13. short, wide and full lines and the next line's width (``RejoinLineWidthRules/lineWidth(_:)``).
    ///
    /// `indentEvidence` measures ``firstLineIndentEvidence(_:lo:hi:context:)`` in the
    /// window; it is called (once) only where the decision may depend on it: whether
    /// paragraphs' first lines are narrower than the column (an implicit indent, taken to
    /// be so without evidence either way, as Chinese typesetting does), and whether the
    /// window shows such first lines. Without a column, first lines count as indented
    /// and none is seen.
    ///
    /// `aCarriedWidth` is the width of the lines before `a` that an extractor split off
    /// the same visual line (see ``RejoinReason/splitVisualLine``): `a` is measured with it.
    /// `aParagraphWidth` is the width of the lines that `a`'s paragraph joined before `a`.
    ///
    /// `window[lo...hi]` is the window, for evidence a rule gathers only where it decides.
    ///
    /// `a` and `b` are read in place: a line record is large.
    static func decide(_ a: UnsafePointer<RejoinLine>, _ b: UnsafePointer<RejoinLine>, after c: UnsafePointer<RejoinLine>?,
                       aStartsParagraph: Bool, aInHeading: Bool, aCarriedWidth: Int = 0, aParagraphWidth: Int = 0,
                       context ctx: RejoinContext,
                       window: UnsafeBufferPointer<RejoinLine> = .init(start: nil, count: 0), lo: Int = 0, hi: Int = -1,
                       indentEvidence: () -> Int) -> RejoinDecision {
        let evidence = RejoinBreak.needsIndentEvidence(a, aStartsParagraph: aStartsParagraph, context: ctx)
            ? indentEvidence() : 0
        var x = RejoinBreak(a, b, after: c, aStartsParagraph: aStartsParagraph, aInHeading: aInHeading,
                            aCarriedWidth: aCarriedWidth, aParagraphWidth: aParagraphWidth, context: ctx,
                            indentEvidence: evidence, window: window, lo: lo, hi: hi)
        // most breaks: none of the rules 1-12 decides them (see RejoinCommonBreak)
        if RejoinCommonBreak.isCommon(&x) { return RejoinLineWidthRules.lineWidth(&x) }
        return decideByRuleList(&x)
    }

    /// The rule list of ``decide(_:_:after:aStartsParagraph:aInHeading:aCarriedWidth:aParagraphWidth:context:window:lo:hi:indentEvidence:)``
    /// in order, for any break: the first rule that decides wins.
    static func decideByRuleList(_ x: inout RejoinBreak) -> RejoinDecision {
        RejoinExtractorRules.certainJoins(&x)
            ?? RejoinLayoutRules.markedBreaks(&x)
            ?? RejoinExtractorRules.splitLines(&x)
            ?? RejoinListRules.listStarts(&x)
            ?? RejoinTitleBlockRules.spacedHeading(&x)
            ?? RejoinPageRules.pageBreak(&x)
            ?? RejoinLayoutRules.blankAfterEveryLine(&x)
            ?? RejoinUnwrappedRules.unwrappedText(&x)
            ?? RejoinLineWidthRules.nextIsWide(&x)
            ?? RejoinLayoutRules.blankLine(&x)
            ?? RejoinExtractorRules.splitVisualLine(&x)
            ?? RejoinTitleBlockRules.titleBlock(&x)
            ?? RejoinLineWidthRules.lineWidth(&x)
    }
}
