/// Buffers the normaliser reuses from paragraph to paragraph within one call, so that a
/// paragraph that goes through the engine allocates nothing once the buffers have grown
/// to the size of the longest paragraph.
///
/// A pass takes a buffer out with ``take(_:)`` (leaving an empty array behind, so the
/// taken one stays uniquely referenced and is mutated in place) and puts it back when done.
struct NormalizationScratch {
    /// A paragraph decoded from UTF-8 (``PunctuationNormalizer/flushParagraph(_:_:_:_:_:)``).
    struct Decoded {
        /// The paragraph's scalars.
        var scalars: [UInt32] = []
        /// Byte ranges of the elided Han runs (see `NormalizationScalar.hanRunBase`).
        var elidedStart: [Int] = []
        var elidedEnd: [Int] = []
    }

    /// The arrays of one round (``NormalizationEngine/transform(_:into:scratch:)``).
    struct Round {
        /// The working copy of the paragraph and its per-scalar flags.
        var v: [UInt32] = []
        var flags: [UInt8] = []
        /// The output of the runs pass and its flags.
        var w: [UInt32] = []
        var wf: [UInt8] = []
        /// The count of CJK letters before each index (quote and bracket passes).
        var letters: [Int] = []
    }

    var decoded = Decoded()
    var round = Round()
    /// Rounds the engine has run in this call (tests read it to check that rounds stay few).
    var rounds = 0
    /// The result of the engine's latest round.
    var next: [UInt32] = []
    /// Work arrays of the quote and bracket passes.
    var quoteMarks: [NormalizationEngine.QuoteMark] = []
    var ints1: [Int] = []
    var ints2: [Int] = []
    var ints3: [Int] = []
    var bools: [Bool] = []
    var levels: [NormalizationEngine.QuoteLevel] = []

    /// Moves the array out of `a`, leaving an empty one.
    @inline(__always)
    static func take<T>(_ a: inout [T]) -> [T] { take(&a, leaving: []) }

    /// Moves the round's arrays out of `a`, leaving empty ones.
    @inline(__always)
    static func take(_ a: inout Round) -> Round { take(&a, leaving: Round()) }

    /// Moves the decoded paragraph out of `a`, leaving an empty one.
    @inline(__always)
    static func take(_ a: inout Decoded) -> Decoded { take(&a, leaving: Decoded()) }

    @inline(__always)
    private static func take<T>(_ a: inout T, leaving empty: T) -> T {
        var r = empty
        swap(&r, &a)
        return r
    }

    /// Sets the count of `a` to `count`; the contents are unspecified (new elements are
    /// zero). Grows the storage only when needed.
    @inline(__always)
    static func resize<T: FixedWidthInteger>(_ a: inout [T], to count: Int) {
        if a.count < count {
            a.append(contentsOf: repeatElement(0, count: count - a.count))
        } else if a.count > count {
            a.removeLast(a.count - count)
        }
    }
}
