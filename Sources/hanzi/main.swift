import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Exit codes: 0 success, 1 some input failed, 2 usage error (argument-parser's own code for a
// usage error is 64; the Unix tools this command sits with use 2).

/// Ends the process for an error argument-parser knows how to report: its message on standard
/// output and status 0 for a help, version or completion request; otherwise the message, as
/// `errorLine` words it, on standard error and the exit code (2 for a usage error).
func exit(reporting error: any Error, errorLine: (String) -> String) -> Never {
    let code = HanziCommand.exitCode(for: error)
    let message = HanziCommand.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { StandardOutput.write(message + "\n") }
        exit(0)
    }
    writeStandardError(errorLine(message) + "\n")
    exit(code == .validationFailure ? 2 : code.rawValue)
}

var command: any ParsableCommand
do {
    // File names need not be UTF-8: the parser gets their bytes as tokens (see RawArguments).
    command = try HanziCommand.parseAsRoot(RawArguments.parseable)
} catch {
    // Help, version and completion requests, or a usage error with the command's usage.
    exit(reporting: error) { $0 }
}

do {
    try command.run()
} catch let status as ExitCode {
    exit(status.rawValue)
} catch let error as ValidationError {
    // A usage error found while starting (an unknown configuration, say).
    writeStandardError("hanzi: \(error.message)\n")
    exit(2)
} catch let failure as FileError where failure.path == Runner.standardOutputName {
    StandardOutput.fail(failure.code)
} catch {
    // argument-parser's own requests (help) arrive here too.
    exit(reporting: error) { $0.hasPrefix("Error:") ? $0 : "hanzi: " + $0 }
}
