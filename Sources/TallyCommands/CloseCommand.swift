import Foundation
import Tally
#if canImport(Glibc)
import Glibc
#endif

/// `tally close`: issues a month's invoices into the books, atomically and
/// once (SPEC §7.2; README, "Closing a month").
struct CloseCommand: Command {
    let name = "close"
    let summary = "issue a month's invoices into the books, once; late events become adjustments next month"
    let synopsis = "tally close --month YYYY-MM --books DIR [options] FILE ..."
    let help = """
        Usage: tally close --month YYYY-MM --books DIR [--at TIME] [--rates DIR]
                           [--format text|json|csv|html] [--output FILE] [--jobs N] FILE ...

        Issues the invoices of the calendar month (UTC) from the event log in FILEs
        and keeps them in the books, a folder only Tally writes: from then on the
        month always prints as issued, and events that reach the log late are
        billed as adjustment lines on the next month's invoices. A close is
        atomic: after a crash, a full disk or a signal, the month is closed with
        everything or the books are as they were.

        The month must have ended (at TIME, default now) and be the one after the
        last closed month (any month for the first close). The FILEs are the
        files of the last close, in the same order, then any new files; a file
        whose closed part changed stops the close. If an invoice would be held
        (rejected lines dated up to the month's end), nothing is written: fix the
        log and close again. Closing a closed month writes nothing and prints it.

        Options:
          --month YYYY-MM   the month to close (required)
          --books DIR       the books' folder (required; made at the first close)
          --at TIME         RFC 3339 instant of the close (default: now, UTC)
          --rates DIR       folder of rate cards (default: $TALLY_RATES, else ./Rates)
          --format FORMAT   what to print of the issued invoices: text (default),
                            json (the document kept in the books), csv or html
          --output FILE     write it to FILE atomically instead of standard output
        \(ReportCommand.jobsHelp)
          -h, --help        show this help

        Exit codes: 0 closed (or already closed), 64 usage error (month not ended,
        not the next, standard input given), 65 an invoice is held (nothing
        written) or a closed file changed, 66 input or books unreadable, 74 the
        books can't be written, 75 another close holds the books, 78 rate-card
        configuration error.
        """

    func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(arguments, options: ReportCommand.commonOptions.union(["--books", "--at"]), flags: [])
        let month = try ReportCommand.period(parsed)
        guard let books = parsed["--books"] else { throw .missingOption("--books", placeholder: "DIR") }
        let instant = try LedgerQuery.instant(parsed, context)
        let format = try ReportCommand.format(parsed, for: InvoiceRun.self)
        guard !parsed.positionals.isEmpty, !parsed.positionals.contains("-") else {
            throw .wrongArguments(command: name, expected: "the event log as files (the books read on from where they stopped), not standard input")
        }
        guard let outputs = try ReportCommand.outputs(parsed, context) else { return .ioError }
        let inputs = try ReportCommand.inputs(parsed, context)
        let jobs = try ReportCommand.jobs(parsed)
        guard let rateCards = ReportCommand.rateCards(parsed, context) else { return .configuration }
        var pipeline = BillingPipeline(rateCards: rateCards)
        pipeline.jobs = jobs
        // For tests: stop the close dead after a given step, as a crash would.
        let fault = context.environment["TALLY_CLOSE_FAULT"]
        let outcome: CloseOutcome
        do throws(BooksRunError) {
            outcome = try pipeline.close(month, inputs, books: books, at: instant, step: { step in
                if step == fault { _exit(137) }
            }, onRejection: { context.console.errorLine("\($0)") })
        } catch {
            context.console.flushErrors()
            return BooksCommandSupport.failure(error, context)
        }
        context.console.flushErrors()
        switch outcome {
        case let .closed(run, document):
            context.console.error("tally: \(month) closed: \(run.invoices.count) invoice\(run.invoices.count == 1 ? "" : "s") issued into \(books)")
            return format == .json ? ReportCommand.emit(text: document, to: outputs.report, status: .success, context)
                : try ReportCommand.emit(run, as: format, to: outputs.report, status: .success, context)
        case let .alreadyClosed(run, document):
            context.console.error("tally: \(month) is already closed; nothing was written. It was issued as follows.")
            return format == .json ? ReportCommand.emit(text: document, to: outputs.report, status: .success, context)
                : try ReportCommand.emit(run, as: format, to: outputs.report, status: .success, context)
        case let .held(run):
            let held = run.invoices.filter { $0.status == .held }.map { "\($0.account) (\($0.rejectedLineCount) rejected line\($0.rejectedLineCount == 1 ? "" : "s"))" }
                + run.heldAccountsWithoutInvoice.map { "\($0.account) (\($0.rejectedLineCount) rejected line\($0.rejectedLineCount == 1 ? "" : "s"), no invoice)" }
            context.console.error("tally: \(month) not closed, nothing written: held by rejected lines of "
                + held.joined(separator: ", ") + " (listed above); fix the log and close again")
            return .dataError
        }
    }
}
