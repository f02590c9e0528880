import Foundation
import Tally

/// `tally ssl …`: custom-domain SSL for support staff (issue 4).
enum SSLCommand {
    static let help = """
        Usage: tally ssl check DIR [--format text|json]
               tally ssl quote --account A --app X --domain D [--at TIME] [--rates DIR] [--format text|json] [LOG ...]
               tally ssl enable --account A --app X --domain D [--at TIME] [--id ID] LOG
               tally ssl update --account A [--app X] --domain D [--at TIME] [--id ID] LOG
               tally ssl disable --account A [--app X] --domain D [--at TIME] [--id ID] LOG
               tally ssl list --account A [--at TIME] [--rates DIR] [--format text|json] [LOG ...]

        check    pre-check the bundle in DIR (ssl.key, ssl.crt, optional ssl.chain): a
                 structural check of the PEM armour, not an X.509 validation; never
                 prints key material
        quote    whether SSL can be enabled for the domain, and its price under the rate
                 card in effect: per hour, for the full month, for the rest of the month
        enable   check, then append ssl.enabled to LOG
        update   check, then append ssl.certificate_updated to LOG (never changes the bill)
        disable  check, then append ssl.disabled to LOG (billing ends at TIME)
        list     the account's active SSL edges, with their price per hour

        Options:
          --account A       the account (required); nothing of another account is shown
          --app X           the application (required for enable; for update and
                            disable, a guard: the edge must have been enabled for X)
          --domain D        the custom domain (required, except for check and list)
          --at TIME         RFC 3339 instant (default: now, UTC, whole seconds); the
                            log is replayed up to and including that second
          --id ID           the event's id (default: a fresh tally-<uuid>); with an id, a
                            retry that is already in LOG writes nothing and says so
          --rates DIR       folder of rate cards (default: $TALLY_RATES, else ./Rates)
          --format FORMAT   text (default) or json
          -h, --help        show this help

        LOG ... is the event log, read in order (none, or -, reads standard input);
        enable, update and disable append to the single file LOG, under an exclusive
        lock, one line flushed to disk.

        Exit codes: 0 success (check: no problem found), 64 usage error, 65 refused
        (the request breaks a rule; nothing written), a bundle with problems, or the
        account has rejected lines (listed on standard error; report still printed),
        66 log or folder missing or unreadable, 74 LOG can't be written,
        78 rate-card configuration error.
        """

    static func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        guard let subcommand = arguments.first else { throw .missingSubcommand(command: "ssl") }
        let rest = arguments.dropFirst()
        switch subcommand {
        case "--help", "-h", "help":
            return context.emit(help + "\n")
        case "check":
            return try check(rest, context)
        case "quote":
            return try quote(rest, context)
        case "list":
            return try list(rest, context)
        case "enable", "update", "disable":
            return try record(subcommand, rest, context)
        default:
            throw .unknownSubcommand(command: "ssl", given: subcommand)
        }
    }

    /// The subcommand's arguments; `nil` when they ask for help, which is printed.
    private static func parse(_ arguments: ArraySlice<String>, options: Set<String>,
                              _ context: CommandContext) throws(UsageError) -> Arguments? {
        let parsed = try Arguments(arguments, options: options, flags: ["--help", "-h"])
        if parsed.has("--help") || parsed.has("-h") {
            _ = context.emit(help + "\n")
            return nil
        }
        return parsed
    }

    private static func check(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        guard let parsed = try parse(arguments, options: ["--format"], context) else { return .success }
        guard parsed.positionals.count == 1, let directory = parsed.positionals.first else {
            throw .wrongArguments(command: "ssl check", expected: "one folder, the one holding ssl.key, ssl.crt and ssl.chain")
        }
        let format = try ReportCommand.format(parsed, for: BundleCheckResult.self)
        let result: BundleCheckResult
        do {
            result = try CertificateBundleCheck.check(directory: directory)
        } catch {
            context.console.error("tally: \(error)")
            return .noInput
        }
        return ReportCommand.emit(result, as: format, parsed, status: result.isAcceptable ? .success : .dataError, context)
    }

    private static func quote(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        guard let parsed = try parse(arguments, options: LedgerQuery.options.union(["--app", "--domain"]), context) else { return .success }
        let query = try LedgerQuery(parsed, context, report: SSLQuote.self)
        let app: ApplicationName = try LedgerQuery.name("--app", parsed)
        let domain: DomainName = try LedgerQuery.name("--domain", parsed)
        return query.run { ledger throws(LedgerError) in
            try ledger.sslQuote(application: app, domain: domain, for: query.account)
        }
    }

    private static func list(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        guard let parsed = try parse(arguments, options: LedgerQuery.options, context) else { return .success }
        let query = try LedgerQuery(parsed, context, report: SSLEdgeList.self)
        return query.run { ledger throws(LedgerError) in
            try SSLEdgeList(of: query.account, in: ledger)
        }
    }

    private static func record(_ subcommand: String, _ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        guard let parsed = try parse(arguments, options: ["--account", "--app", "--domain", "--at", "--id"], context) else { return .success }
        let account = try LedgerQuery.account(parsed)
        let instant = try LedgerQuery.instant(parsed, context)
        let app: ApplicationName? = try LedgerQuery.optionalName("--app", parsed)
        let domain: DomainName = try LedgerQuery.name("--domain", parsed)
        let id: EventID? = try LedgerQuery.optionalName("--id", parsed)
        guard parsed.positionals.count == 1, let path = parsed.positionals.first, path != "-" else {
            throw .wrongArguments(command: "ssl \(subcommand)", expected: "one event-log file to append to: give its path (not -) once")
        }
        let action: SSLAction
        switch subcommand {
        case "enable":
            guard let app else { throw .missingOption("--app", placeholder: nil) }
            action = .enable(application: app, domain: domain)
        case "update":
            action = .updateCertificate(domain: domain, application: app)
        default:
            action = .disable(domain: domain, application: app)
        }
        do {
            let outcome = try EventLogAppender(path: path).record(action, for: account, at: instant, id: id)
            return context.emit(RecordingReceipt(outcome, log: path).text())
        } catch {
            context.console.error("tally: \(error)")
            switch error {
            case .refused, .idInUse, .wouldInvalidateLaterEvents, .incompleteLastLine: return .dataError
            case .input: return .noInput
            case .io: return .ioError
            }
        }
    }
}
