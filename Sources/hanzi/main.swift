import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Exit codes: 0 success, 1 some input failed, 2 usage error (argument-parser's own code for a
// usage error is 64; the Unix tools this command sits with use 2).
do {
    var command = try HanziCommand.parseAsRoot()
    try command.run()
} catch let status as ExitCode {
    exit(status.rawValue)
} catch {
    let code = HanziCommand.exitCode(for: error)
    let message = HanziCommand.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { print(message) }
        exit(0)
    }
    var line = message
    if !line.hasPrefix("Error:"), !line.hasPrefix("hanzi:") { line = "hanzi: " + line }
    writeStandardError(line + "\n")
    exit(code == .validationFailure ? 2 : code.rawValue == 0 ? 1 : code.rawValue)
}
