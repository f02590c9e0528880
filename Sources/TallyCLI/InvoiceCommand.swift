import Foundation
import Tally

/// `tally invoice`: the month-end batch (issue 2).
enum InvoiceCommand {
    static let help = """
        Usage: tally invoice --month YYYY-MM [--rates DIR] [--format text|json|csv] [--output FILE] [FILE ...]

        Prints one invoice per account for the calendar month (UTC) from the
        event log in FILEs, read in order (none, or -, reads standard input).
        Rejected lines go to standard error as FILE:LINE: ID: reason.

        Options:
          --month YYYY-MM   the billing period (required)
          --rates DIR       folder of rate cards (default: $TALLY_RATES, else ./Rates)
          --format FORMAT   text (default), json (SPEC §6) or csv (one row per line item)
          --output FILE     write the report to FILE atomically instead of standard output
          -h, --help        show this help

        Exit codes: 0 success, 64 usage error, 65 lines rejected (invoices still
        printed), 66 input missing or unreadable, 78 rate-card configuration error.
        """

    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(arguments, options: ["--month", "--rates", "--format", "--output"], flags: ["--help", "-h"])
        if parsed.has("--help") || parsed.has("-h") {
            Console.out(help + "\n")
            return .success
        }
        guard let monthText = parsed["--month"] else { throw UsageError(message: "--month YYYY-MM is required") }
        guard let period = BillingPeriod(monthText) else {
            throw UsageError(message: "--month \(monthText): expected YYYY-MM, e.g. 2026-10")
        }
        let format = parsed["--format"] ?? "text"
        guard ["text", "json", "csv"].contains(format) else {
            throw UsageError(message: "--format \(format): expected text, json or csv")
        }
        let inputs = parsed.positionals.isEmpty ? [EventInput.standardInput] : parsed.positionals.map(EventInput.file)

        let rateCards: RateCardSet
        do {
            rateCards = try RateCardSet.load(directory: RatesLocation.directory(parsed["--rates"]))
        } catch {
            Console.error("tally: rate-card configuration error: \(error)")
            return .configuration
        }
        let run: InvoiceRun
        do {
            run = try MonthEndRun(period: period, rateCards: rateCards).run(inputs) { rejection in
                Console.error("\(rejection)")
            }
        } catch {
            return ReportCommand.failure(error)
        }
        let report = switch format {
        case "json": InvoiceReport.json(run)
        case "csv": InvoiceReport.csv(run)
        default: InvoiceReport.text(run)
        }
        try ReportCommand.emit(report, parsed)
        return run.needsAttention ? .dataError : .success
    }
}

/// Where rate cards are read from: `--rates`, else `$TALLY_RATES`, else `./Rates`.
enum RatesLocation {
    static func directory(_ option: String?) -> String {
        option ?? ProcessInfo.processInfo.environment["TALLY_RATES"] ?? "Rates"
    }
}
