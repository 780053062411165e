import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM end a run cleanly: the temporary files of unfinished outputs are
/// removed (the originals were never touched), the progress line is cleared, and the exit
/// status is 128 + the signal (130, 143), as shells report it.
enum SignalCleanup {
    /// What a death by signal N exits with: 128 + N, as shells report it.
    static let exitStatusBase: Int32 = 128

    /// Kept alive for the life of the process.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Installs the handlers; call once, on the main thread, before any output file is opened.
    static func install(diagnostics: Diagnostics) {
        guard sources.isEmpty else { return }
        for number in [SIGINT, SIGTERM] {
            // The signal is handled on a queue (where locks and writes are allowed), not in
            // the process's signal context.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                TemporaryFiles.removeAll()
                diagnostics.clearProgress()
                _exit(SignalCleanup.exitStatusBase + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
