/// The normaliser's rules applied to one paragraph held as Unicode scalars.
///
/// A paragraph is a run of non-blank lines; nothing here looks outside it, which is what
/// makes normalising a text the same as normalising each paragraph on its own.
///
/// One round runs the passes in this order, each in its own file under `Passes/`:
/// width folding (rule 3, which also finds the passes the paragraph needs), protected
/// spans, quotes (rule 1), brackets and ASCII punctuation (rule 2), runs (rule 4), spacing.
struct NormalizationEngine: Sendable {
    let style: StyleValues
    let options: PunctuationNormalizer.Options
    /// The passes each ASCII byte involves (``NormalizationPasses/asciiTable()``).
    let asciiPasses: [NormalizationPasses]

    init(style: PunctuationNormalizer.Style, options: PunctuationNormalizer.Options) {
        self.style = style.values
        self.options = options
        self.asciiPasses = NormalizationPasses.asciiTable()
    }

    /// Normalises `paragraph` in place to a fixed point: normalising the result again
    /// gives the same scalars.
    ///
    /// Rounds repeat until one changes nothing (or `triggers` proves the result is a
    /// fixed point, the fast path's guarantee). This ends: every change a round makes is
    /// one-way (a full-width form to ASCII, ASCII punctuation to full width, a straight or
    /// foreign quote to the style's, `(` to `（`, a variant to the style's ellipsis, dash
    /// or interpunct; spaces are only removed, or inserted once between a CJK letter and
    /// a Latin letter or digit, where no rule removes them), so a paragraph of n scalars
    /// admits only O(n) changes. In practice a round is final or one more confirms it:
    /// the passes settle nested brackets and runs of quotes within one round.
    func normalizeParagraph(_ paragraph: inout [UInt32], scratch: inout NormalizationScratch,
                            triggers: NormalizationTriggers) {
        var next = NormalizationScratch.take(&scratch.next)
        defer { scratch.next = next }
        while true {
            scratch.rounds += 1
            transform(paragraph, into: &next, scratch: &scratch)
            if next == paragraph { return }
            swap(&paragraph, &next)
            if triggers.isFixedPoint(paragraph) { return }
        }
    }

    /// One round of all the rules: writes the result for `input` to `output`.
    func transform(_ input: [UInt32], into output: inout [UInt32], scratch: inout NormalizationScratch) {
        var r = NormalizationScratch.take(&scratch.round)
        defer { scratch.round = r }
        r.v.removeAll(keepingCapacity: true)
        r.v.append(contentsOf: input)
        let passes = foldWidths(&r.v)
        let n = r.v.count
        r.flags.removeAll(keepingCapacity: true)
        r.flags.append(contentsOf: repeatElement(0, count: n))
        if passes.contains(.protectedSpans) { ProtectedSpans.mark(r.v, &r.flags) }
        if !passes.isDisjoint(with: [.quotes, .brackets]) { Self.countLetters(r.v, into: &r.letters) }
        if passes.contains(.quotes) { convertQuotes(&r.v, &r.flags, letters: r.letters, scratch: &scratch) }
        if passes.contains(.brackets) { convertBrackets(&r.v, &r.flags, letters: r.letters, scratch: &scratch) }
        if passes.contains(.asciiPunctuation) { convertASCIIPunctuation(&r.v, &r.flags) }
        if passes.contains(.runs) {
            // The runs pass writes at most two scalars for one.
            let capacity = RunOutput.capacity(forDoubling: n)
            NormalizationScratch.resize(&r.w, to: capacity)
            NormalizationScratch.resize(&r.wf, to: capacity)
            let count = r.w.withUnsafeMutableBufferPointer { wv in
                r.wf.withUnsafeMutableBufferPointer { wfv in
                    var out = RunOutput(v: wv, f: wfv, count: 0)
                    convertRuns(r.v, r.flags, &out)
                    return out.count
                }
            }
            NormalizationScratch.resize(&r.w, to: count)
            NormalizationScratch.resize(&r.wf, to: count)
        }
        let spaced = passes.contains(.runs) ? r.w : r.v
        let spacedFlags = passes.contains(.runs) ? r.wf : r.flags
        // The spacing pass adds at most one space per scalar.
        NormalizationScratch.resize(&output, to: RunOutput.capacity(forDoubling: spaced.count))
        let count = output.withUnsafeMutableBufferPointer { ov in
            var out = RunOutput(v: ov, f: nil, count: 0)
            applySpacing(spaced, spacedFlags, &out)
            return out.count
        }
        NormalizationScratch.resize(&output, to: count)
    }
}
