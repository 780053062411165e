extension NormalizationEngine {
    /// An output buffer of scalars (and flags) a pass writes to.
    struct RunOutput {
        let v: UnsafeMutableBufferPointer<UInt32>
        let f: UnsafeMutableBufferPointer<UInt8>?
        var count: Int

        /// The room a pass needs that writes at most two scalars for each of `count`
        /// (plus a margin for an empty input).
        @inline(__always) static func capacity(forDoubling count: Int) -> Int { 2 * count + 2 }

        @inline(__always) var last: UInt32? { count > 0 ? v[count - 1] : nil }
        @inline(__always) var lastFlag: UInt8 { count > 0 ? (f?[count - 1] ?? 0) : 0 }
        @inline(__always) mutating func append(_ c: UInt32, _ flag: UInt8 = 0) {
            v.initializeElement(at: count, to: c)
            f?.initializeElement(at: count, to: flag)
            count += 1
        }
    }
}
