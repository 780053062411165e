import Foundation
import HanziTestSupport
import Testing
@testable import HanziText

/// The generated Swift tables match `Tables/`, and the tables say what the styles promise.
@Suite struct NormalizationTablesTests {
    /// Fails when someone edited `Tables/` without regenerating
    /// `Sources/HanziText/Normalizer/Generated/GeneratedNormalizationTables.swift` (or edited the generated file).
    @Test func generatedTablesAreUpToDate() throws {
        let check = try ExternalTool.run("python3", [try RepositoryRoot.existing("scripts/generate-tables.py").path, "--check"])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func styleChoices() {
        let m = NormalizationTables.mainland, t = NormalizationTables.taiwan, h = NormalizationTables.hongKong
        #expect([m.outerOpen, m.outerClose, m.innerOpen, m.innerClose] == [0x201C, 0x201D, 0x2018, 0x2019])
        for s in [t, h] {
            #expect([s.outerOpen, s.outerClose, s.innerOpen, s.innerClose] == [0x300C, 0x300D, 0x300E, 0x300F])
            #expect(s.interpunct == 0x2027)
        }
        #expect(m.interpunct == 0xB7)
        for s in [m, t, h] {
            #expect(s.ellipsis == [0x2026, 0x2026])
            #expect(s.dash == [0x2014, 0x2014])
            for c in "！（），：；？" .unicodeScalars { #expect(s.isOwnFullwidth(c.value)) }
            for c in "ＡＺａｚ０９＋％＂＇．" .unicodeScalars { #expect(!s.isOwnFullwidth(c.value)) }
        }
    }
}
