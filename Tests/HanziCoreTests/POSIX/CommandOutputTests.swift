import Testing
@testable import HanziCore

@Suite struct CommandOutputTests {
    @Test func theStandardOutputOfACommandIsReadWholeAndItsStandardErrorDropped() throws {
        let output = try #require(CommandOutput.run("/bin/sh", ["-c", "printf 'a b\\n'; echo noise >&2; printf '%s' \"$0\"", "名"]))
        #expect(output == Array("a b\n名".utf8))
    }

    /// More than a pipe holds: the output is read while the command runs, not after it ends.
    @Test func anOutputLargerThanAPipeIsReadWhole() throws {
        let output = try #require(CommandOutput.run("/bin/sh", ["-c", "i=0; while [ $i -lt 20000 ]; do echo 0123456789; i=$((i+1)); done"]))
        #expect(output.count == 220_000)
        #expect(output.allSatisfy { $0 == 0x0A || $0 &- 0x30 < 10 })
    }

    @Test func aCommandThatFailsOrCannotStartGivesNothing() {
        #expect(CommandOutput.run("/bin/sh", ["-c", "echo partial; exit 3"]) == nil)
        #expect(CommandOutput.run("/bin/sh", ["-c", "kill -9 $$"]) == nil)
        #expect(CommandOutput.run("/nonexistent/hanzi-tool", []) == nil)
    }
}
