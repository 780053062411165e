import Foundation
import FuzzSupport
import Hanzi

/// The field names a record's fields are selected by, picked by the options byte.
let fieldSets: [[String]] = [["text"], ["text", "title"], ["a"], [""], ["\u{4E2D}", "b\"c"]]
/// What the rewriting transform puts before every value: a quote, a backslash, a control
/// character, a line break and CJK, all of which the encoder must escape or keep.
let marker: [UInt8] = Array("「\"\\\u{1}\n\u{2028}」".utf8)

/// The JSON record rewriter, over any bytes. Options byte: the field names.
/// Invariants: with the identity transform the output is the input, byte for byte, and nothing
/// counts as changed; a rejected line leaves the output as it was; with a transform that
/// changes every value the output is a record the rewriter reads back with exactly the
/// transformed values; Foundation's JSON parser agrees with what is accepted (see below) and
/// reads the output's selected fields as the transformed values.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let fields = input.pick(fieldSets, shift: 0)
    let rewriter = JSONLineRewriter(fields: fields)
    let line = input.payload

    var identity: [UInt8] = [0x7B]
    let accepted: Bool
    do {
        let changed = try rewriter.rewrite(line, into: &identity) { $0 }
        invariant(changed == 0, "rewrite: the identity transform changes nothing")
        invariantEqual([0x7B] + line, identity, "rewrite: the identity transform copies the line")
        accepted = true
    } catch {
        invariantEqual([0x7B], identity, "rewrite: a rejected line leaves the output as it was")
        accepted = false
    }

    // Foundation's parser as a second opinion, on plain valid UTF-8 only (it guesses UTF-16 and
    // UTF-32 from NUL bytes and skips a byte order mark). It is more lenient than JSON (it takes
    // a trailing comma), so: what the rewriter accepts Foundation reads, and what Foundation
    // reads, written back by Foundation as strict JSON, the rewriter accepts.
    let plain = !line.contains(0) && standardLibraryFirstError(line) == nil
        && !line.starts(with: [0xEF, 0xBB, 0xBF])
    let blank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    var foundationObject: [String: Any]?
    var foundationRefusal = ""
    if plain {
        do {
            foundationObject = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
        } catch {
            foundationRefusal = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        }
    }
    // Foundation also refuses numbers beyond a Double (`1e400`) and lone surrogate escapes
    // (`"\ud800"`, `"\udc00"`), which the JSON grammar allows and the rewriter rightly copies
    // unchanged: a line with a lone surrogate escape is not Foundation's to judge.
    let loneSurrogate = hasLoneSurrogateEscape(line)
    let grammaticalRefusal = foundationRefusal.contains("is not representable") || loneSurrogate
    if plain && accepted && !blank && !grammaticalRefusal {
        invariant(foundationObject != nil, "rewrite: accepts a line Foundation cannot read as an object: \(foundationRefusal)")
    }
    if let foundationObject, let strict = try? JSONSerialization.data(withJSONObject: foundationObject) {
        var ignored: [UInt8] = []
        do {
            try rewriter.rewrite(Array(strict), into: &ignored) { $0 }
        } catch {
            invariant(false, "rewrite: rejects Foundation's JSON \(String(decoding: strict, as: UTF8.self)): \(error)")
        }
    }
    guard accepted else { return 0 }

    var originals: [[UInt8]] = []
    var rewritten: [UInt8] = []
    let changed = try! rewriter.rewrite(line, into: &rewritten) { value in
        originals.append(value)
        return marker + value
    }
    invariant(changed == originals.count, "rewrite: counts every changed value")
    var readBack: [[UInt8]] = []
    do {
        try rewriter.rewrite(rewritten, into: &identity) { value in
            readBack.append(value)
            return value
        }
    } catch {
        invariant(false, "rewrite: its output is not a record: \(error)", expected: line, actual: rewritten)
    }
    invariant(readBack.count == originals.count, "rewrite: the output has as many selected values",
              id: "jsonline.rewrite.readback")
    for (original, back) in zip(originals, readBack) where standardLibraryFirstError(original) == nil {
        invariantEqual(marker + original, back, "rewrite: the output holds the transformed value")
    }

    if let before = foundationObject, !loneSurrogate {
        let after = (try? JSONSerialization.jsonObject(with: Data(rewritten))) as? [String: Any]
        invariant(after != nil, "rewrite: Foundation cannot read the output", expected: line, actual: rewritten)
        for field in fields {
            guard let old = before[field] as? String else { continue }
            let new = after![field] as? String
            invariant(new.map { Array($0.utf8) } == marker + Array(old.utf8),
                      "rewrite: Foundation reads field \(field) as the transformed value",
                      expected: marker + Array(old.utf8), actual: new.map { Array($0.utf8) } ?? [])
        }
    }
    return 0
}

/// Whether a string in `line` (read as JSON text, as far as it goes) holds a `\u` escape of a
/// surrogate that is not a high surrogate escape directly followed by a low one.
func hasLoneSurrogateEscape(_ line: [UInt8]) -> Bool {
    func hexValue(at i: Int) -> Int? {
        guard i + 4 <= line.count else { return nil }
        var v = 0
        for b in line[i..<i + 4] {
            guard let d = Int(String(UnicodeScalar(b)), radix: 16) else { return nil }
            v = v * 16 + d
        }
        return v
    }
    func surrogateEscape(at i: Int) -> Int? {  // `\uXXXX` at i naming a surrogate
        guard i + 1 < line.count, line[i] == 0x5C, line[i + 1] == 0x75, let v = hexValue(at: i + 2),
              (0xD800...0xDFFF).contains(v) else { return nil }
        return v
    }
    var inString = false
    var i = 0
    while i < line.count {
        let b = line[i]
        if !inString {
            if b == 0x22 { inString = true }
            i += 1
        } else if b == 0x22 {
            inString = false
            i += 1
        } else if b == 0x5C {
            if let high = surrogateEscape(at: i) {
                guard high < 0xDC00, let low = surrogateEscape(at: i + 6), low >= 0xDC00 else { return true }
                i += 12
            } else {
                i += 2
            }
        } else {
            i += 1
        }
    }
    return false
}

@main
enum FuzzJSONLineMain {
    static func main() { runLibFuzzer(fuzzJSONLine) }
}
