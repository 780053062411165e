import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Exit codes: 0 success, 1 some input failed, 2 usage error (argument-parser's own code for a
// usage error is 64; the Unix tools this command sits with use 2).
var command: any ParsableCommand
do {
    command = try HanziCommand.parseAsRoot()
} catch {
    // Help, version and completion requests, or a usage error with the command's usage.
    let code = HanziCommand.exitCode(for: error)
    let message = HanziCommand.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { print(message) }
        exit(0)
    }
    writeStandardError(message + "\n")
    exit(code == .validationFailure ? 2 : code.rawValue)
}

do {
    try command.run()
} catch let status as ExitCode {
    exit(status.rawValue)
} catch let error as ValidationError {
    // A usage error found while starting (an unknown configuration, say).
    writeStandardError("hanzi: \(error.message)\n")
    exit(2)
} catch {
    // argument-parser's own requests (help) arrive here too.
    let code = HanziCommand.exitCode(for: error)
    let message = HanziCommand.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { print(message) }
        exit(0)
    }
    writeStandardError((message.hasPrefix("Error:") ? message : "hanzi: " + message) + "\n")
    exit(code == .validationFailure ? 2 : code.rawValue)
}
