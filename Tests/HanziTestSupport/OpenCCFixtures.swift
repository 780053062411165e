import Foundation

/// OpenCC 1.1.6's own test cases (`NAME.in` and the expected `NAME.ans` per configuration),
/// the one copy every test target reads.
public enum OpenCCFixtures {
    /// The folder relative to the repository root.
    public static let relativePath = "Tests/HanziTestSupport/Fixtures/opencc-1.1.6"

    /// The folder of the cases.
    public static func folder() throws -> URL { try RepositoryRoot.existing(relativePath) }

    /// The configuration names that have a case (`hk2s`, `s2t`, ...), sorted.
    public static func names() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder().path)
            .filter { $0.hasSuffix(".in") }.map { String($0.dropLast(3)) }.sorted()
        guard !names.isEmpty else { throw MissingTestFile(path: try folder().path, reason: "no .in files") }
        return names
    }

    /// The input of the case for `name`.
    public static func input(_ name: String) throws -> URL { try RepositoryRoot.existing("\(relativePath)/\(name).in") }

    /// The expected output of the case for `name`.
    public static func answer(_ name: String) throws -> URL { try RepositoryRoot.existing("\(relativePath)/\(name).ans") }
}
