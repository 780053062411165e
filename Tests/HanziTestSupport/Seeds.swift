import Foundation

/// The seed documents (`seeds/*.txt`) and their gold paragraphs (`seeds/gold/`).
public enum Seeds {
    /// How many seed documents the repository holds; the helpers refuse any other number, so
    /// a lost seed fails the tests instead of quietly testing less.
    public static let expectedCount = 5

    /// The seed documents, sorted by name.
    public static func files() throws -> [URL] {
        let folder = try RepositoryRoot.existing("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        guard names.count == expectedCount else {
            throw MissingTestFile(path: folder.path, reason: "\(names.count) seed documents, expected \(expectedCount)")
        }
        return names.map { folder.appendingPathComponent($0) }
    }

    /// The seed document whose name starts with `prefix` (`"003"`).
    public static func file(_ prefix: String) throws -> URL {
        guard let url = try files().first(where: { $0.lastPathComponent.hasPrefix(prefix) }) else {
            throw MissingTestFile(path: RepositoryRoot.url.appendingPathComponent("seeds/\(prefix)*.txt").path)
        }
        return url
    }

    /// The bytes of every seed document, in name order.
    public static func allBytes() throws -> [[UInt8]] {
        try files().map { [UInt8](try Data(contentsOf: $0)) }
    }
}
