import FuzzSupport
import Hanzi

/// The UTF-8 validators, over any bytes.
/// Invariants: ``UTF8Validator`` accepts exactly what the standard library decodes without
/// error, and reports the first error at the standard library's offset; with an incomplete
/// tail allowed, it stops exactly before a valid but cut last character; the stream validator
/// fed in input-derived chunks passes on the input (a leading byte order mark dropped when
/// asked) and fails at the same offset as the one-shot validator.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUTF8(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let bytes = input.raw
    let expected = standardLibraryFirstError(bytes)

    var oneShotError: InvalidUTF8Error?
    do {
        let count = try UTF8Validator.validate(bytes)
        invariant(count == bytes.count, "validate: returns the whole count")
        invariant(expected == nil, "validate: accepts what the standard library rejects at \(expected!.offset)")
    } catch {
        oneShotError = error
        invariant(expected != nil, "validate: rejects valid UTF-8 at \(error.byteOffset)")
        invariant(error.byteOffset == expected!.offset,
                  "validate: error at \(error.byteOffset), the standard library's at \(expected!.offset)")
    }

    // A cut last character: the first error is the start of a character the input's end cuts.
    let cutTail = expected.map { isCutCharacter(bytes[$0.offset...]) } ?? false
    do {
        let count = try UTF8Validator.validate(bytes, allowingIncompleteTail: true)
        if let expected {
            invariant(cutTail, "validate(allowingIncompleteTail:): accepts an error at \(expected.offset) that is not a cut tail")
            invariant(count == expected.offset, "validate(allowingIncompleteTail:): stops at \(count), not \(expected.offset)")
        } else {
            invariant(count == bytes.count, "validate(allowingIncompleteTail:): returns the whole count")
        }
    } catch {
        invariant(expected != nil && !cutTail && error.byteOffset == expected!.offset,
                  "validate(allowingIncompleteTail:): error at \(error.byteOffset)")
    }

    for dropsByteOrderMark in [true, false] {
        var validator = UTF8StreamValidator(dropsByteOrderMark: dropsByteOrderMark)
        var passed: [UInt8] = []
        var streamError: InvalidUTF8Error?
        do {
            for chunk in input.chunks(of: bytes, salt: dropsByteOrderMark ? 1 : 2) {
                try validator.validate(chunk, appendingTo: &passed)
            }
            try validator.finish()
        } catch {
            streamError = error
        }
        invariant(streamError?.byteOffset == oneShotError?.byteOffset,
                  "stream validator: error at \(streamError.map { "\($0.byteOffset)" } ?? "none"), one-shot at \(oneShotError.map { "\($0.byteOffset)" } ?? "none")")
        invariant(streamError?.reason == oneShotError?.reason, "stream validator: same reason as one-shot")
        if streamError == nil {
            let dropped = dropsByteOrderMark && bytes.starts(with: UTF8StreamValidator.byteOrderMark)
            invariantEqual(dropped ? Array(bytes.dropFirst(3)) : bytes, passed, "stream validator: passes the input on")
        } else {
            // What was passed on before the error is the valid start of the input.
            let start = dropsByteOrderMark && bytes.starts(with: UTF8StreamValidator.byteOrderMark) ? 3 : 0
            invariant(passed.count <= streamError!.byteOffset - start
                      && Array(bytes[start..<(start + passed.count)]) == passed,
                      "stream validator: passes on only the valid start before an error")
        }
    }
    return 0
}

@main
enum FuzzUTF8Main {
    static func main() { runLibFuzzer(fuzzUTF8) }
}
