/// The bytes of an image that `make tables` embedded in the binary (`Sources/COpenCCData`),
/// handed out by a C function of the form `void f(const unsigned char **bytes, unsigned long
/// *length)`: the compiled tables (``PrecompiledOpenCCData``) and the script detector's classes.
package enum EmbeddedImage {
    /// The image `function` hands out; empty when none was generated.
    package static func bytes(
        _ function: (UnsafeMutablePointer<UnsafePointer<UInt8>?>, UnsafeMutablePointer<UInt>) -> Void
    ) -> UnsafeBufferPointer<UInt8> {
        var bytes: UnsafePointer<UInt8>?
        var length: UInt = 0
        function(&bytes, &length)
        guard let bytes, length > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: bytes, count: Int(length))
    }
}
