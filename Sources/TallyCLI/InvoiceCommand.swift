import Foundation
import Tally

/// `tally invoice`: the month-end batch (issues 2 and 3).
enum InvoiceCommand {
    static let help = """
        Usage: tally invoice --month YYYY-MM [--rates DIR] [--format text|json]
                             [--rejects FILE] [--strict] [FILE ...]

        Prints one invoice per account for the calendar month (UTC) from the
        event log in FILEs, read in order (none, or -, reads standard input).
        Rejected lines go to standard error as FILE:LINE: ID: reason; an
        account with rejected events dated in or before the month gets its
        invoice marked held.

        Options:
          --month YYYY-MM   the billing period (required)
          --rates DIR       folder of rate cards (default: $TALLY_RATES, else ./Rates)
          --format FORMAT   text (default) or json (SPEC §6)
          --rejects FILE    also write every rejected line, as read, with its file,
                            line number and reason, to FILE as JSON Lines (atomic)
          --strict          print no invoices at all if any line is rejected
          -h, --help        show this help

        Exit codes: 0 success, 64 usage error, 65 lines rejected or invoices held
        (invoices still printed unless --strict), 66 input missing or unreadable,
        74 --rejects file could not be written, 78 rate-card configuration error.
        """

    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(arguments, options: ["--month", "--rates", "--format", "--rejects"],
                                   flags: ["--help", "-h", "--strict"])
        if parsed.has("--help") || parsed.has("-h") {
            Console.out(help + "\n")
            return .success
        }
        guard let monthText = parsed["--month"] else { throw UsageError(message: "--month YYYY-MM is required") }
        guard let period = BillingPeriod(monthText) else {
            throw UsageError(message: "--month \(monthText): expected YYYY-MM, e.g. 2026-10")
        }
        let format = parsed["--format"] ?? "text"
        guard ["text", "json"].contains(format) else {
            throw UsageError(message: "--format \(format): expected text or json")
        }
        let inputs = parsed.positionals.isEmpty ? [EventInput.standardInput] : parsed.positionals.map(EventInput.file)

        let rateCards: RateCardSet
        do {
            rateCards = try RateCardSet.load(directory: RatesLocation.directory(parsed["--rates"]))
        } catch {
            Console.error("tally: rate-card configuration error: \(error)")
            return .configuration
        }
        let rejects = try parsed["--rejects"].map { (path) throws(UsageError) in try AtomicFileWriter(path: path) }
        var rejectsFailure: OutputError?
        var standardError = BufferedStandardError()
        let outcome: Result<InvoiceRun, RunError>
        do throws(RunError) {
            outcome = .success(try MonthEndRun(period: period, rateCards: rateCards).run(inputs) { rejection in
                standardError.line("\(rejection)")
                guard let rejects, rejectsFailure == nil else { return }
                do throws(OutputError) {
                    try rejects.write(rejection.jsonLine + "\n")
                } catch {
                    rejectsFailure = error
                }
            })
        } catch {
            outcome = .failure(error)
        }
        standardError.flush()

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
                    Console.error("tally: \(error.message)")
                    return .ioError
                }
            }
        }

        switch outcome {
        case let .failure(error):
            Console.error("tally: \(error)")
            switch error {
            case .input: return .noInput
            case .configuration: return .configuration
            }
        case let .success(run):
            if parsed.has("--strict"), run.needsAttention {
                Console.error("tally: --strict: \(run.events.rejected) line\(run.events.rejected == 1 ? "" : "s") rejected; no invoices printed")
                return .dataError
            }
            Console.out(format == "json" ? InvoiceReport.json(run) : InvoiceReport.text(run))
            return run.needsAttention ? .dataError : .success
        }
    }
}

/// Where rate cards are read from: `--rates`, else `$TALLY_RATES`, else `./Rates`.
enum RatesLocation {
    static func directory(_ option: String?) -> String {
        option ?? ProcessInfo.processInfo.environment["TALLY_RATES"] ?? "Rates"
    }
}
