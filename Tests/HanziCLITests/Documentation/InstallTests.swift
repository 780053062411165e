import Foundation
import HanziTestSupport
import Testing

/// `make install` into a temporary prefix, with the built binary: the files land where the
/// shells and man look, the man page and help fit 80 columns, and the completions complete
/// file names and option values (scripts/check-install.sh; shells that are not installed are
/// skipped there, bash always runs).
@Suite struct InstallTests {
    @Test func installIntoATemporaryPrefixAndComplete() throws {
        let check = try ExternalTool.run(
            "bash", [RepositoryRoot.url.appendingPathComponent("scripts/check-install.sh").path, HanziBinary.url.path])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("'hanzi clean artic' offers article.txt"), "\(check.output)")
    }
}
