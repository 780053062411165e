#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import HanziCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Messages on standard error (errors, warnings, the progress line), one writer at a time.
final class Diagnostics: Sendable {
    /// What the messages so far have left behind.
    private struct State {
        var progressShown = false
        var failures = 0
    }

    private let state = Locked(State())
    private let quiet: Bool

    /// How many errors were reported.
    var failures: Int { state.withLock { $0.failures } }

    /// Whether standard error is a terminal.
    let standardErrorIsTerminal = isatty(2) == 1

    init(quiet: Bool) { self.quiet = quiet }

    /// `hanzi: NAME: message`; counts a failure.
    func error(_ name: String?, _ message: String) {
        state.withLock { state in
            state.failures += 1
            Diagnostics.writeLine("hanzi: " + (name.map { $0 + ": " } ?? "") + message, &state)
        }
    }

    /// `hanzi: warning: NAME: message`, unless quiet; `evenWhenQuiet` for what a user must
    /// always hear of, such as records left out or passed through unprocessed.
    func warning(_ name: String?, _ message: String, evenWhenQuiet: Bool = false) {
        guard !quiet || evenWhenQuiet else { return }
        state.withLock { state in
            Diagnostics.writeLine("hanzi: warning: " + (name.map { $0 + ": " } ?? "") + message, &state)
        }
    }

    /// Replaces the progress line (terminal only).
    func progress(_ line: String) {
        guard !quiet, standardErrorIsTerminal else { return }
        state.withLock { state in
            writeStandardError(Diagnostics.eraseLine + line)
            state.progressShown = true
        }
    }

    /// Removes the progress line.
    func clearProgress() {
        state.withLock { Diagnostics.clearProgress(&$0) }
    }

    /// Back to the start of the line, and erase it (ANSI).
    private static let eraseLine = "\r\u{1B}[K"

    private static func clearProgress(_ state: inout State) {
        if state.progressShown {
            writeStandardError(eraseLine)
            state.progressShown = false
        }
    }

    private static func writeLine(_ line: String, _ state: inout State) {
        clearProgress(&state)
        writeStandardError(line + "\n")
    }
}

/// Counts the bytes done and shows one progress line (bytes done, speed, time left) when the
/// work is large and standard error is a terminal.
final class ProgressMeter: Sendable {
    /// The bytes done so far and when the line was last shown.
    private struct State {
        var done = 0
        var lastShown: UInt64 = 0
        var shown = false
    }

    private let state = Locked(State())
    private let diagnostics: Diagnostics
    private let total: Int?
    private let enabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds

    /// No line for work shorter than this, in nanoseconds.
    static let firstLineDelay: UInt64 = 300_000_000
    /// At most one line per this many nanoseconds (ten a second).
    static let lineInterval: UInt64 = 100_000_000

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
        let line: String? = state.withLock { state in
            state.done += bytes
            // Not for short work, and at most ten times a second.
            guard now - start > ProgressMeter.firstLineDelay, now - state.lastShown > ProgressMeter.lineInterval
            else { return nil }
            if total == nil, state.done < ProgressMeter.largeBytes { return nil }
            state.lastShown = now
            state.shown = true
            return render(done: state.done, now: now)
        }
        if let line { diagnostics.progress(line) }
    }

    func finish() {
        guard enabled, state.withLock({ $0.shown }) else { return }
        diagnostics.clearProgress()
    }

    private func render(done: Int, now: UInt64) -> String {
        let seconds = Double(now - start) / 1e9
        let rate = Double(done) / max(seconds, 1e-3)
        var line = "\(ProgressMeter.size(done))"
        if let total { line += " / \(ProgressMeter.size(total))" }
        line += printfFormat("  %.1f MB/s", rate / 1e6)
        if let total, rate > 0, total > done {
            let left = Int((Double(total - done) / rate).rounded(.up))
            line += printfFormat("  %d:%02d left", left / 60, left % 60)
        }
        return line
    }

    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 30 { return printfFormat("%.2f GB", Double(bytes) / 1e9) }
        return printfFormat("%.1f MB", Double(bytes) / 1e6)
    }
}

/// Writes `text` to standard error as it is; a failed write is dropped (there is nowhere
/// left to report it).
func writeStandardError(_ text: String) {
    try? SystemIO.writeAll(Array(text.utf8), to: 2)
}
