#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A shell glob for `--include` and `--exclude`: `*`, `?` and `[...]` as in `fnmatch`, plus
/// `{a,b}` (either alternative, nestable) and `**` (any number of folders, none included).
/// A glob without `/` matches a file name, one with `/` the path relative to the folder argument.
///
/// Written here because `fnmatch` knows neither `{a,b}` nor `**`, and no library in the package
/// mirror does globbing.
struct Glob {
    /// The glob with its braces expanded: it matches when one of these does.
    let alternatives: [String]
    let matchesPath: Bool

    init(_ pattern: String) {
        alternatives = Glob.expandBraces(pattern)
        matchesPath = pattern.contains("/")
    }

    func matches(name: String, relative: String) -> Bool {
        alternatives.contains { glob in
            if !matchesPath { return fnmatch(glob, name, 0) == 0 }
            let parts = glob.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            let path = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            return Glob.matchSegments(parts[...], path[...])
        }
    }

    /// Folder by folder; a `**` segment takes zero or more of them.
    private static func matchSegments(_ parts: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = parts.first else { return path.isEmpty }
        if first == "**" {
            var rest = path
            while true {
                if matchSegments(parts.dropFirst(), rest) { return true }
                if rest.isEmpty { return false }
                rest = rest.dropFirst()
            }
        }
        guard let name = path.first else { return false }
        // `**` inside a segment (`a**b`) is a plain `*`.
        let segment = first.replacing("**", with: "*")
        return fnmatch(segment, name, 0) == 0 && matchSegments(parts.dropFirst(), path.dropFirst())
    }

    /// `a{b,c{d,e}}f` → abf, acdf, acef. A brace without a matching close or a comma is literal.
    static func expandBraces(_ pattern: String) -> [String] {
        let chars = Array(pattern)
        var depth = 0
        var open: Int?
        var commas: [Int] = []
        var index = 0
        while index < chars.count {
            let c = chars[index]
            if c == "\\" { index += 2; continue }
            if c == "[" {
                // A bracket expression is taken as it is.
                if let close = chars[(index + 1)...].dropFirst().firstIndex(of: "]") { index = close + 1; continue }
            }
            if c == "{" {
                if depth == 0 { open = index; commas = [] }
                depth += 1
            } else if c == "}", depth > 0 {
                depth -= 1
                if depth == 0, let start = open, !commas.isEmpty {
                    let prefix = String(chars[..<start]), suffix = String(chars[(index + 1)...])
                    let bounds = [start] + commas + [index]
                    var results: [String] = []
                    for k in 0..<(bounds.count - 1) {
                        let middle = String(chars[(bounds[k] + 1)..<bounds[k + 1]])
                        results += expandBraces(prefix + middle + suffix)
                    }
                    return results
                }
            } else if c == ",", depth == 1 {
                commas.append(index)
            }
            index += 1
        }
        return [pattern]
    }
}
