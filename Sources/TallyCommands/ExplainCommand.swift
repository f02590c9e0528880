import Tally

/// `tally explain`: why an account was charged what it was (README,
/// "Reports for operators").
struct ExplainCommand: Command {
    let name = "explain"
    let summary = "why an account was charged what it was: the intervals and arithmetic behind its lines"
    let synopsis = "tally explain --account A --month YYYY-MM [--line N|ID | --service APP/SERVICE | --domain D] [options] [FILE ...]"
    let help = """
        Usage: tally explain --account ACCOUNT --month YYYY-MM
                             [--line N|ID | --service APP/SERVICE | --domain DOMAIN]
                             [--rates DIR] [--format text|json] [--output FILE] [--books DIR]
                             [--quiet] [--jobs N] [FILE ...]

        Explains lines of the account's invoice for the calendar month (UTC) from
        the event log in FILEs, read in order (none, or -, reads standard input):
        every interval that made up each line (from, to, seconds, instances x MB,
        MB-seconds), the event that started and ended it (id and FILE:LINE, or
        before the month / after the month / month end / rate card change), the
        rate card, and the arithmetic from MB-seconds to the rounded amount.
        Without a selector, every line is explained. The account's rejected
        lines go to standard error as FILE:LINE: ID: reason, then a summary of
        what they hold and what to do next.

        Options:
          --account ACCOUNT    the account invoiced (required)
          --month YYYY-MM      the billing period (required)
          --line N|ID          the Nth line as the invoice lists them, from 1, or the line
                               whose line_id (li-...) the CSV and JSON exports give
          --service APP/SERVICE  every line of that service
          --domain DOMAIN      every line of that domain's SSL edge
          --rates DIR          folder of rate cards (default: $TALLY_RATES, else ./Rates)
          --format FORMAT      text (default) or json
          --output FILE        write the report to FILE atomically instead of standard output;
                               - is standard output
          --books DIR          with the books of closed months: a closed month is explained as
                               issued, the month after the last closed one as a close would issue
                               it now; an adjustment line down to its late events (id, FILE:LINE,
                               type, time) and its due and billed figures
          --quiet              no progress line (a terminal shows one once a run takes 2 s)
          --jobs N             threads, 1 (default) or 2: replay while reading; the same output
          -h, --help           show this help

        Exit codes: 0 success, 64 usage error (also: no invoice, or no such line),
        65 lines rejected or invoices held (report still written), 66 input missing
        or unreadable, 74 --output file could not be written, 78 rate-card
        configuration error.
        """

    func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(arguments, options: ReportCommand.commonOptions.union(["--account", "--line", "--service", "--domain",
                                                                                          "--books"]),
                                   flags: ["--quiet"])
        let account = try LedgerQuery.account(parsed)
        let period = try ReportCommand.period(parsed)
        let selection = try Self.selection(parsed)
        let format = try ReportCommand.format(parsed, for: ChargeExplanation.self)
        guard let outputs = try ReportCommand.outputs(parsed, context) else { return .ioError }
        let progress = try ProgressLine.make(parsed, context)
        let inputs = try ReportCommand.inputs(parsed, context)
        guard let rateCards = ReportCommand.rateCards(parsed, context) else { return .configuration }
        let explanation: ChargeExplanation
        var ownRejections = 0
        let pipeline = try ReportCommand.pipeline(rateCards, progress, parsed)
        let onRejection = { (rejection: Rejection) in
            ownRejections += 1
            ReportCommand.printRejection(context)(rejection)
        }
        do {
            defer { progress?.finish() }
            if let books = parsed["--books"] {
                let booked = try pipeline.explanation(of: account, in: period, selecting: selection, inputs, books: books,
                                                      onRejection: onRejection)
                if case let .issued(_, adjustedBy) = booked { BooksCommandSupport.noteIssued(period, adjustedBy: adjustedBy, context) }
                explanation = booked.report
            } else {
                explanation = try pipeline.explanation(of: account, in: period, selecting: selection, inputs, onRejection: onRejection)
            }
        } catch {
            switch error {
            case let .run(runError): return ReportCommand.failure(runError, context)
            case let .books(booksError): return BooksCommandSupport.failure(booksError, context)
            case .noInvoice, .noLine: throw .nothingToExplain(error)
            }
        }
        // Only the account's own lines are shown and decide the exit code.
        let status = try ReportCommand.emit(explanation, as: format, to: outputs.report,
                                            status: ownRejections > 0 || explanation.status == .held ? .dataError : .success,
                                            context)
        if let summary = RejectionSummary.text(of: account, in: period, rejected: ownRejections,
                                               holding: explanation.rejectedLineCount, hasInvoice: true,
                                               otherAccounts: explanation.events.rejected - ownRejections) {
            context.console.error(summary)
        }
        return status
    }

    /// `--line N`, `--service APP/SERVICE` or `--domain D` (at most one), else every line.
    static func selection(_ parsed: Arguments) throws(UsageError) -> ChargeSelection {
        let given = ["--line", "--service", "--domain"].filter { parsed[$0] != nil }
        guard given.count <= 1 else {
            throw .conflictingOptions(given)
        }
        if let text = parsed["--line"] {
            if LineItem.isLineID(text) { return .lineID(text) }
            guard let number = Int(text), number >= 1 else {
                throw .invalidValue(option: "--line", value: text, expected: "a line number from 1, or a line id such as li-5a7ec1b6d8e3f402")
            }
            return .line(number)
        }
        if let text = parsed["--service"] {
            let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw .invalidValue(option: "--service", value: text, expected: "APP/SERVICE, e.g. shop/www")
            }
            do {
                return .service(try ApplicationName(String(parts[0])), try ServiceName(String(parts[1])))
            } catch {
                throw .invalidName(option: "--service", error)
            }
        }
        if let text = parsed["--domain"] {
            do {
                return .domain(try DomainName(text))
            } catch {
                throw .invalidName(option: "--domain", error)
            }
        }
        return .all
    }
}
