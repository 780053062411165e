import CRawOpenCC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libopencc called directly through its C API, with no wrapper in between: the baseline the
/// Swift wrapper's throughput is divided by.
final class RawOpenCC: @unchecked Sendable {
    // The handle is only used by one benchmark at a time (the runner is sequential); libopencc's
    // converter is itself read-only after opening.
    private let handle: opencc_t

    /// Opens the converter for a configuration file name such as `s2t.json`.
    init(configFileName: String) {
        let handle = opencc_open(configFileName)
        guard let handle, Int(bitPattern: handle) != -1 else {
            fatalError("benchmarks: opencc_open(\(configFileName)) failed: \(String(cString: opencc_error()))")
        }
        self.handle = handle
    }

    deinit { opencc_close(handle) }

    /// Converts the whole buffer with one `opencc_convert_utf8` call; returns the output length.
    func convert(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        let length = input.count
        return input.withMemoryRebound(to: CChar.self) { chars -> Int in
            guard let output = opencc_convert_utf8(handle, chars.baseAddress, length) else {
                fatalError("benchmarks: opencc_convert_utf8 failed: \(String(cString: opencc_error()))")
            }
            defer { opencc_convert_utf8_free(output) }
            return strlen(output)
        }
    }
}
