import HanziCore

/// Rewrites chosen string fields of a JSON Lines record and keeps every other byte of it.
///
/// The record must be one JSON object; it is validated in full (RFC 8259). The string values of
/// the named top-level fields are decoded (escapes, surrogate pairs), passed to the transform,
/// and written back; everything else (other fields, their order, number spelling, white space,
/// escapes in unchanged strings) is copied byte for byte. A field whose value is not a string,
/// or that the transform leaves unchanged, is copied unchanged too; with
/// ``requiresStringFields``, a named field that is missing or not a string makes the record
/// invalid instead.
///
/// A rewritten value is written as raw UTF-8 with the escapes JSON requires (`\"`, `\\`,
/// control characters); when the original value was written in ASCII only with `\u` escapes
/// (as Python's `json.dumps` does by default), the rewritten value is written that way as well.
///
/// ```swift
/// let rewriter = JSONLineRewriter(fields: ["text"])
/// var out: [UInt8] = []
/// try rewriter.rewrite(Array(#"{"id":7,"text":"漢字"}"#.utf8), into: &out) { value in
///     Array(String(decoding: value, as: UTF8.self).uppercased().utf8)
/// }
/// ```
public struct JSONLineRewriter: Sendable {
    /// The names of the top-level fields whose string values are rewritten.
    public let fields: [String]
    /// Whether every named field must be present with a string value (else ``JSONRecordError``
    /// of kind ``JSONRecordError/Kind/field``).
    public let requiresStringFields: Bool
    private let fieldBytes: [[UInt8]]

    /// A rewriter of the top-level string fields named `fields` (a name given twice counts once).
    public init(fields: [String], requiresStringFields: Bool = false) {
        var unique: [String] = []
        for field in fields where !unique.contains(field) { unique.append(field) }
        self.fields = unique
        self.requiresStringFields = requiresStringFields
        self.fieldBytes = unique.map { Array($0.utf8) }
    }

    /// ``rewrite(_:into:transform:)`` over a buffer, for the JSON Lines stream.
    @discardableResult
    func rewrite(
        _ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8],
        transform: ([UInt8]) -> [UInt8]
    ) throws(JSONRecordError) -> Int {
        let mark = output.count
        do {
            return try rewriteUnchecked(line, into: &output, transform: transform)
        } catch {
            output.removeSubrange(mark...)
            throw error
        }
    }

    /// Validates `line` (one record, without its line break: an array, `Data`, a slice) and
    /// appends it to `output` with the named fields' values passed through `transform` (which
    /// gets and returns UTF-8).
    ///
    /// A line of white space only is copied unchanged.
    /// - Returns: how many field values the transform changed.
    /// - Throws: ``JSONRecordError`` when the line is not one valid JSON object; `output` is then
    ///   left as it was.
    @discardableResult
    public func rewrite(
        _ line: some Collection<UInt8>, into output: inout [UInt8], transform: ([UInt8]) -> [UInt8]
    ) throws(JSONRecordError) -> Int {
        let outcome = line.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONRecordError) -> Int in try rewrite(buffer, into: &output, transform: transform) }
        }
        if let outcome { return try outcome.get() }
        return try Array(line).withUnsafeBufferPointer { buffer in
            Result { () throws(JSONRecordError) -> Int in try rewrite(buffer, into: &output, transform: transform) }
        }.get()
    }

    private func rewriteUnchecked(
        _ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8],
        transform: ([UInt8]) -> [UInt8]
    ) throws(JSONRecordError) -> Int {
        var scanner = JSONScanner(line)
        scanner.skipWhitespace()
        if scanner.atEnd {
            output.append(contentsOf: line)
            return 0
        }
        guard scanner.peek == UInt8(ascii: "{") else {
            throw scanner.error("a JSON object was expected")
        }
        scanner.index += 1
        var copiedUpTo = 0
        var changed = 0
        var found = FoundFields(count: requiresStringFields ? fieldBytes.count : 0)
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.index += 1
        } else {
            while true {
                scanner.skipWhitespace()
                guard scanner.peek == UInt8(ascii: "\"") else { throw scanner.error("a field name was expected") }
                let key = try scanner.scanString()
                scanner.skipWhitespace()
                guard scanner.peek == UInt8(ascii: ":") else { throw scanner.error("':' was expected") }
                scanner.index += 1
                scanner.skipWhitespace()
                let selected = requiresStringFields || scanner.peek == UInt8(ascii: "\"")
                    ? fieldIndex(key, in: line) : nil
                if let selected, requiresStringFields {
                    guard scanner.peek == UInt8(ascii: "\"") else {
                        let start = scanner.index, kind = scanner.valueKind
                        try scanner.skipValue()  // a malformed value is a syntax error
                        throw JSONRecordError(offset: start, kind: .field,
                                            reason: "the field \"\(fields[selected])\" is \(kind), not a string")
                    }
                    found.insert(selected)
                }
                if selected != nil {
                    let value = try scanner.scanString()
                    let decoded = JSONString.decode(line, value)
                    // A value with lone surrogates whose text also uses the private-use scalars
                    // standing for them is kept as it is: they could not be told apart.
                    let result = value.loneSurrogates > 0
                        && JSONString.loneSurrogateRangeCount(decoded) != value.loneSurrogates
                        ? decoded : transform(decoded)
                    if result != decoded {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: line[copiedUpTo..<value.start]))
                        let asciiOnly = value.hasEscapes && !JSONString.hasNonASCII(line, value)
                            && decoded.contains(where: { $0 >= 0x80 })
                        JSONString.encode(result, asciiOnly: asciiOnly, loneSurrogates: value.loneSurrogates > 0, into: &output)
                        copiedUpTo = value.end
                        changed += 1
                    }
                } else {
                    try scanner.skipValue()
                }
                scanner.skipWhitespace()
                guard let c = scanner.peek else { throw scanner.error("',' or '}' was expected") }
                scanner.index += 1
                if c == UInt8(ascii: ",") { continue }
                if c == UInt8(ascii: "}") { break }
                scanner.index -= 1
                throw scanner.error("',' or '}' was expected")
            }
        }
        scanner.skipWhitespace()
        if !scanner.atEnd { throw scanner.error("the line goes on after the object") }
        if let missing = found.firstMissing {
            throw JSONRecordError(offset: 0, kind: .field, reason: "the field \"\(fields[missing])\" is missing")
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: line[copiedUpTo...]))
        return changed
    }

    /// The index in ``fields`` of the field named by `key`, if it is one of them.
    private func fieldIndex(_ key: JSONScanner.StringSpan, in line: UnsafeBufferPointer<UInt8>) -> Int? {
        if key.hasEscapes {
            let name = JSONString.decode(line, key)
            return fieldBytes.firstIndex(of: name)
        }
        let raw = UnsafeBufferPointer(rebasing: line[(key.start + 1)..<(key.end - 1)])
        return fieldBytes.firstIndex { $0.elementsEqual(raw) }
    }
}

/// Which of the named fields a record has with a string value: a bit mask, and an array only
/// when more than 64 fields are named (so that the common case allocates nothing per record).
private struct FoundFields {
    private let count: Int
    private var mask: UInt64 = 0
    private var more: [Bool]

    init(count: Int) {
        self.count = count
        self.more = count > 64 ? [Bool](repeating: false, count: count - 64) : []
    }

    mutating func insert(_ k: Int) {
        if k < 64 { mask |= 1 << UInt64(k) } else { more[k - 64] = true }
    }

    /// The first field not found, if any.
    var firstMissing: Int? {
        for k in 0..<min(count, 64) where mask & (1 << UInt64(k)) == 0 { return k }
        return more.firstIndex(of: false).map { $0 + 64 }
    }
}

/// The earlier name of ``JSONRecordError``, too close to ``JSONLinesError``.
@available(*, deprecated, renamed: "JSONRecordError")
public typealias JSONLineError = JSONRecordError

/// What is wrong inside one JSON Lines record (not UTF-8, not one valid JSON object, or
/// without a string value for a field that must have one), at a byte offset of the line.
/// ``JSONLinesError`` adds the line's number in the stream.
public struct JSONRecordError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What makes a record invalid.
    public enum Kind: Sendable, Equatable {
        /// Not one valid JSON object.
        case syntax
        /// Not valid UTF-8.
        case encoding
        /// A named field is missing or its value is not a string.
        case field
    }

    /// The 0-based byte offset in the line where the problem was found.
    public var offset: Int
    /// What kind of problem it is.
    public var kind: Kind
    /// What was wrong.
    public var reason: String

    public init(offset: Int, kind: Kind = .syntax, reason: String) {
        self.offset = offset
        self.kind = kind
        self.reason = reason
    }

    public var description: String {
        switch kind {
        case .syntax: "invalid JSON at byte \(offset) of the line: \(reason)"
        case .encoding: "invalid UTF-8 at byte \(offset) of the line: \(reason)"
        case .field: reason
        }
    }
}

/// A validating JSON scanner over bytes (RFC 8259), without recursion (any nesting depth).
struct JSONScanner {
    struct StringSpan {
        /// The offset of the opening quote.
        var start: Int
        /// The offset just after the closing quote.
        var end: Int
        var hasEscapes: Bool
        /// Whether the string escapes a UTF-16 surrogate that is not half of a pair (`\ud800`
        /// alone): JSON's grammar allows it, and scraped data has it.
        var loneSurrogates = 0
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// What the value starting here is, in words ("null", "a number", ...), for messages.
    var valueKind: String {
        switch peek {
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        default: "a number"
        }
    }

    func error(_ reason: String) -> JSONRecordError {
        JSONRecordError(offset: index, reason: atEnd ? reason + " (the line ended)" : reason)
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Scans a string starting at its opening quote.
    mutating func scanString() throws(JSONRecordError) -> StringSpan {
        let start = index
        index += 1
        var escapes = false
        var loneSurrogates = 0
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "\"") {
                index += 1
                return StringSpan(start: start, end: index, hasEscapes: escapes, loneSurrogates: loneSurrogates)
            }
            if c < 0x20 { throw error("a control character must be escaped in a string") }
            if c == UInt8(ascii: "\\") {
                escapes = true
                index += 1
                guard let e = peek else { break }
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    index += 1
                    let unit = try hex4()
                    if (0xD800...0xDBFF).contains(unit), JSONString.lowSurrogate(bytes, at: index) != nil {
                        index += 6
                    } else if (0xD800...0xDFFF).contains(unit) {
                        loneSurrogates += 1
                    }
                default:
                    throw error("unknown escape")
                }
                continue
            }
            index += 1
        }
        index = bytes.count
        throw error("unterminated string")
    }

    private mutating func hex4() throws(JSONRecordError) -> UInt32 {
        guard index + 4 <= bytes.count else { index = bytes.count; throw error("\\u needs four hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let d = JSONString.hexValue(bytes[index]) else { throw error("\\u needs four hex digits") }
            v = v << 4 | d
            index += 1
        }
        return v
    }

    private mutating func digits() -> Int {
        let from = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        return index - from
    }

    mutating func scanNumber() throws(JSONRecordError) {
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, first >= 0x30, first <= 0x39 else { throw error("a digit was expected") }
        if first == 0x30 {
            index += 1
        } else {
            _ = digits()
        }
        if peek == UInt8(ascii: ".") {
            index += 1
            if digits() == 0 { throw error("a digit was expected after '.'") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { throw error("a digit was expected in the exponent") }
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONRecordError) {
        let n = word.utf8CodeUnitCount
        let p = word.utf8Start
        guard index + n <= bytes.count else { throw error("a value was expected") }
        for k in 0..<n where bytes[index + k] != p[k] { throw error("a value was expected") }
        index += n
    }

    /// Scans `"name" :` inside an object.
    private mutating func memberName() throws(JSONRecordError) {
        skipWhitespace()
        guard peek == UInt8(ascii: "\"") else { throw error("a field name was expected") }
        _ = try scanString()
        skipWhitespace()
        guard peek == UInt8(ascii: ":") else { throw error("':' was expected") }
        index += 1
    }

    /// Scans one value of any kind and nesting depth.
    mutating func skipValue() throws(JSONRecordError) {
        var stack: [Bool] = []  // true: object, false: array
        while true {
            // A value is expected here.
            skipWhitespace()
            guard let c = peek else { throw error("a value was expected") }
            var opened = false
            switch c {
            case UInt8(ascii: "{"):
                index += 1
                skipWhitespace()
                if peek == UInt8(ascii: "}") {
                    index += 1
                } else {
                    stack.append(true)
                    try memberName()
                    opened = true
                }
            case UInt8(ascii: "["):
                index += 1
                skipWhitespace()
                if peek == UInt8(ascii: "]") {
                    index += 1
                } else {
                    stack.append(false)
                    opened = true
                }
            case UInt8(ascii: "\""): _ = try scanString()
            case UInt8(ascii: "-"), 0x30...0x39: try scanNumber()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default: throw error("a value was expected")
            }
            if opened { continue }
            // After a value: close containers or go on to the next element.
            while let isObject = stack.last {
                skipWhitespace()
                guard let d = peek else { throw error(isObject ? "',' or '}' was expected" : "',' or ']' was expected") }
                if d == UInt8(ascii: ",") {
                    index += 1
                    if isObject { try memberName() }
                    break
                }
                if d == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    stack.removeLast()
                    continue
                }
                throw error(isObject ? "',' or '}' was expected" : "',' or ']' was expected")
            }
            if stack.isEmpty { return }
        }
    }
}

/// Decoding and encoding of JSON string contents.
enum JSONString {
    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: UInt32(c - 0x30)
        case 0x41...0x46: UInt32(c - 0x41 + 10)
        case 0x61...0x66: UInt32(c - 0x61 + 10)
        default: nil
        }
    }

    static func hasNonASCII(_ line: UnsafeBufferPointer<UInt8>, _ span: JSONScanner.StringSpan) -> Bool {
        line[(span.start + 1)..<(span.end - 1)].contains { $0 >= 0x80 }
    }

    /// The UTF-8 of a scanned (so valid) string's value.
    static func decode(_ line: UnsafeBufferPointer<UInt8>, _ span: JSONScanner.StringSpan) -> [UInt8] {
        let body = UnsafeBufferPointer(rebasing: line[(span.start + 1)..<(span.end - 1)])
        if !span.hasEscapes { return Array(body) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = 0
        func hex4(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in 0..<4 { v = v << 4 | (hexValue(body[at + k]) ?? 0) }
            return v
        }
        while i < body.count {
            // Copy the run up to the next escape in one go.
            var j = i
            while j < body.count, body[j] != UInt8(ascii: "\\") { j += 1 }
            if j > i {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: body[i..<j]))
                i = j
                continue
            }
            let e = body[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(i)
                i += 4
                if (0xD800...0xDBFF).contains(scalar), let low = lowSurrogate(body, at: i) {
                    i += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xD800...0xDFFF).contains(scalar) {
                    // A lone surrogate has no UTF-8: a private-use scalar stands for it while the
                    // value is transformed, and ``encode`` writes it back as the same escape.
                    scalar = loneSurrogateBase + (scalar - 0xD800)
                }
                UTF8Codec.encode(scalar, into: &out)
            default: out.append(e)  // " \ /
            }
        }
        return out
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The private-use scalars (U+10F800 to U+10FFFF, the end of Supplementary Private Use
    /// Area-B) that stand for lone surrogate escapes U+D800 to U+DFFF inside a decoded value.
    static let loneSurrogateBase: UInt32 = 0x10_F800

    /// The low surrogate of a `\uDC00`–`\uDFFF` escape at `index`, if there is one.
    static func lowSurrogate(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
        guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
            return nil
        }
        var v: UInt32 = 0
        for k in 2..<6 {
            guard let d = hexValue(bytes[index + k]) else { return nil }
            v = v << 4 | d
        }
        return (0xDC00...0xDFFF).contains(v) ? v : nil
    }

    /// How many scalars of the lone-surrogate range decoded UTF-8 holds.
    static func loneSurrogateRangeCount(_ value: [UInt8]) -> Int {
        // U+10F800 and above: F4 8F A0 80 to F4 8F BF BF.
        var count = 0
        var i = 0
        while let lead = value[i...].firstIndex(of: 0xF4) {
            if lead + 2 < value.count, value[lead + 1] == 0x8F, value[lead + 2] >= 0xA0 { count += 1 }
            i = lead + 1
        }
        return count
    }

    private static func appendEscape(_ unit: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hexDigits[Int(unit >> UInt32(shift) & 0xF)])
        }
    }

    /// Appends `value` (valid UTF-8) as a quoted JSON string.
    ///
    /// With `loneSurrogates`, the private-use scalars ``decode`` put for lone surrogate
    /// escapes are written back as those escapes.
    static func encode(_ value: [UInt8], asciiOnly: Bool, loneSurrogates: Bool = false, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        out.reserveCapacity(out.count + value.count + 2)
        var i = 0
        let n = value.count
        while i < n {
            if !asciiOnly {
                // Copy the run of bytes that need no escape in one go.
                var j = i
                while j < n, value[j] >= 0x20, value[j] != UInt8(ascii: "\""), value[j] != UInt8(ascii: "\\"),
                      !loneSurrogates || value[j] != 0xF4 { j += 1 }
                if j > i {
                    out.append(contentsOf: value[i..<j])
                    i = j
                    continue
                }
            }
            let c = value[i]
            switch c {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(c); i += 1
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(c); i += 1
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n")); i += 1
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r")); i += 1
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t")); i += 1
            case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b")); i += 1
            case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f")); i += 1
            case 0..<0x20: appendEscape(UInt32(c), to: &out); i += 1
            case 0x20..<0x80: out.append(c); i += 1
            default:
                if loneSurrogates, c == 0xF4 {
                    let (scalar, length) = value.withUnsafeBufferPointer { UTF8Codec.decode($0, i) }
                    if scalar >= loneSurrogateBase, scalar <= 0x10FFFF {
                        appendEscape(scalar - loneSurrogateBase + 0xD800, to: &out)
                        i += length
                        continue
                    }
                }
                if !asciiOnly {
                    // The decoded length, not the lead byte's nominal one: a lead byte that starts
                    // no well-formed sequence is copied alone, so the bytes after it (a quote, a
                    // scalar standing for a lone surrogate) are still escaped.
                    let (_, length) = value.withUnsafeBufferPointer { UTF8Codec.decode($0, i) }
                    out.append(contentsOf: value[i..<i + length])
                    i += length
                } else {
                    // A byte that starts no well-formed sequence has no \u escape: U+FFFD stands for it.
                    let (scalar, length) = value.withUnsafeBufferPointer { UTF8Codec.decode($0, i) }
                    let v = scalar >= UTF8Codec.invalidByteBase ? replacementCharacter : scalar
                    if v >= 0x10000 {
                        let u = v - 0x10000
                        appendEscape(0xD800 + (u >> 10), to: &out)
                        appendEscape(0xDC00 + (u & 0x3FF), to: &out)
                    } else {
                        appendEscape(v, to: &out)
                    }
                    i += length
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// U+FFFD REPLACEMENT CHARACTER.
    private static let replacementCharacter: UInt32 = 0xFFFD
}

extension JSONLineRewriter {
    /// Appends `value` (UTF-8) as a quoted JSON string, escaping only what JSON requires.
    public static func encodeString(_ value: [UInt8], into output: inout [UInt8]) {
        JSONString.encode(value, asciiOnly: false, into: &output)
    }
}
