/// A unified diff (`diff -u` format, three lines of context) between two versions of a text,
/// for `--diff`.
///
/// The line matching is the standard library's `difference(from:)` (Myers' algorithm), so
/// the diff is a shortest edit script, as `diff` and `git diff` give.
public enum UnifiedDiff {
    /// How many unchanged lines surround each change.
    public static let contextLines = 3

    /// The diff from `original` to `changed`, labelled with `originalName` and `changedName`;
    /// empty when the two are the same bytes.
    public static func make(
        original: some Collection<UInt8>, changed: some Collection<UInt8>,
        originalName: String, changedName: String
    ) -> [UInt8] {
        let a = lines(Array(original)), b = lines(Array(changed))
        if a == b { return [] }
        let edits = script(from: a, to: b)
        var output: [UInt8] = Array("--- \(originalName)\n+++ \(changedName)\n".utf8)
        var index = 0
        while index < edits.count {
            guard let firstChange = edits[index...].firstIndex(where: { $0.kind != .same }) else { break }
            var start = max(index, firstChange - contextLines)
            // The hunk runs until more than twice the context of unchanged lines follows.
            var end = firstChange
            var lastChange = firstChange
            while end < edits.count {
                if edits[end].kind != .same {
                    lastChange = end
                } else if end - lastChange > 2 * contextLines {
                    break
                }
                end += 1
            }
            end = min(edits.count, lastChange + contextLines + 1)
            if start < index { start = index }
            appendHunk(edits[start..<end], a: a, b: b, to: &output)
            index = end
        }
        return output
    }

    private struct Line: Equatable {
        var text: ArraySlice<UInt8>
        /// Whether the line ends with `\n` (only the last line of a text may not).
        var terminated: Bool
    }

    private static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(Line(text: bytes[start..<i], terminated: true))
            start = i + 1
        }
        if start < bytes.count { result.append(Line(text: bytes[start...], terminated: false)) }
        return result
    }

    private enum Kind { case same, removed, added }
    private struct Edit { var kind: Kind; var old: Int; var new: Int }

    /// Every line of both texts in order, each marked unchanged, removed or added, with its
    /// position in the old and the new text.
    private static func script(from a: [Line], to b: [Line]) -> [Edit] {
        let difference = b.difference(from: a)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                edits.append(Edit(kind: .removed, old: i, new: j))
                i += 1
            } else if j < b.count, inserted.contains(j) {
                edits.append(Edit(kind: .added, old: i, new: j))
                j += 1
            } else {
                edits.append(Edit(kind: .same, old: i, new: j))
                i += 1
                j += 1
            }
        }
        return edits
    }

    private static func appendHunk(_ edits: ArraySlice<Edit>, a: [Line], b: [Line], to output: inout [UInt8]) {
        let oldCount = edits.filter { $0.kind != .added }.count
        let newCount = edits.filter { $0.kind != .removed }.count
        let first = edits.first!
        // `diff -u` numbers an empty range by the line before it.
        let oldStart = oldCount == 0 ? first.old : first.old + 1
        let newStart = newCount == 0 ? first.new : first.new + 1
        output += Array("@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n".utf8)
        for edit in edits {
            let (marker, line): (UInt8, Line) =
                switch edit.kind {
                case .same: (0x20, a[edit.old])
                case .removed: (0x2D, a[edit.old])
                case .added: (0x2B, b[edit.new])
                }
            output.append(marker)
            output += line.text
            output.append(0x0A)
            if !line.terminated { output += Array("\\ No newline at end of file\n".utf8) }
        }
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }
}
