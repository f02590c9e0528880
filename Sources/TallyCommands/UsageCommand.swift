import Foundation
import Tally

/// `tally usage`: one account's billed memory over the month as a chart (issue 5).
enum UsageCommand {
    static let help = """
        Usage: tally usage --account ACCOUNT --month YYYY-MM [--rates DIR] [--ascii]
                           [--format text|json] [--output FILE] [FILE ...]

        Charts the account's billed memory over the calendar month (UTC) from the
        event log in FILEs, read in order (none, or -, reads standard input): one
        row per service and per SSL edge, one column per day showing the day's
        average reserved MB as a share of the row's peak, with the peak MB,
        MB-hours and amount beside it. Sandbox usage is free and not shown.
        Rejected lines go to standard error as FILE:LINE: ID: reason.

        Options:
          --account ACCOUNT the account (required)
          --month YYYY-MM   the billing period (required)
          --rates DIR       folder of rate cards (default: $TALLY_RATES, else ./Rates)
          --ascii           draw with ASCII " .:-=+*#%@" instead of block characters;
                            also chosen when LC_ALL, else LC_CTYPE, else LANG does not
                            name a UTF-8 locale
          --format FORMAT   text (default) or json (per-day MB-seconds and MB-hours)
          --output FILE     write the report to FILE atomically instead of standard output
          -h, --help        show this help

        \(ReportCommand.exitCodesHelp)
        """

    static func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(arguments, options: ReportCommand.commonOptions.union(["--account"]),
                                   flags: ["--help", "-h", "--ascii"])
        if parsed.has("--help") || parsed.has("-h") {
            return context.emit(help + "\n")
        }
        let account = try LedgerQuery.account(parsed)
        let period = try ReportCommand.period(parsed)
        let format = try ReportCommand.format(parsed, for: UsageReport.self)
        try ReportCommand.checkOutputs(parsed)
        guard let rateCards = ReportCommand.rateCards(parsed, context) else { return .configuration }
        var report: UsageReport
        do {
            report = try MonthEndRun(period: period, rateCards: rateCards)
                .usageReport(for: account, ReportCommand.inputs(parsed, context), onRejection: ReportCommand.printRejection(context))
        } catch {
            return ReportCommand.failure(error, context)
        }
        report.ramp = parsed.has("--ascii") || !isUTF8Locale(context.environment) ? .ascii : .blocks
        return ReportCommand.emit(report, as: format, parsed,
                                  status: report.events.rejected > 0 || report.status == .held ? .dataError : .success, context)
    }

    /// Whether the locale's character set is UTF-8: the first of `LC_ALL`,
    /// `LC_CTYPE` and `LANG` that is set and not empty decides (POSIX
    /// precedence); it is UTF-8 when it names `UTF-8` or `utf8`, in any case.
    /// None set means the C locale, which is not.
    static func isUTF8Locale(_ environment: [String: String]) -> Bool {
        guard let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty })
        else { return false }
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}
