/// The command line as the process got it: bytes, which need not be UTF-8 (a file name in GBK).
///
/// The argument parser takes `String`s, in which such bytes would become U+FFFD and the name
/// would be lost. So every run of bytes that is not UTF-8 is handed to the parser as a token
/// (U+FDD0, its number, U+FDD1: noncharacters, which no file name or option uses) and kept
/// here; ``PathBytes/init(argument:)`` puts the bytes back. A path thus goes from `argv` to
/// `open` as the same bytes, whatever the parser does with the rest of the argument.
enum RawArguments {
    /// The arguments after the program's name, as the parser gets them.
    static let parseable: [String] = table.arguments

    /// The byte runs the tokens stand for, in token order.
    private static let runs: [[UInt8]] = table.runs

    private static let tokenStart = Unicode.Scalar(0xFDD0 as UInt32)!
    private static let tokenEnd = Unicode.Scalar(0xFDD1 as UInt32)!

    private static let table: (arguments: [String], runs: [[UInt8]]) = {
        var arguments: [String] = []
        var runs: [[UInt8]] = []
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index] else { continue }
            var bytes: [UInt8] = []
            var p = raw
            while p.pointee != 0 {
                bytes.append(UInt8(bitPattern: p.pointee))
                p += 1
            }
            arguments.append(tokenized(bytes, runs: &runs))
        }
        return (arguments, runs)
    }()

    /// `bytes` decoded, with each run of bytes that is not UTF-8 replaced by a token.
    private static func tokenized(_ bytes: [UInt8], runs: inout [[UInt8]]) -> String {
        var scalars = String.UnicodeScalarView()
        var invalid: [UInt8] = []
        func endRun() {
            guard !invalid.isEmpty else { return }
            scalars.append(tokenStart)
            scalars.append(contentsOf: String(runs.count).unicodeScalars)
            scalars.append(tokenEnd)
            runs.append(invalid)
            invalid = []
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                endRun()
                scalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                invalid += bytes[offset..<(offset + length)]
                offset += length
            case .emptyInput:
                break loop
            }
        }
        endRun()
        return String(scalars)
    }

    /// The bytes of an argument the parser gave back (all of it, or the value part of
    /// `--option=value`): its tokens replaced by the bytes they stand for.
    static func bytes(of argument: String) -> [UInt8] {
        guard argument.unicodeScalars.contains(tokenStart) else { return Array(argument.utf8) }
        var bytes: [UInt8] = []
        var scalars = argument.unicodeScalars[...]
        while let start = scalars.firstIndex(of: tokenStart) {
            bytes += String(scalars[..<start]).utf8
            let rest = scalars[scalars.index(after: start)...]
            guard let end = rest.firstIndex(of: tokenEnd), let k = Int(String(rest[..<end])), k < runs.count else {
                // Not a token of ours: the character itself.
                bytes += String(scalars[start]).utf8
                scalars = rest
                continue
            }
            bytes += runs[k]
            scalars = rest[rest.index(after: end)...]
        }
        bytes += String(scalars).utf8
        return bytes
    }
}
