import Foundation
import Tally

let help = """
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

func main(_ arguments: [String]) -> ExitCode {
    guard let command = arguments.dropFirst().first else {
        Console.error(help)
        return .usage
    }
    let rest = arguments.dropFirst(2)
    do throws(UsageError) {
        switch command {
        case "--help", "-h", "help":
            Console.out(help + "\n")
            return .success
        case "--version":
            if let extra = rest.first { throw UsageError(message: "--version takes no arguments, got \(extra)") }
            Console.out("tally \(Tally.version)\n")
            return .success
        case "invoice":
            return try InvoiceCommand.run(rest)
        case "summary":
            return try SummaryCommand.run(rest)
        case "usage":
            return try UsageCommand.run(rest)
        case "explain":
            return try ExplainCommand.run(rest)
        case "account":
            return try AccountCommand.run(rest)
        case "ssl":
            return try SSLCommand.run(rest)
        default:
            throw UsageError(message: "unknown command \(command); run tally --help")
        }
    } catch {
        Console.error("tally: \(error.message)")
        return .usage
    }
}

exit(main(CommandLine.arguments).rawValue)
