import Foundation

/// The repository the tests run from: its root, found once from this file's path, and the
/// files in it. Every helper throws (or, where a value must exist before any test runs, stops
/// with a message naming the path) instead of returning an empty result when a file is missing,
/// so a moved or deleted fixture fails the tests instead of shrinking them.
public enum RepositoryRoot {
    /// The repository root: the nearest folder above this file that holds `Package.swift`.
    public static let url: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        fatalError("HanziTestSupport: no Package.swift above \(#filePath)")
    }()

    /// The file or folder at `relativePath` under the root; throws when it does not exist.
    public static func existing(_ relativePath: String) throws -> URL {
        let url = url.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingTestFile(path: url.path)
        }
        return url
    }

    /// The bytes of the file at `relativePath` under the root.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: existing(relativePath)))
    }

    /// The text of the UTF-8 file at `relativePath` under the root; throws when it is not UTF-8.
    public static func text(_ relativePath: String) throws -> String {
        let bytes = try bytes(relativePath)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw MissingTestFile(path: url.appendingPathComponent(relativePath).path, reason: "not UTF-8")
        }
        return text
    }

    /// For values computed before any test runs (`static let`), where nothing can be thrown:
    /// the result of `body`, or a stop naming what is missing.
    public static func required<T>(_ what: String, _ body: () throws -> T) -> T {
        do {
            return try body()
        } catch {
            fatalError("HanziTestSupport: \(what): \(error)")
        }
    }
}

/// A file the tests need is missing or unreadable.
public struct MissingTestFile: Error, CustomStringConvertible {
    /// The absolute path.
    public var path: String
    /// What is wrong with it.
    public var reason = "missing"

    public var description: String { "\(path): \(reason)" }
}
