import Foundation
import Testing

/// `tally` under a pseudo-terminal (util-linux `script`), as a user at a
/// terminal runs it.
@Suite("tally at a terminal", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
struct TerminalTests {
    /// Runs `tally arguments…` under `script`, whose pseudo-terminal is
    /// standard input and output; standard input ends at once (Ctrl-D).
    static func runAtTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let command = ([TallyExecutable.url.path] + arguments).joined(separator: " ")
        return try TallyExecutable.run(["-qec", command, "/dev/null"], environment: environment,
                                       executable: URL(fileURLWithPath: "/usr/bin/script"))
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

    @Test("progress at a terminal: drawn on standard error, erased before the report; none with --quiet or 2>/dev/null")
    func progress() throws {
        let environment = ["TALLY_PROGRESS_DELAY": "0", "LC_ALL": "", "LC_CTYPE": "", "LANG": "C.UTF-8"]
        let arguments = ["invoice", "--month", "2026-10", "Tests/TallyTests/Fixtures/sample-events.jsonl"]
        let report = try String(contentsOf: Golden.directory.appendingPathComponent("sample-2026-10.txt"), encoding: .utf8)
        let output = try Self.runAtTerminal(arguments, environment: environment)
        // The log is out of time order: its first pass is drawn, then the run starts over and the line is erased.
        let parts = output.components(separatedBy: "\r")
        #expect(parts.count == 4, "\(output.debugDescription)")
        if parts.count == 4 {
            #expect(parts[0] == "")
            #expect(parts[1].wholeMatch(of: #/tally: [0-9]+ lines?, 0\.0 of 0\.0 MiB \([0-9]+%\), [0-9,]+ lines/s, 0:00/#) != nil)
            #expect(parts[2] == String(repeating: " ", count: parts[1].count))
            #expect(parts[3] == report)
        }
        #expect(try Self.runAtTerminal(arguments + ["--quiet"], environment: environment) == report)
        #expect(try Self.runAtTerminal(arguments + ["2>/dev/null"], environment: environment) == report)
    }
}
