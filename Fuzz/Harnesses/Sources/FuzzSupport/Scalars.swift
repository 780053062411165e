/// The Unicode scalars of valid UTF-8 that are not white space (Unicode's White_Space
/// property), in order: what the rejoiner promises to keep.
public func nonWhiteSpaceScalars(_ utf8: [UInt8]) -> [Unicode.Scalar] {
    String(decoding: utf8, as: UTF8.self).unicodeScalars.filter { !$0.properties.isWhitespace }
}

/// Whether the scalar at `index` of `scalars` ends a line: only white space follows it up to a
/// line break (LF, CR, VT, FF, NEL, U+2028, U+2029: the breaks the rejoiner recognises).
public func endsLine(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    var k = index + 1
    while k < scalars.count, scalars[k].properties.isWhitespace {
        switch scalars[k].value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: k += 1
        }
    }
    return false
}

/// Where the non-white-space scalars of `output` stop being those of `input` in order, both
/// valid UTF-8: a description of the first scalar lost or added, or nil when none is. An input
/// scalar for which `droppable(scalar, endsLine)` is true may be missing; `endsLine` says
/// whether it ends a line of the input (see ``endsLine(_:at:)``).
public func firstLostScalar(
    _ input: [UInt8], in output: [UInt8], droppable: (Unicode.Scalar, _ endsLine: Bool) -> Bool = { _, _ in false }
) -> String? {
    let all = Array(String(decoding: input, as: UTF8.self).unicodeScalars)
    let kept = nonWhiteSpaceScalars(output)
    var j = 0
    var n = 0
    for (i, s) in all.enumerated() where !s.properties.isWhitespace {
        defer { n += 1 }
        if j < kept.count, kept[j] == s { j += 1; continue }
        if droppable(s, endsLine(all, at: i)) { continue }
        let context = String(String.UnicodeScalarView(all[max(0, i - 8)..<min(all.count, i + 8)]))
        return "U+\(String(s.value, radix: 16, uppercase: true)) (non-white-space character \(n)) lost in \(context.debugDescription)"
    }
    if j < kept.count { return "U+\(String(kept[j].value, radix: 16, uppercase: true)) added" }
    return nil
}

/// What the rejoiner may drop (its documented invariant): at a line end, a soft hyphen and the
/// hyphen (U+002D or U+2010) of a dehyphenated word.
public func rejoinerMayDrop(_ scalar: Unicode.Scalar, endsLine: Bool) -> Bool {
    endsLine && (scalar == "\u{AD}" || scalar == "-" || scalar == "\u{2010}")
}

/// The first error of the standard library's UTF-8 decoder in `bytes`: its offset and the
/// length of the maximal ill-formed subpart, or nil when `bytes` are valid.
public func standardLibraryFirstError(_ bytes: [UInt8]) -> (offset: Int, length: Int)? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let encoded): offset += encoded.count
        case .error(let length): return (offset, length)
        case .emptyInput: return nil
        }
    }
}

/// Whether `tail` is the start of a well-formed UTF-8 character cut before its end: some
/// completion makes it a character the standard library decodes.
public func isCutCharacter(_ tail: ArraySlice<UInt8>) -> Bool {
    guard let lead = tail.first else { return false }
    let length = switch lead { case 0xC2...0xDF: 2; case 0xE0...0xEF: 3; case 0xF0...0xF4: 4; default: 0 }
    guard tail.count < length else { return false }
    let seconds: [UInt8] = tail.count >= 2 ? [tail[tail.startIndex + 1]] : Array(0x80...0xBF)
    return seconds.contains { second in
        var candidate = [lead, second] + Array(tail.dropFirst(2))
        while candidate.count < length { candidate.append(0x80) }
        return standardLibraryFirstError(candidate) == nil
    }
}
