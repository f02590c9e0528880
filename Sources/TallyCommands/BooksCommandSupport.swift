import Tally

/// What the commands that take `--books DIR` share (README, "Closing a
/// month"): the exit code of each books error, and printing a month the
/// books have (issued or previewed).
enum BooksCommandSupport {
    /// Prints `error` and returns its exit code: 64 for a month that can't be
    /// asked for, 65 for a log whose closed part changed, 66 for books that
    /// can't be read (damaged, or of a newer Tally) and inputs that can't be
    /// read, 74 for books that can't be written, 75 for a close holding the
    /// books' lock, 78 for rate cards that no longer price a closed month
    /// as issued, and a run's own codes.
    static func failure(_ error: BooksRunError, _ context: CommandContext) -> ExitCode {
        switch error {
        case let .run(runError):
            return ReportCommand.failure(runError, context)
        case let .books(.failedRun(inner)):
            return failure(inner, context)
        default:
            context.console.error("tally: \(error)")
            return code(of: error)
        }
    }

    /// The exit code of a books error whose message is printed (README,
    /// "Closing a month").
    static func code(of error: BooksRunError) -> ExitCode {
        switch error {
        case let .run(runError): return ReportCommand.code(of: runError)
        case let .books(.failedRun(inner)): return code(of: inner)
        case .notEnded, .notNext, .beforeFirstClose, .standardInput: return .usage
        case .books(.inputChanged), .books(.inputsDiffer): return .dataError
        case .books(.newerFormat), .books(.damaged): return .noInput
        case .books(.unusable): return .ioError
        case .books(.locked): return .temporaryFailure
        case .notReproduced: return .configuration
        }
    }

    /// The run of `month` with the books in `parsed["--books"]`: a closed
    /// month as issued (saying on standard error when the log now gives other
    /// figures, and which month's invoice will carry the adjustment), or the
    /// next month as a close would issue it.
    ///
    /// - Returns: the run and, for a closed month, the document issued (to
    ///   print byte for byte as JSON); or the exit code after an error.
    static func booked(_ month: BillingPeriod, books: String, _ inputs: [EventInput], pipeline: BillingPipeline,
                       _ context: CommandContext, onRejection: (Rejection) -> Void)
        -> Result<(run: InvoiceRun, document: String?), Stop> {
        do throws(BooksRunError) {
            switch try pipeline.booked(month, inputs, books: books, onRejection: onRejection) {
            case let .issued(run, document, adjustedBy):
                noteIssued(month, adjustedBy: adjustedBy, context)
                return .success((run, document))
            case let .preview(run):
                return .success((run, nil))
            }
        } catch {
            return .failure(Stop(code: failure(error, context)))
        }
    }

    /// One account's report of `month` with the books in `books`
    /// (`usage`, `explain`): `make` asks the pipeline for it; a closed
    /// month's is said on standard error to be as issued, naming the month
    /// whose invoice will carry the account's adjustment when the log now
    /// gives other figures.
    ///
    /// - Returns: the report, or the exit code after an error (printed).
    static func report<Report>(_ month: BillingPeriod, _ context: CommandContext,
                               _ make: () throws(BooksRunError) -> BookedReport<Report>) -> Result<Report, Stop> {
        do throws(BooksRunError) {
            let booked = try make()
            if case let .issued(_, adjustedBy) = booked { noteIssued(month, adjustedBy: adjustedBy, context) }
            return .success(booked.report)
        } catch {
            return .failure(Stop(code: failure(error, context)))
        }
    }

    /// Says on standard error that `month` is closed and printed as issued.
    static func noteIssued(_ month: BillingPeriod, adjustedBy: BillingPeriod?, _ context: CommandContext) {
        context.console.error("tally: \(month) is closed: this is what was issued"
            + (adjustedBy.map { "; the log now gives other figures for \(month): the invoice of \($0) will carry the adjustment" } ?? ""))
    }

    /// A command that ends early with an exit code, its reason already printed.
    struct Stop: Error {
        let code: ExitCode
    }
}
