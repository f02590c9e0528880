import Tally

/// `tally ssl quote`: whether SSL can be enabled for a domain, and its price
/// (README, "For the ticket service").
struct SSLQuoteCommand: Command {
    let name = "ssl quote"
    let summary = "whether SSL can be enabled for the domain, and its price per hour, month and rest of month"
    let synopsis = "tally ssl quote --account A --app X --domain D [--at TIME] [options] [LOG ...]"
    let help = """
        Usage: tally ssl quote --account A --app X --domain D [--at TIME] [--rates DIR]
                               [--format text|json] [--quiet] [LOG ...]

        Says whether custom-domain SSL can be enabled for domain D of application X
        at TIME (it is refused exactly when ssl.enabled would be rejected from the
        log), and what it costs under the rate card in effect then: per hour, for
        the full month, and for the rest of the month, each rounded as an invoice
        line.

        Options:
        \(SSLCommand.ledgerOptionsHelp)
          --app X           the application (required)
          --domain D        the custom domain (required)
          --rates DIR       folder of rate cards (default: $TALLY_RATES, else ./Rates)
          --format FORMAT   text (default) or json
        \(ReportCommand.quietHelp)
          -h, --help        show this help

        LOG ... is the event log, read in order (none, or -, reads standard input).

        \(SSLCommand.exitCodesHelp)
        """

    func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(arguments, options: LedgerQuery.options.union(["--app", "--domain"]), flags: ["--quiet"])
        let query = try LedgerQuery(parsed, context, report: SSLQuote.self)
        let app: ApplicationName = try LedgerQuery.name("--app", parsed)
        let domain: DomainName = try LedgerQuery.name("--domain", parsed)
        return try query.run { ledger throws(LedgerError) in
            try ledger.sslQuote(application: app, domain: domain, for: query.account)
        }
    }
}
