/// The Unicode scalars of valid UTF-8 that are not white space (Unicode's White_Space
/// property), in order: what the rejoiner promises to keep.
public func nonWhiteSpaceScalars(_ utf8: [UInt8]) -> [Unicode.Scalar] {
    String(decoding: utf8, as: UTF8.self).unicodeScalars.filter { !$0.properties.isWhitespace }
}

/// Where `output` stops holding the scalars of `input` in order (some of `droppable` may be
/// missing): a description of the first scalar lost or added, or nil when none is.
public func firstLostScalar(_ input: [Unicode.Scalar], in output: [Unicode.Scalar], droppable: Set<Unicode.Scalar>) -> String? {
    var j = 0
    for (i, s) in input.enumerated() {
        if j < output.count, output[j] == s { j += 1; continue }
        if droppable.contains(s) { continue }
        let context = String(String.UnicodeScalarView(input[max(0, i - 8)..<min(input.count, i + 8)]))
        return "U+\(String(s.value, radix: 16, uppercase: true)) (non-white-space character \(i)) lost in \(context.debugDescription)"
    }
    if j < output.count { return "U+\(String(output[j].value, radix: 16, uppercase: true)) added" }
    return nil
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
