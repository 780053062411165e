import Foundation
import Testing
import OpenCC
import HanziTestSupport

/// OpenCC's own current test cases (testcases-upstream.json, 543 checks over the 16
/// configurations), with the native engine on the bundled data.
@Suite struct UpstreamCasesTests {
    struct Case: Decodable {
        let id: String
        let input: String
        let expected: [String: String]
    }

    static func cases() throws -> [Case] {
        struct File: Decodable { let cases: [Case] }
        let url = try RepositoryRoot.existing("Tests/HanziTestSupport/Fixtures/testcases-upstream.json")
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }

    @Test func everyUpstreamCasePasses() throws {
        var checked = 0
        var configurations = Set<String>()
        for testCase in try Self.cases() {
            for (name, expected) in testCase.expected.sorted(by: { $0.key < $1.key }) {
                let configuration = try #require(ChineseConverter.Configuration(openCCName: name), "\(name)")
                let actual = try ChineseConverter.shared(configuration).convert(utf8: Array(testCase.input.utf8))
                #expect(actual == Array(expected.utf8), "\(testCase.id) \(name): \(testCase.input) → \(String(decoding: actual, as: UTF8.self)), expected \(expected)")
                checked += 1
                configurations.insert(name)
            }
        }
        #expect(checked == 543)
        #expect(configurations.count == 16)
    }
}
