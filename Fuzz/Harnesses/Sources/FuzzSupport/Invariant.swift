#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops the run when `condition` is false: prints what broke, with the first difference when
/// two byte strings are given, and aborts, so that libFuzzer saves the input as a crash file.
///
/// An invariant with an `id` listed in the environment variable `HANZI_FUZZ_KNOWN_OPEN`
/// (comma-separated; scripts/fuzz.sh sets it from Fuzz/known-open.txt) is a known open defect
/// with a disabled regression test: it is reported once per run and does not stop the run, so
/// that the harness goes on checking its other invariants.
public func invariant(
    _ condition: @autoclosure () -> Bool, _ what: @autoclosure () -> String, id: String? = nil,
    expected: [UInt8]? = nil, actual: [UInt8]? = nil
) {
    if condition() { return }
    var report = "invariant broken: \(what())\n"
    if let expected, let actual { report += firstDifference(expected, actual) }
    if let id, KnownOpen.ids.contains(id) {
        if KnownOpen.firstReport(id) { printError("known open (\(id)), not stopping: " + report) }
        return
    }
    printError(report)
    abort()
}

/// Stops the run when `actual` is not byte for byte `expected`.
public func invariantEqual(
    _ expected: [UInt8], _ actual: [UInt8], _ what: @autoclosure () -> String, id: String? = nil
) {
    invariant(expected == actual, what(), id: id, expected: expected, actual: actual)
}

/// The invariants known to be broken, from the environment.
enum KnownOpen {
    static let ids: Set<String> = Set(
        (getenv("HANZI_FUZZ_KNOWN_OPEN").map { String(cString: $0) } ?? "")
            .split(separator: ",").map { String($0) })
    /// Whether `id` is reported for the first time in this process (libFuzzer runs one input at
    /// a time on one thread, the only caller).
    nonisolated(unsafe) private static var reported: Set<String> = []
    static func firstReport(_ id: String) -> Bool { reported.insert(id).inserted }
}

func printError(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

/// Where two byte strings first differ, with the bytes around it in hex and as text.
public func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    var i = 0
    while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
    func excerpt(_ x: [UInt8]) -> String {
        let window = x[max(0, i - 24)..<min(x.count, i + 24)]
        let hex = window.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        return "\(hex)  \"\(String(decoding: window, as: UTF8.self).debugDescription.dropFirst().dropLast())\""
    }
    return "lengths \(a.count) and \(b.count), first difference at byte \(i)\n  expected: \(excerpt(a))\n  actual:   \(excerpt(b))\n"
}
