/// OpenCC's text dictionary format, read the way OpenCC 1.4.2's `Lexicon` reads it: the one
/// parser of the format, for the native engine (the bundled dictionaries and the user's
/// phrase files) and for the dictionary data that script detection reads.
///
/// A leading byte order mark is skipped; lines end at LF, with one CR before it dropped;
/// empty lines and lines starting with `#` are skipped; the key runs to the first TAB, and
/// the values after it are separated by single spaces, the first being the one conversions
/// use. A CR or NUL inside a line ends it for the key and the values, as in `Lexicon`.
enum OpenCCTextDictionary {
    /// One line's entry: its key and its values, pointing into the dictionary's bytes.
    struct Entry {
        /// The key: the bytes before the TAB. Never empty (lines with an empty key are skipped).
        let key: UnsafeBufferPointer<UInt8>
        /// The values, separated by single spaces: the bytes after the TAB up to the end of
        /// the line (or a CR or NUL before it).
        let values: UnsafeBufferPointer<UInt8>

        /// The first value, the one conversions use: up to the first space; empty when the
        /// TAB is followed by a space or nothing.
        var firstValue: UnsafeBufferPointer<UInt8> {
            var end = 0
            while end < values.count, values[end] != OpenCCTextDictionary.space { end += 1 }
            return UnsafeBufferPointer(rebasing: values[..<end])
        }

        /// Every value, in order, as `Lexicon` splits them (two spaces in a row make an empty
        /// value).
        var allValues: [[UInt8]] {
            values.split(separator: OpenCCTextDictionary.space, omittingEmptySubsequences: false).map(Array.init)
        }
    }

    /// What is wrong with a text dictionary: the file's name, the line when the problem is in
    /// one, and the problem.
    struct FormatError: Error, Sendable, CustomStringConvertible {
        /// The name the caller gave the dictionary (a file name or path).
        let name: String
        /// The 1-based line, or `nil` when the problem is the whole file's (not UTF-8).
        let line: Int?
        /// What is wrong.
        let problem: String

        /// "NAME, line N: PROBLEM", or "NAME: PROBLEM".
        var description: String {
            line.map { "\(name), line \($0): \(problem)" } ?? "\(name): \(problem)"
        }
    }

    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Calls `body` with each entry of the text dictionary `bytes`, in the file's order.
    ///
    /// - Throws: ``FormatError`` naming `name` when the file is not UTF-8 or a line has no TAB;
    ///   `body` has then seen the entries before that line. (A key that appears twice is the
    ///   caller's to find.)
    static func forEachEntry(
        in bytes: UnsafeBufferPointer<UInt8>, name: String, _ body: (Entry) -> Void
    ) throws(FormatError) {
        do {
            _ = try UTF8Validator.validate(bytes)
        } catch {
            throw FormatError(name: name, line: nil, problem: "\(error)")
        }
        guard let base = bytes.baseAddress else { return }
        let size = bytes.count
        var offset = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        var lineNumber = 0
        // Where `Lexicon` stops reading a line: a CR (of a CR not before the LF) or a NUL.
        func stops(_ byte: UInt8) -> Bool { byte == 0x0D || byte == 0x00 }
        while offset < size {
            lineNumber += 1
            var lineEnd = offset
            while lineEnd < size, base[lineEnd] != 0x0A { lineEnd += 1 }
            var end = lineEnd
            if end > offset, base[end - 1] == 0x0D { end -= 1 }
            defer { offset = lineEnd + 1 }
            if end == offset || base[offset] == UInt8(ascii: "#") { continue }
            var keyEnd = offset
            while keyEnd < end, base[keyEnd] != tab, !stops(base[keyEnd]) { keyEnd += 1 }
            guard keyEnd < end, base[keyEnd] == tab else {
                throw FormatError(name: name, line: lineNumber, problem: "no TAB between key and value")
            }
            guard keyEnd > offset else { continue }
            let valuesStart = keyEnd + 1
            var valuesEnd = valuesStart
            while valuesEnd < end, !stops(base[valuesEnd]) { valuesEnd += 1 }
            body(Entry(
                key: UnsafeBufferPointer(start: base + offset, count: keyEnd - offset),
                values: UnsafeBufferPointer(start: base + valuesStart, count: valuesEnd - valuesStart)))
        }
    }
}
