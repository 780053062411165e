/// What is decided at one line break of a window: the decision, the joint it writes, and,
/// where the next line is page furniture, how the text after the furniture goes on.
///
/// Made by ``RejoinRules/decideBreak(_:after:lo:hi:context:aStartsParagraph:aInHeading:aCarriedWidth:dropsHyphen:numberInCJK:)``,
/// so that the stream only carries state from one break to the next and writes lines.
struct RejoinBreakOutcome {
    var decision: RejoinDecision
    var joint: RejoinJoint
    /// Set only where the line after the break is page furniture and the line before it is
    /// text: whether the first text line after the furniture begins a paragraph and continues
    /// a heading, as decided between the text lines on either side of the furniture; `.some(nil)`
    /// when no text line follows the furniture inside the window.
    var acrossFurniture: (startsParagraph: Bool, inHeading: Bool)??
}

extension RejoinRules {
    /// Decides the break after `ls[a]` (`lo...hi` is the window around it, `ctx` its
    /// context). Page furniture (``RejoinPageFurniture/isFurniture(_:_:)``) is a paragraph of
    /// its own: a break next to it never joins, and before it the break between the text
    /// lines on either side of it is decided for the line after it.
    ///
    /// `aStartsParagraph`, `aInHeading`, `aCarriedWidth` and `aParagraphWidth` (the width of
    /// the lines of `a`'s paragraph before it) are what the breaks before `a` decided (see ``decide(_:_:after:aStartsParagraph:aInHeading:aCarriedWidth:context:indentEvidence:)``);
    /// `dropsHyphen` and `numberInCJK` read the two lines' bytes for the joint
    /// (``RejoinJoint/make(_:_:context:dropsHyphen:numberInCJK:)``). Only the lines up to
    /// `hi + 1` are read, whatever the chunking.
    static func decideBreak(_ lines: UnsafeBufferPointer<RejoinLine>, after a: Int, lo: Int, hi: Int,
                            context ctx: RejoinContext, aStartsParagraph: Bool, aInHeading: Bool,
                            aCarriedWidth: Int, aParagraphWidth: Int = 0,
                            dropsHyphen: (RejoinLine, RejoinLine) -> Bool,
                            numberInCJK: (RejoinLine, RejoinLine) -> Bool) -> RejoinBreakOutcome {
        let ls = UnsafeBufferPointer(rebasing: lines[0..<min(lines.count, hi + 2)])
        // the lines are read in place: a line record is large
        let base = ls.baseAddress!
        let aFurniture = RejoinPageFurniture.isFurniture(ls, a), bFurniture = RejoinPageFurniture.isFurniture(ls, a + 1)
        if aFurniture || bFurniture {
            var outcome = RejoinBreakOutcome(
                decision: RejoinDecision(join: false, reason: .furnitureLine),
                joint: RejoinJoint(dropTail: 0, space: false), acrossFurniture: .none)
            if bFurniture && !aFurniture {
                let across = breakAcrossFurniture(ls, after: a, lo: lo, hi: hi, context: ctx,
                                                  aStartsParagraph: aStartsParagraph, aInHeading: aInHeading)
                outcome.acrossFurniture = .some(across)
            }
            return outcome
        }
        // the line after the next (past furniture), in place (a line record is large)
        let c = RejoinPageFurniture.nextText(ls, after: a + 1)
        let d = decide(base + a, base + a + 1, after: c, aStartsParagraph: aStartsParagraph, aInHeading: aInHeading,
                       aCarriedWidth: aCarriedWidth, aParagraphWidth: aParagraphWidth, context: ctx,
                       window: ls, lo: lo, hi: hi) {
            firstLineIndentEvidence(ls, lo: lo, hi: hi, context: ctx)
        }
        let joint = d.join
            ? RejoinJoint.make(base + a, base + a + 1, context: ctx,
                               dropsHyphen: { dropsHyphen(ls[a], ls[a + 1]) },
                               numberInCJK: { numberInCJK(ls[a], ls[a + 1]) })
            : RejoinJoint(dropTail: 0, space: false)
        return RejoinBreakOutcome(decision: d, joint: joint, acrossFurniture: nil)
    }

    /// With furniture after text line `ls[a]`: whether the first text line after the
    /// furniture begins a paragraph and continues a heading; `nil` when none follows in `ls`.
    private static func breakAcrossFurniture(_ ls: UnsafeBufferPointer<RejoinLine>, after a: Int, lo: Int, hi: Int,
                                             context ctx: RejoinContext, aStartsParagraph: Bool,
                                             aInHeading: Bool) -> (startsParagraph: Bool, inHeading: Bool)? {
        var k = a + 2
        while k < ls.count && RejoinPageFurniture.isFurniture(ls, k) { k += 1 }
        guard k < ls.count, let base = ls.baseAddress else { return nil }
        let c = RejoinPageFurniture.nextText(ls, after: k)
        let d = decide(base + a, base + k, after: c, aStartsParagraph: aStartsParagraph, aInHeading: aInHeading,
                       context: ctx, window: ls, lo: lo, hi: hi) {
            firstLineIndentEvidence(ls, lo: lo, hi: hi, context: ctx)
        }
        return (!d.join, d.continuesHeading)
    }
}
