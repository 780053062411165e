import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Messages on standard error (errors, warnings, the progress line), one writer at a time.
final class Diagnostics: @unchecked Sendable {
    private let lock = NSLock()
    private let quiet: Bool
    private var progressShown = false
    private(set) var failures = 0

    /// Whether standard error is a terminal.
    let standardErrorIsTerminal = isatty(2) == 1

    init(quiet: Bool) { self.quiet = quiet }

    /// `hanzi: NAME: message`; counts a failure.
    func error(_ name: String?, _ message: String) {
        lock.withLock {
            failures += 1
            writeLine("hanzi: " + (name.map { $0 + ": " } ?? "") + message)
        }
    }

    /// `hanzi: warning: NAME: message`, unless quiet.
    func warning(_ name: String?, _ message: String) {
        guard !quiet else { return }
        lock.withLock {
            writeLine("hanzi: warning: " + (name.map { $0 + ": " } ?? "") + message)
        }
    }

    /// Replaces the progress line (terminal only).
    func progress(_ line: String) {
        guard !quiet, standardErrorIsTerminal else { return }
        lock.withLock {
            write("\r\u{1B}[K" + line)
            progressShown = true
        }
    }

    /// Removes the progress line.
    func clearProgress() {
        lock.withLock { clearProgressLocked() }
    }

    private func clearProgressLocked() {
        if progressShown {
            write("\r\u{1B}[K")
            progressShown = false
        }
    }

    private func writeLine(_ line: String) {
        clearProgressLocked()
        write(line + "\n")
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(2, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }
}

/// Counts the bytes done and shows one progress line (bytes done, speed, time left) when the
/// work is large and standard error is a terminal.
final class ProgressMeter: @unchecked Sendable {
    private let lock = NSLock()
    private let diagnostics: Diagnostics
    private let total: Int?
    private let enabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private var done = 0
    private var lastShown: UInt64 = 0
    private var shown = false

    /// The work counts as large from this many bytes on, or with this many files.
    static let largeBytes = 4 << 20
    static let manyFiles = 50

    /// A meter for `total` bytes (nil when unknown, as for standard input) in `files` inputs.
    init(diagnostics: Diagnostics, total: Int?, files: Int, enabled: Bool = true) {
        self.diagnostics = diagnostics
        self.total = total
        self.enabled = enabled && diagnostics.standardErrorIsTerminal
            && (total == nil || total! >= ProgressMeter.largeBytes || files >= ProgressMeter.manyFiles)
    }

    func add(_ bytes: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let line: String? = lock.withLock {
            done += bytes
            // Not for short work, and at most ten times a second.
            guard now - start > 300_000_000, now - lastShown > 100_000_000 else { return nil }
            if total == nil, done < ProgressMeter.largeBytes { return nil }
            lastShown = now
            shown = true
            return render(now: now)
        }
        if let line { diagnostics.progress(line) }
    }

    func finish() {
        guard enabled, lock.withLock({ shown }) else { return }
        diagnostics.clearProgress()
    }

    private func render(now: UInt64) -> String {
        let seconds = Double(now - start) / 1e9
        let rate = Double(done) / max(seconds, 1e-3)
        var line = "\(ProgressMeter.size(done))"
        if let total { line += " / \(ProgressMeter.size(total))" }
        line += String(format: "  %.1f MB/s", rate / 1e6)
        if let total, rate > 0, total > done {
            let left = Int((Double(total - done) / rate).rounded(.up))
            line += String(format: "  %d:%02d left", left / 60, left % 60)
        }
        return line
    }

    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 30 { return String(format: "%.2f GB", Double(bytes) / 1e9) }
        return String(format: "%.1f MB", Double(bytes) / 1e6)
    }
}

/// Writes `text` to standard error as it is.
func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(2, raw.baseAddress! + offset, raw.count - offset)
            if n <= 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }
}
