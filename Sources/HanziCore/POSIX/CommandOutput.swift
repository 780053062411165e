#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a command and reads what it prints: the package asks `pkg-config` where the installed
/// OpenCC keeps its data.
///
/// Written here with `posix_spawn` rather than Foundation's `Process`: Foundation (and the ICU
/// it loads) would be linked into every program of the package for this one call, and start-up
/// is a large part of what a command costs on a small file. `swift-subprocess` would add a
/// dependency for these few lines.
package enum CommandOutput {
    /// What `executable` (a path) prints on standard output when run with `arguments`, with
    /// standard error discarded; `nil` when it cannot be started or exits with another status
    /// than 0.
    package static func run(_ executable: String, _ arguments: [String]) -> [UInt8]? {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { return nil }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        defer { close(readEnd) }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child = pid_t()
        #if canImport(Darwin)
        let environment = _NSGetEnviron().pointee
        #else
        let environment = environ
        #endif
        let started = posix_spawn(&child, executable, &actions, nil, argv, environment)
        close(writeEnd)
        guard started == 0 else { return nil }
        let output = try? SystemIO.readToEnd(readEnd)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 {
            guard errno == EINTR else { return nil }
        }
        // exited (the low seven bits 0) with status 0
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else { return nil }
        return output
    }
}
