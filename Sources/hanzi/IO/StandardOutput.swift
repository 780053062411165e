import HanziCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output for whole texts (help, version, `configs`, the manual): every write is
/// checked, and a failed one (a full disk, `> /dev/full`) ends the run with one error line and
/// status 1, instead of `print`'s silent loss.
enum StandardOutput {
    /// Writes `text` completely, or exits with one error line.
    static func write(_ text: String) {
        do {
            try SystemIO.writeAll(Array(text.utf8), to: 1)
        } catch {
            fail(error.code)
        }
    }

    /// Ends the run after standard output failed with `code`: one line, status 1. Temporary
    /// files of this run are removed first (standard output failing ends every output).
    static func fail(_ code: Int32) -> Never {
        TemporaryFiles.removeAll()
        writeStandardError("hanzi: standard output: cannot write: \(String(cString: strerror(code)))\n")
        exit(1)
    }
}
