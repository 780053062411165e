import Foundation
import HanziTestSupport
import Testing
@testable import HanziText

/// The rejoiner's generated tables match `Tables/`, and the dateline endings they hold are
/// the ones the rejoiner recognises.
@Suite struct RejoinTablesTests {
    /// Fails when someone edited `Tables/datelines.txt` without regenerating
    /// `Sources/HanziText/Rejoiner/Generated/RejoinDatelineTable.swift` (or edited that file).
    @Test func generatedTablesAreUpToDate() throws {
        let check = try ExternalTool.run("python3", [try RepositoryRoot.existing("scripts/generate-rejoin-tables.py").path, "--check"])
        #expect(check.status == 0, "\(check.output)")
    }

    /// Every ending of `Tables/datelines.txt` makes a dateline: after a date where it
    /// begins with `日`, at the start of a line otherwise.
    @Test func everyTableEndingStartsADateline() throws {
        let endings = try RepositoryRoot.text("Tables/datelines.txt").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        #expect(endings.count >= 4)
        for ending in endings {
            let line = ending.hasPrefix("日") ? "新华社北京7月6\(ending) 记者" : "\(ending) 记者"
            let rejoined = ColumnRejoiner().rejoin("上一段的最后一行文字到这里\n\(line)报道了会议的情况。\n")
            #expect(rejoined.contains("\n\n\(line)"), "\(ending): \(rejoined)")
        }
        let scalars = Array("本报讯".unicodeScalars.map(\.value))
        #expect(scalars.withUnsafeBufferPointer { RejoinDatelines.isDateline($0) })
        let dated = Array("新华社北京7月6日专电".unicodeScalars.map(\.value))
        #expect(dated.withUnsafeBufferPointer { RejoinDatelines.isDateline($0) })
        let plain = Array("我们今天日电一下".unicodeScalars.map(\.value))
        #expect(!plain.withUnsafeBufferPointer { RejoinDatelines.isDateline($0) })
    }
}
