import Hanzi

/// What `--check` and `--diff` print for one input whose output differs from it.
enum ChangeReport {
    /// How many changed records of one JSON Lines input `--check` lists before it sums up
    /// the rest, so that a corpus with millions of changes gives a readable report.
    static let maxListedRecords = 100

    /// The report for input `name`, or nil when `output` is the same bytes as `input`.
    /// `--check` gives `name:line:column: original → changed` for the first difference (for
    /// each changed record of JSON Lines); `--diff` a unified diff.
    static func make(name: String, input: [UInt8], output: [UInt8], diff: Bool, jsonl: Bool) -> [UInt8]? {
        guard input != output else { return nil }
        if diff { return UnifiedDiff.make(original: input, changed: output, originalName: name, changedName: name) }
        if jsonl, let records = changedRecords(name: name, input: input, output: output) { return records }
        guard let difference = TextDifference(original: input, changed: output) else { return nil }
        return Array("\(name):\(difference.line):\(difference.column): \(difference.summary)\n".utf8)
    }

    /// One line per changed record when input and output have the same number of lines (one
    /// output record per input record); nil otherwise.
    private static func changedRecords(name: String, input: [UInt8], output: [UInt8]) -> [UInt8]? {
        let before = input.split(separator: 0x0A, omittingEmptySubsequences: false)
        let after = output.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard before.count == after.count else { return nil }
        var report: [UInt8] = []
        var changed = 0
        for (index, (a, b)) in zip(before, after).enumerated() where a != b {
            changed += 1
            guard changed <= maxListedRecords, let difference = TextDifference(original: a, changed: b) else { continue }
            report += Array("\(name):\(index + 1):\(difference.column): \(difference.summary)\n".utf8)
        }
        if changed > maxListedRecords {
            report += Array("\(name): \(changed - maxListedRecords) more records would change\n".utf8)
        }
        return report
    }
}
