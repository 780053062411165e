import Foundation

/// Where two conversions of the same input first differ, described for a person: the
/// configuration, the input, the byte offset and both outputs around it, and the first input
/// line (cut at LF or NUL) whose conversions differ, as a small reproducer.
struct ByteMismatch: CustomStringConvertible {
    let configuration: String
    let input: String
    let offset: Int
    let expectedName: String
    let actualName: String
    let expectedContext: String
    let actualContext: String
    let expectedCount: Int
    let actualCount: Int
    var reproducer: String?

    /// `nil` when `actual` equals `expected` byte for byte.
    init?(configuration: String, input: String, expected: [UInt8], actual: [UInt8],
          expectedName: String = "libopencc", actualName: String = "native") {
        guard let offset = ByteMismatch.firstDifference(expected, actual) else { return nil }
        self.configuration = configuration
        self.input = input
        self.offset = offset
        self.expectedName = expectedName
        self.actualName = actualName
        expectedContext = ByteMismatch.context(expected, around: offset)
        actualContext = ByteMismatch.context(actual, around: offset)
        expectedCount = expected.count
        actualCount = actual.count
    }

    /// The offset of the first byte at which `a` and `b` differ (the shorter length when one
    /// is a prefix of the other), or `nil` when they are equal.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        if a == b { return nil }
        let common = min(a.count, b.count)
        return a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                var index = 0
                while index < common && x[index] == y[index] { index += 1 }
                return index
            }
        }
    }

    /// Up to 48 bytes either side of `offset`, widened to scalar boundaries, escaped so that
    /// control characters and NUL are visible; `⟦` marks the offset.
    static func context(_ bytes: [UInt8], around offset: Int, radius: Int = 48) -> String {
        func isContinuation(_ index: Int) -> Bool { index < bytes.count && bytes[index] & 0xC0 == 0x80 }
        var start = max(0, offset - radius)
        while start > 0 && isContinuation(start) { start -= 1 }
        var middle = min(offset, bytes.count)
        while middle > start && isContinuation(middle) { middle -= 1 }
        var end = min(bytes.count, offset + radius)
        while end < bytes.count && isContinuation(end) { end += 1 }
        return escaped(bytes[start..<middle]) + "⟦" + escaped(bytes[middle..<end])
    }

    static func escaped(_ bytes: ArraySlice<UInt8>) -> String {
        var text = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            case 0..<0x20, 0x7F, 0x80..<0xA0, 0x200B...0x200F, 0x2028, 0x2029, 0xFEFF, 0xFE00...0xFE0F, 0xE0100...0xE01EF:
                text += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// Fills ``reproducer`` with the first line of `input` (cut after LF, at NUL) on which the
    /// two conversions differ, shrunk from both ends to the shortest text that still differs.
    mutating func findReproducer(in input: [UInt8], expected: ([UInt8]) -> [UInt8], actual: ([UInt8]) -> [UInt8]) {
        var start = 0
        var lineNumber = 1
        while start < input.count {
            var end = start
            while end < input.count && input[end] != 0x0A && input[end] != 0 { end += 1 }
            let line = Array(input[start..<end])
            if expected(line) != actual(line) {
                let minimal = ByteMismatch.shrink(line) { expected($0) != actual($0) }
                reproducer = """
                input line \(lineNumber) (input byte \(start), \(line.count) bytes), shrunk to \(minimal.count) bytes: \(ByteMismatch.escaped(minimal[...]))
                        \(expectedName): \(ByteMismatch.escaped(expected(minimal)[...]))
                        \(actualName): \(ByteMismatch.escaped(actual(minimal)[...]))
                """
                return
            }
            if end < input.count && input[end] == 0x0A { lineNumber += 1 }
            start = end + 1
        }
        reproducer = "no single line differs on its own: the difference needs context across lines"
    }

    /// The shortest text found by dropping whole scalars from the front, then from the back, of
    /// `text` while `differs` still holds (chunks of halving size).
    static func shrink(_ text: [UInt8], while differs: ([UInt8]) -> Bool) -> [UInt8] {
        var scalars: [[UInt8]] = []
        var index = 0
        while index < text.count {
            var next = index + 1
            while next < text.count && text[next] & 0xC0 == 0x80 { next += 1 }
            scalars.append(Array(text[index..<next]))
            index = next
        }
        func joined(_ part: ArraySlice<[UInt8]>) -> [UInt8] { part.flatMap { $0 } }
        var low = 0, high = scalars.count
        var chunk = max(1, (high - low) / 2)
        while chunk >= 1 {
            if high - low > chunk, differs(joined(scalars[(low + chunk)..<high])) { low += chunk } else { chunk /= 2 }
        }
        chunk = max(1, (high - low) / 2)
        while chunk >= 1 {
            if high - low > chunk, differs(joined(scalars[low..<(high - chunk)])) { high -= chunk } else { chunk /= 2 }
        }
        return joined(scalars[low..<high])
    }

    var description: String {
        var text = """
        \(configuration): \(actualName) differs from \(expectedName) on \(input) at output byte \(offset) \
        (\(expectedName) \(expectedCount) bytes, \(actualName) \(actualCount) bytes)
            \(expectedName): \(expectedContext)
            \(actualName): \(actualContext)
        """
        if let reproducer { text += "\n    first differing " + reproducer }
        return text
    }
}
