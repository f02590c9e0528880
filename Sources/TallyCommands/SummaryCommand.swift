import Tally

/// `tally summary`: the month at a glance (README, "Reports for operators").
struct SummaryCommand: Command {
    let name = "summary"
    let summary = "the month at a glance: totals by flavor and service type, SSL edges, largest invoices"
    let synopsis = "tally summary --month YYYY-MM [options] [FILE ...]"
    let help = """
        Usage: tally summary --month YYYY-MM [--rates DIR] [--format text|json|csv] [--output FILE]
                             [--books DIR] [--quiet] [--jobs N] [FILE ...]

        Summarises the month-end run for the calendar month (UTC) from the event
        log in FILEs, read in order (none, or -, reads standard input): invoices
        issued and held, total billed, billed by flavor and by service type, SSL
        edges (and those whose application no longer exists), the ten largest
        invoices, MB-hours billed and the event accounting. Rejected lines go to
        standard error as FILE:LINE: ID: reason, then a summary of the held
        invoices and what to do next.

        Options:
          --month YYYY-MM   the billing period (required)
          --rates DIR       folder of rate cards (default: $TALLY_RATES, else ./Rates)
          --format FORMAT   text (default), json or csv (one row per row of the report)
          --output FILE     write the report to FILE atomically instead of standard output;
                            - is standard output
          --books DIR       with the books of closed months: a closed month is summarised as
                            issued; the month after the last closed one as a close would
                            issue it now, with the adjustments of closed months
        \(ReportCommand.quietHelp)
        \(ReportCommand.jobsHelp)
          -h, --help        show this help

        \(ReportCommand.exitCodesHelp)
        """

    func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(arguments, options: ReportCommand.commonOptions.union(["--books"]), flags: ["--quiet"])
        let period = try ReportCommand.period(parsed)
        let format = try ReportCommand.format(parsed, for: MonthSummary.self)
        guard let outputs = try ReportCommand.outputs(parsed, context) else { return .ioError }
        let progress = try ProgressLine.make(parsed, context)
        let inputs = try ReportCommand.inputs(parsed, context)
        guard let rateCards = ReportCommand.rateCards(parsed, context) else { return .configuration }
        let pipeline = try ReportCommand.pipeline(rateCards, progress, parsed)
        let run: InvoiceRun
        let report: MonthSummary
        do {
            defer { progress?.finish() }
            if let books = parsed["--books"] {
                // A closed month is summarised from the run it issued (SPEC §7.4).
                switch BooksCommandSupport.booked(period, books: books, inputs, pipeline: pipeline, context,
                                                  onRejection: ReportCommand.printRejection(context)) {
                case let .success((booked, _)): run = booked
                case let .failure(stop): return stop.code
                }
            } else {
                run = try pipeline.invoices(for: period, inputs, onRejection: ReportCommand.printRejection(context))
            }
            report = try MonthSummary(run)
        } catch {
            return ReportCommand.failure(error, context)
        }
        let status = try ReportCommand.emit(report, as: format, to: outputs.report, status: run.needsAttention ? .dataError : .success, context)
        if let summary = RejectionSummary.text(of: run, inputs: inputs, rejectsFile: nil) { context.console.error(summary) }
        return status
    }
}
