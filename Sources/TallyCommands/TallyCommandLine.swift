import Tally

/// The `tally` command line: picks the command, runs it, and turns a usage
/// error into its message and exit code 64 (README, "Command reference").
public enum TallyCommandLine {
    /// The general help, `tally --help`.
    static let help = """
        Usage: tally <command> [options]

        Commands:
          invoice    the month-end invoices for one billing period (text, json or csv)
          summary    the month at a glance: totals by flavor and service type, SSL edges, largest invoices
          usage      one account's billed memory over the month, as a chart
          explain    why an account was charged what it was: the intervals and arithmetic behind its lines
          account    one account now or at an instant: applications, SSL edges, cost to date
          ssl        custom-domain SSL for support: check, quote, enable, update, disable, list

        Run `tally <command> --help` for a command's options.
        Options: --help, --version
        """

    /// Runs `tally` with `arguments` (without the program name).
    ///
    /// - Parameters:
    ///   - arguments: the command and its options, e.g. `["invoice", "--month", "2026-10", "events.jsonl"]`.
    ///   - context: the console, environment, standard input and clock to use.
    /// - Returns: the exit code (README, "Command reference"): 0, 64, 65, 66, 74, 75 or 78.
    public static func run(_ arguments: [String], context: CommandContext) -> ExitCode {
        let command = arguments.first
        let rest = arguments.dropFirst()
        do throws(UsageError) {
            switch command {
            case nil:
                context.console.error(help)
                return .usage
            case "--help", "-h", "help":
                return context.emit(help + "\n")
            case "--version":
                if let extra = rest.first { throw .unexpectedArgument(command: "--version", given: extra) }
                return context.emit("tally \(Tally.version)\n")
            case "invoice":
                return try InvoiceCommand.run(rest, context)
            case "summary":
                return try SummaryCommand.run(rest, context)
            case "usage":
                return try UsageCommand.run(rest, context)
            case "explain":
                return try ExplainCommand.run(rest, context)
            case "account":
                return try AccountCommand.run(rest, context)
            case "ssl":
                return try SSLCommand.run(rest, context)
            case let other?:
                throw .unknownCommand(other)
            }
        } catch {
            context.console.error("tally: \(error)")
            return .usage
        }
    }
}

extension CommandContext {
    /// Writes `text` to standard output.
    ///
    /// - Returns: `status`, or 74 after saying why when standard output can't be written.
    func emit(_ text: String, status: ExitCode = .success) -> ExitCode {
        do {
            try console.out(text)
            return status
        } catch {
            console.error("tally: \(error)")
            return .ioError
        }
    }
}
