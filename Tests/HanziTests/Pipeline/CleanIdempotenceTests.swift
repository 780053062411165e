import Foundation
import HanziTestSupport
import Testing
@testable import Hanzi

/// Cleaning clean text changes nothing: `clean(clean(x)) == clean(x)` on the seeds, the
/// gold paragraphs, the real PDF extractions and generated column layouts of the golds.
@Suite struct CleanIdempotenceTests {
    static func files(_ folder: String) -> [(String, [UInt8])] {
        let dir = RepositoryRoot.url.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            (try? Data(contentsOf: dir.appendingPathComponent(name))).map { ("\(folder)/\(name)", Array($0)) }
        }
    }

    static var realText: [(String, [UInt8])] {
        files("seeds") + files("seeds/gold") + files("Tests/HanziTextTests/Fixtures/pdf-extractions")
            + files("Tests/HanziTextTests/Fixtures/realpdf")
    }

    /// The golds' paragraphs wrapped at a column width in three layouts: a blank line
    /// between paragraphs, a full-width indent and no blank lines, a blank line after
    /// every line.
    static var generated: [(String, [UInt8])] {
        var rng = SeededGenerator(seed: 29)
        var out: [(String, [UInt8])] = []
        for (name, gold) in files("seeds/gold") {
            let paragraphs = String(decoding: gold, as: UTF8.self).components(separatedBy: "\n\n")
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            for layout in 0..<3 {
                let width = rng.int(12...30)
                var text = ""
                for p in paragraphs {
                    var lines: [String] = []
                    var line = layout == 1 ? "\u{3000}\u{3000}" : ""
                    var count = layout == 1 ? 2 : 0
                    for s in p.unicodeScalars {
                        line.unicodeScalars.append(s)
                        count += 1
                        if count >= width { lines.append(line); line = ""; count = 0 }
                    }
                    if !line.isEmpty { lines.append(line) }
                    text += lines.joined(separator: layout == 2 ? "\n\n" : "\n") + (layout == 1 ? "\n" : "\n\n")
                }
                out.append(("\(name) wrapped at \(width), layout \(layout)", Array(text.utf8)))
            }
        }
        return out
    }

    /// The text around the first difference of `a` and `b`, for a failure message.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        var i = 0
        while i < a.count && i < b.count && a[i] == b[i] { i += 1 }
        func around(_ x: [UInt8]) -> String {
            String(decoding: x[max(0, i - 40)..<min(x.count, i + 40)], as: UTF8.self)
        }
        return "once …\(around(a))… twice …\(around(b))…"
    }

    @Test func cleanTwiceIsCleanOnce() throws {
        let inputs = Self.realText + Self.generated
        #expect(inputs.count >= 60)
        for options in [TextCleaner.Options()] {
            let cleaner = try TextCleaner(options: options)
            for (name, text) in inputs {
                let once = try cleaner.clean(utf8: text)
                let twice = try cleaner.clean(utf8: once)
                let same = once == twice
                #expect(same, "clean(clean(x)) != clean(x): \(name), \(options.rejoinOptions.paragraphSeparator): \(Self.firstDifference(once, twice))")
            }
        }
    }
}
