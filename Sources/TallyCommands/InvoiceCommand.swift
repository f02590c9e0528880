import Foundation
import Tally

/// `tally invoice`: the month-end batch (README, "The month-end run").
struct InvoiceCommand: Command {
    let name = "invoice"
    let summary = "the month-end invoices for one billing period (text, json, csv or html)"
    let synopsis = "tally invoice --month YYYY-MM [options] [FILE ...]"
    let help = """
        Usage: tally invoice --month YYYY-MM [--rates DIR] [--format text|json|csv|html]
                             [--output FILE] [--rejects FILE] [--strict] [--books DIR]
                             [--quiet] [--jobs N] [FILE ...]

        Prints one invoice per account for the calendar month (UTC) from the
        event log in FILEs, read in order (none, or -, reads standard input).
        Rejected lines go to standard error as FILE:LINE: ID: reason; an
        account with rejected events dated in or before the month gets its
        invoice marked held; a summary of the held invoices and what to do
        next follows them.

        Options:
          --month YYYY-MM   the billing period (required)
          --rates DIR       folder of rate cards (default: $TALLY_RATES, else ./Rates)
          --format FORMAT   text (default), json (SPEC section 6), csv (the billing export,
                            one row per line item) or html (one document to print or send,
                            an invoice per page)
          --output FILE     write the report to FILE atomically instead of standard output;
                            - is standard output
          --rejects FILE    also write every rejected line, as read, with its file,
                            line number and reason, to FILE as JSON Lines (atomic)
          --strict          print no invoices at all if any line is rejected
          --books DIR       with the books of closed months: a closed month prints as
                            issued; the month after the last closed one as a close would
                            issue it now, with the adjustments of closed months
        \(ReportCommand.quietHelp)
        \(ReportCommand.jobsHelp)
          -h, --help        show this help

        Exit codes: 0 success, 64 usage error, 65 lines rejected or invoices held
        (invoices still printed unless --strict), 66 input missing or unreadable,
        74 --output or --rejects file could not be written, 78 rate-card
        configuration error.
        """

    func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(arguments, options: ReportCommand.commonOptions.union(["--rejects", "--books"]),
                                   flags: ["--strict", "--quiet"])
        let period = try ReportCommand.period(parsed)
        let format = try ReportCommand.format(parsed, for: InvoiceRun.self)
        guard let outputs = try ReportCommand.outputs(parsed, context) else { return .ioError }
        let rejects = outputs.rejects
        let progress = try ProgressLine.make(parsed, context)
        let inputs = try ReportCommand.inputs(parsed, context)
        guard let rateCards = ReportCommand.rateCards(parsed, context) else { return .configuration }
        var rejectsFailure: OutputError?
        let onRejection = { (rejection: Rejection) in
            context.console.errorLine("\(rejection)")
            guard let rejects, rejectsFailure == nil else { return }
            do throws(OutputError) {
                try rejects.write(rejection.jsonLine + "\n")
            } catch {
                rejectsFailure = error
            }
        }
        let outcome: Result<InvoiceRun, RunError>
        var issuedDocument: String?
        let pipeline = try ReportCommand.pipeline(rateCards, progress, parsed)
        if let books = parsed["--books"] {
            switch BooksCommandSupport.booked(period, books: books, inputs, pipeline: pipeline, context, onRejection: onRejection) {
            case let .success((run, document)):
                outcome = .success(run)
                issuedDocument = document
            case let .failure(stop):
                progress?.finish()
                rejects?.discard()
                return stop.code
            }
        } else {
            do throws(RunError) {
                outcome = .success(try pipeline.invoices(for: period, inputs, onRejection: onRejection))
            } catch {
                outcome = .failure(error)
            }
        }
        progress?.finish()
        context.console.flushErrors()

        // The rejects file is kept whenever the whole log was read.
        if let rejects {
            if case .failure(.input) = outcome {
                rejects.discard()
            } else {
                do throws(OutputError) {
                    if let rejectsFailure { throw rejectsFailure }
                    try rejects.commit()
                } catch {
                    rejects.discard()
                    context.console.error("tally: \(error.message)")
                    return .ioError
                }
            }
        }

        switch outcome {
        case let .failure(error):
            return ReportCommand.failure(error, context)
        case let .success(run):
            let summary = RejectionSummary.text(of: run, inputs: inputs, rejectsFile: parsed["--rejects"])
            if parsed.has("--strict"), run.needsAttention {
                if let summary { context.console.error(summary) }
                context.console.error("tally: --strict: \(run.events.rejected) line\(run.events.rejected == 1 ? "" : "s") rejected; no invoices printed")
                return .dataError
            }
            let status: ExitCode = run.needsAttention ? .dataError : .success
            let emitted: ExitCode
            // A closed month prints as issued, byte for byte (SPEC §7.4).
            if format == .json, let issuedDocument {
                emitted = ReportCommand.emit(text: issuedDocument, to: outputs.report, status: status, context)
            } else {
                emitted = try ReportCommand.emit(run, as: format, to: outputs.report, status: status, context)
            }
            if let summary { context.console.error(summary) }
            return emitted
        }
    }
}

/// Where rate cards are read from: `--rates`, else `$TALLY_RATES`, else `./Rates`.
enum RatesLocation {
    static func directory(_ option: String?, _ context: CommandContext) -> String {
        if let option { return option }
        if let variable = context.environment["TALLY_RATES"], !variable.isEmpty { return variable }
        return "Rates"
    }
}
