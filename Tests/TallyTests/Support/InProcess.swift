import Foundation
import Tally
import TallyCommands

/// Runs `tally` in this process with a capturing console, the shipped rate
/// cards and a fixed clock, for checks of messages and formats.
enum InProcess {
    struct Result {
        var status: ExitCode
        var standardOutput: String
        var standardError: String
    }

    /// A UTF-8 locale, and the C locale.
    static let utf8 = ["LANG": "en_US.UTF-8"]
    static let cLocale = ["LANG": "C"]

    /// The sample log's absolute path.
    static let sample = Fixtures.directory.appendingPathComponent("sample-events.jsonl").path

    /// Runs `tally arguments…` with `input` on standard input (a terminal
    /// when `inputIsTerminal`), standard error a terminal when
    /// `errorIsTerminal`, now at 2026-10-20T00:00:00Z, durations measured by
    /// `clock` (the real one by default), and `$TALLY_RATES` set to the
    /// shipped `Rates/` unless `environment` sets it.
    static func run(_ arguments: [String], environment: [String: String] = utf8, input: String = "",
                    inputIsTerminal: Bool = false, errorIsTerminal: Bool = false,
                    clock: @escaping @Sendable () -> Duration = CommandContext.continuousClock) -> Result {
        let console = Console.capturing()
        var environment = environment
        if environment["TALLY_RATES"] == nil { environment["TALLY_RATES"] = Fixtures.ratesDirectory.path }
        let context = CommandContext(console: console, environment: environment, standardInput: .text(input, name: "-"),
                                     now: { Timestamp(rfc3339: "2026-10-20T00:00:00Z")! },
                                     standardInputIsTerminal: inputIsTerminal, standardErrorIsTerminal: errorIsTerminal,
                                     monotonicClock: clock)
        let status = TallyCommandLine.run(arguments, context: context)
        return Result(status: status, standardOutput: console.standardOutput, standardError: console.standardError)
    }
}
