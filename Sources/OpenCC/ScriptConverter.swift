/// An engine that converts well-formed UTF-8 between Chinese scripts: the seam through which
/// the cleaning pipeline's conversion stage reaches an engine (libopencc's
/// ``ChineseConverter``, or another engine with the same results).
package protocol ScriptConverter: Sendable {
    /// Appends the conversion of `text`, which the caller has checked to be well-formed
    /// UTF-8, to `output`.
    ///
    /// - Throws: whatever the engine reports; the caller passes it on.
    func appendConversion(ofValid text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) throws
}

extension ChineseConverter: ScriptConverter {}
