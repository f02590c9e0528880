import Tally

/// `tally ssl`: custom-domain SSL for support staff (README, "For the ticket
/// service"). Its subcommands are commands of their own (`ssl check`, `ssl
/// quote`, `ssl enable`, `ssl update`, `ssl disable`, `ssl list`); this one
/// answers `tally ssl` without one, and `tally ssl --help`.
struct SSLCommand: Command {
    let name = "ssl"
    let summary = "custom-domain SSL for support: check, quote, enable, update, disable, list"
    let synopsis = "tally ssl check|quote|enable|update|disable|list [options]"

    /// The subcommands, in the order the help lists them.
    static let subcommands: [any Command] = [
        SSLCheckCommand(), SSLQuoteCommand(), SSLRecordCommand(.enable), SSLRecordCommand(.update),
        SSLRecordCommand(.disable), SSLListCommand(),
    ]

    var help: String {
        let width = Self.subcommands.map { $0.name.count }.max() ?? 0
        let list = Self.subcommands.map { command in
            "  " + command.name + String(repeating: " ", count: width - command.name.count + 2) + command.summary
        }.joined(separator: "\n")
        return """
            Usage: tally ssl SUBCOMMAND [options]

            Custom-domain SSL for support staff: what the ticket service does, from the
            command line. enable, update and disable append one event to the log, under
            an exclusive lock, flushed to disk; the others only read.

            Subcommands:
            \(list)

            Run tally help ssl SUBCOMMAND (or tally ssl SUBCOMMAND --help) for its options.
            """
    }

    /// Reached only without a known subcommand: `tally ssl`, `tally ssl help
    /// [SUBCOMMAND]`, or an unknown one.
    func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        guard let subcommand = arguments.first else { throw .missingSubcommand(command: "ssl") }
        guard subcommand == "help" else { throw .unknownSubcommand(command: "ssl", given: subcommand) }
        return try TallyCommandLine.printHelp(of: ["ssl"] + arguments.dropFirst(), context)
    }
}

extension SSLCommand {
    /// The exit codes of the ledger subcommands, as their help states them.
    static let exitCodesHelp = """
        Exit codes: 0 success, 64 usage error, 65 refused (the request breaks a rule;
        nothing written) or the account has rejected lines (listed on standard error;
        report still printed), 66 log missing or unreadable, 74 LOG can't be written,
        78 rate-card configuration error.
        """

    /// The options the ledger subcommands share, as their help states them.
    static let ledgerOptionsHelp = """
          --account A       the account (required); nothing of another account is shown
          --at TIME         RFC 3339 instant (default: now, UTC, whole seconds); the
                            log is replayed up to and including that second
          --books DIR       the books of closed months: read the log from the last
                            close on (the log must be files); costs include the
                            adjustments the next invoice will carry
        """
}
