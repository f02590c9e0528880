import Tally

/// `tally ssl list`: an account's active SSL edges with their price per hour
/// (README, "For the ticket service").
struct SSLListCommand: Command {
    let name = "ssl list"
    let summary = "the account's active SSL edges, with their price per hour"
    let synopsis = "tally ssl list --account A [--at TIME] [options] [LOG ...]"
    let help = """
        Usage: tally ssl list --account A [--at TIME] [--rates DIR] [--format text|json] [--quiet] [LOG ...]

        Lists the account's active SSL edges at TIME: domain, application (and
        whether it still exists; an edge is billed until SSL is disabled), flavor,
        since when, and the price per hour under the rate card in effect.

        Options:
        \(SSLCommand.ledgerOptionsHelp)
          --rates DIR       folder of rate cards (default: $TALLY_RATES, else ./Rates)
          --format FORMAT   text (default) or json
        \(ReportCommand.quietHelp)
          -h, --help        show this help

        LOG ... is the event log, read in order (none, or -, reads standard input).

        \(SSLCommand.exitCodesHelp)
        """

    func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(arguments, options: LedgerQuery.options, flags: ["--quiet"])
        let query = try LedgerQuery(parsed, context, report: SSLEdgeList.self)
        return try query.run { ledger throws(LedgerError) in
            try SSLEdgeList(of: query.account, in: ledger)
        }
    }
}
