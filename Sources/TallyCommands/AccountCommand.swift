import Foundation
import Tally

/// `tally account`: one account at an instant, like dotCloud's `dotcloud
/// info` (README, "For the ticket service"): applications, services, memory,
/// SSL edges, cost to date and expected month-end cost.
struct AccountCommand: Command {
    let name = "account"
    let summary = "one account now or at an instant: applications, SSL edges, cost to date"
    let synopsis = "tally account --account ACCOUNT [--at TIME] [options] [LOG ...]"
    let help = """
        Usage: tally account --account A [--at TIME] [--rates DIR] [--format text|json] [--books DIR]
                             [--quiet] [LOG ...]

        Shows the account at TIME: its applications (flavor, services with type,
        instances, MB per instance, MB reserved, domains), its active SSL edges,
        the month-to-date cost (the month-end run's lines and rounding, usage up to
        TIME) and the expected month-end cost if nothing changes after TIME.
        Nothing of another account is shown.

        Options:
          --account A       the account (required)
          --at TIME         RFC 3339 instant (default: now, UTC, whole seconds); the
                            log is replayed up to and including that second
          --rates DIR       folder of rate cards (default: $TALLY_RATES, else ./Rates)
          --format FORMAT   text (default) or json
          --books DIR       the books of closed months: read the log from the last
                            close on; costs include the adjustments of closed months
                            the next invoice will carry
        \(ReportCommand.quietHelp)
          -h, --help        show this help

        LOG ... is the event log, read in order (none, or -, reads standard input).

        Exit codes: 0 success, 64 usage error, 65 the account has rejected lines
        (listed on standard error; report still printed, marked held), 66 input
        missing or unreadable, 78 rate-card configuration error.
        """

    func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(arguments, options: LedgerQuery.options, flags: ["--quiet"])
        let query = try LedgerQuery(parsed, context, report: AccountStatement.self)
        return try query.run(metering: true) { ledger throws(LedgerError) in
            AccountStatement(view: ledger.account(query.account), cost: try ledger.cost(of: query.account))
        }
    }
}
