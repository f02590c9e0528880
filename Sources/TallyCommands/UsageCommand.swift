import Foundation
import Tally

/// `tally usage`: one account's billed memory over the month as a chart
/// (README, "Reports for operators").
struct UsageCommand: Command {
    let name = "usage"
    let summary = "one account's billed memory over the month, as a chart"
    let synopsis = "tally usage --account ACCOUNT --month YYYY-MM [options] [FILE ...]"
    let help = """
        Usage: tally usage --account ACCOUNT --month YYYY-MM [--rates DIR] [--ascii]
                           [--format text|json|csv] [--output FILE] [--books DIR] [--quiet] [--jobs N] [FILE ...]

        Charts the account's billed memory over the calendar month (UTC) from the
        event log in FILEs, read in order (none, or -, reads standard input): one
        row per service and per SSL edge, one column per day showing the day's
        average reserved MB as a share of the row's peak, with the peak MB,
        MB-hours and amount beside it. Sandbox usage is free and not shown.
        The account's rejected lines go to standard error as FILE:LINE: ID:
        reason, then a summary of what they hold and what to do next.

        Options:
          --account ACCOUNT the account (required)
          --month YYYY-MM   the billing period (required)
          --rates DIR       folder of rate cards (default: $TALLY_RATES, else ./Rates)
          --ascii           draw with ASCII " .:-=+*#%@" instead of block characters;
                            also chosen when LC_ALL, else LC_CTYPE, else LANG does not
                            name a UTF-8 locale
          --format FORMAT   text (default), json (per-day MB-seconds and MB-hours) or csv
                            (one row per service or SSL edge, one column per day)
          --output FILE     write the report to FILE atomically instead of standard output;
                            - is standard output
          --books DIR       with the books of closed months: a closed month is charted as
                            issued (the log as its close read it); the month after the last
                            closed one as a close would issue it now, adjustments listed apart
        \(ReportCommand.quietHelp)
        \(ReportCommand.jobsHelp)
          -h, --help        show this help

        \(ReportCommand.exitCodesHelp)
        """

    func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(arguments, options: ReportCommand.commonOptions.union(["--account", "--books"]),
                                   flags: ["--ascii", "--quiet"])
        let account = try LedgerQuery.account(parsed)
        let period = try ReportCommand.period(parsed)
        let format = try ReportCommand.format(parsed, for: UsageReport.self)
        guard let outputs = try ReportCommand.outputs(parsed, context) else { return .ioError }
        let progress = try ProgressLine.make(parsed, context)
        let inputs = try ReportCommand.inputs(parsed, context)
        guard let rateCards = ReportCommand.rateCards(parsed, context) else { return .configuration }
        var report: UsageReport
        var ownRejections = 0
        let pipeline = try ReportCommand.pipeline(rateCards, progress, parsed)
        let onRejection = { (rejection: Rejection) in
            ownRejections += 1
            ReportCommand.printRejection(context)(rejection)
        }
        do {
            defer { progress?.finish() }
            if let books = parsed["--books"] {
                switch BooksCommandSupport.report(period, context, { () throws(BooksRunError) in
                    try pipeline.usageReport(of: account, in: period, inputs, books: books, onRejection: onRejection)
                }) {
                case let .success(booked): report = booked
                case let .failure(stop): return stop.code
                }
            } else {
                report = try pipeline.usageReport(of: account, in: period, inputs, onRejection: onRejection)
            }
        } catch {
            return ReportCommand.failure(error, context)
        }
        report.ramp = parsed.has("--ascii") || !context.isUTF8Locale ? .ascii : .blocks
        let status = try ReportCommand.emit(report, as: format, to: outputs.report,
                                            status: ownRejections > 0 || report.status == .held ? .dataError : .success, context)
        if let summary = RejectionSummary.text(of: account, in: period, rejected: ownRejections, holding: report.rejectedLineCount,
                                               hasInvoice: report.status != nil,
                                               otherAccounts: report.events.rejected - ownRejections) {
            context.console.error(summary)
        }
        return status
    }
}
