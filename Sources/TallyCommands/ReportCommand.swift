import Foundation
import Tally

/// What the report commands share (README, "Reports for operators"): their
/// common options, reading the rate cards, mapping run errors to exit codes,
/// and writing the report to standard output or, with `--output FILE`,
/// atomically to a file.
enum ReportCommand {
    /// The exit codes, as the report commands' help states them.
    static let exitCodesHelp = """
        Exit codes: 0 success, 64 usage error, 65 lines rejected or invoices held
        (report still written), 66 input missing or unreadable, 74 --output file
        could not be written, 78 rate-card configuration error.
        """

    /// Options every report command takes.
    static let commonOptions: Set<String> = ["--month", "--rates", "--format", "--output"]

    /// `--month YYYY-MM`, required.
    static func period(_ parsed: Arguments) throws(UsageError) -> BillingPeriod {
        guard let monthText = parsed["--month"] else { throw .missingOption("--month", placeholder: "YYYY-MM") }
        guard let period = BillingPeriod(monthText) else {
            throw .invalidValue(option: "--month", value: monthText, expected: "YYYY-MM, e.g. 2026-10")
        }
        return period
    }

    /// `--format`, one of the formats `report` renders (``Report/formats``);
    /// text, the first, by default.
    static func format<Kind: Report>(_ parsed: Arguments, for report: Kind.Type) throws(UsageError) -> ReportFormat {
        guard let text = parsed["--format"] else { return Kind.formats[0] }
        guard let format = ReportFormat(rawValue: text), Kind.formats.contains(format) else {
            throw .invalidValue(option: "--format", value: text, expected: UnsupportedReportFormat.choices(Kind.formats))
        }
        return format
    }

    /// Refuses an `--output` or `--rejects` file that is one of the input logs
    /// (it would be overwritten) or the same file for both, and `--rejects -`
    /// (standard output carries the report). `--output -` is standard output.
    static func checkOutputs(_ parsed: Arguments) throws(UsageError) {
        if parsed["--rejects"] == "-" {
            throw .invalidValue(option: "--rejects", value: "-", expected: "a file (standard output carries the report)")
        }
        let outputs = ["--output", "--rejects"].compactMap { option in parsed[option].map { (option, $0) } }
            .filter { $0.1 != "-" }
        for (option, path) in outputs {
            for input in parsed.positionals where input != "-" && AtomicFileWriter.sameFile(path, input) {
                throw .outputIsInput(option: option, path: path, input: input)
            }
        }
        if outputs.count == 2, outputs[0].1 == outputs[1].1 || AtomicFileWriter.sameFile(outputs[0].1, outputs[1].1) {
            throw .sameOutputs(path: outputs[0].1)
        }
    }

    /// The positional FILEs, or standard input when there are none. When
    /// standard input is read and is a terminal, says so on standard error,
    /// so that a command waiting for input does not look stuck.
    static func inputs(_ parsed: Arguments, _ context: CommandContext) -> [EventInput] {
        let readsStandardInput = parsed.positionals.isEmpty || parsed.positionals.contains("-")
        if readsStandardInput, context.standardInputIsTerminal {
            context.console.error("tally: reading the event log from standard input (a terminal); "
                + "end it with Ctrl-D, or give the log as FILE")
        }
        return parsed.positionals.isEmpty ? [context.standardInput]
            : parsed.positionals.map { $0 == "-" ? context.standardInput : EventInput.file($0) }
    }

    /// The rate cards from `--rates`, `$TALLY_RATES` or `./Rates`; `nil` after
    /// printing the error (exit code 78).
    static func rateCards(_ parsed: Arguments, _ context: CommandContext) -> RateCardSet? {
        do {
            return try RateCardSet.load(directory: RatesLocation.directory(parsed["--rates"], context))
        } catch {
            context.console.error("tally: rate-card configuration error: \(error)")
            return nil
        }
    }

    /// Prints a run's error and returns its exit code: 66 for input, 78 for configuration.
    static func failure(_ error: RunError, _ context: CommandContext) -> ExitCode {
        context.console.error("tally: \(error)")
        switch error {
        case .input: return .noInput
        case .configuration: return .configuration
        }
    }

    /// Prints each rejected line on standard error as `FILE:LINE: ID: reason`.
    static func printRejection(_ context: CommandContext) -> (Rejection) -> Void {
        { rejection in context.console.errorLine("\(rejection)") }
    }

    /// Renders `report` in `format`; text in ASCII when the locale is not
    /// UTF-8 (see ``CommandContext/isUTF8Locale``).
    ///
    /// - Throws: ``UsageError/invalidValue(option:value:expected:)`` for
    ///   `--format` when the report has no such form.
    static func render(_ report: some Report, as format: ReportFormat, _ context: CommandContext) throws(UsageError) -> String {
        let text: String
        do {
            text = try report.rendered(as: format)
        } catch {
            throw .invalidValue(option: "--format", value: format.rawValue, expected: UnsupportedReportFormat.choices(error.supported))
        }
        return format == .text && !context.isUTF8Locale ? ASCIIText.fallback(text) : text
    }

    /// Renders `report` in `format` (one of its ``Report/formats``, as
    /// ``format(_:for:)`` checked) and writes it to `--output FILE`
    /// atomically (temporary file, flush, rename), printing nothing, or else
    /// (and for `--output -`) to standard output.
    ///
    /// - Returns: `status`; 64 when FILE's folder can't be written to; 74 when
    ///   writing fails part-way (FILE is then left as it was).
    /// - Throws: ``UsageError`` when the report has no such format.
    static func emit(_ report: some Report, as format: ReportFormat, _ parsed: Arguments, status: ExitCode,
                     _ context: CommandContext) throws(UsageError) -> ExitCode {
        context.console.flushErrors()
        let text = try render(report, as: format, context)
        guard let path = parsed["--output"], path != "-" else {
            return context.emit(text, status: status)
        }
        let writer: AtomicFileWriter
        do {
            writer = try AtomicFileWriter(path: path, option: "--output")
        } catch {
            context.console.error("tally: \(error)")
            return .usage
        }
        do {
            try writer.write(text)
            try writer.commit()
            return status
        } catch {
            writer.discard()
            context.console.error("tally: \(error.message)")
            return .ioError
        }
    }
}
