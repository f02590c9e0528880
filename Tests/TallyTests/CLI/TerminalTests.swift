import Foundation
import Testing

/// `tally` under a pseudo-terminal (util-linux `script`), as a user at a
/// terminal runs it.
@Suite("tally at a terminal", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
struct TerminalTests {
    /// Runs `tally arguments…` under `script`, whose pseudo-terminal is
    /// standard input and output; standard input ends at once (Ctrl-D).
    static func runAtTerminal(_ arguments: [String]) throws -> String {
        let command = ([TallyExecutable.url.path] + arguments).joined(separator: " ")
        return try TallyExecutable.run(["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
            .standardOutput.replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test("tally invoice without FILE says it reads standard input from the terminal")
    func readingStandardInput() throws {
        let output = try Self.runAtTerminal(["invoice", "--month", "2026-10"])
        #expect(output.hasPrefix("tally: reading the event log from standard input (a terminal); "
            + "end it with Ctrl-D, or give the log as FILE\n"))
        #expect(output.contains("Events: 0 lines read"))
        let withFile = try Self.runAtTerminal(["invoice", "--month", "2026-10", "Tests/TallyTests/Fixtures/sample-events.jsonl"])
        #expect(!withFile.contains("reading the event log"))
        #expect(withFile.contains("Events: 23 lines read"))
    }
}
