#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HanziCore

/// A failed system call on a file, reported as one line: `PATH: cannot open: No such file or directory`.
struct FileError: Error, CustomStringConvertible {
    var path: String
    var operation: String
    var code: Int32

    /// The failed `operation` on `path`, with the failed call's error.
    init(path: String, operation: String, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    init(path: String, operation: String, _ error: SystemCallError) {
        self.init(path: path, operation: operation, code: error.code)
    }

    var description: String {
        "\(operation): \(String(cString: strerror(code)))"
    }
}
