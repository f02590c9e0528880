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

    /// The help line of `--quiet`, aligned as the report commands' options.
    static let quietHelp = "  --quiet           no progress line (a terminal shows one once a run takes 2 s)"

    /// The help line of `--jobs`, aligned as the report commands' options.
    static let jobsHelp = "  --jobs N          threads, 1 (default) or 2: replay while reading; the same output"

    /// The pipeline that prices with `rateCards`, reporting its reads to
    /// `progress` when there is one, with the threads `--jobs` asks for.
    ///
    /// - Throws: ``UsageError/invalidValue(option:value:expected:)`` for a
    ///   `--jobs` that is not a whole number from 1 to 64.
    static func pipeline(_ rateCards: RateCardSet, _ progress: ProgressLine?, _ parsed: Arguments) throws(UsageError) -> BillingPipeline {
        var pipeline = BillingPipeline(rateCards: rateCards)
        pipeline.progress = progress?.callback
        pipeline.jobs = try jobs(parsed)
        return pipeline
    }

    /// `--jobs N`: 1 by default; more than 2 uses 2 (README, "Performance").
    ///
    /// - Throws: ``UsageError/invalidValue(option:value:expected:)`` unless N is a whole number from 1 to 64.
    static func jobs(_ parsed: Arguments) throws(UsageError) -> Int {
        guard let text = parsed["--jobs"] else { return 1 }
        guard text.allSatisfy(\.isASCII), let jobs = Int(text), (1...64).contains(jobs) else {
            throw .invalidValue(option: "--jobs", value: text, expected: "a whole number from 1 to 64, e.g. 2")
        }
        return jobs
    }

    /// Options every report command takes.
    static let commonOptions: Set<String> = ["--month", "--rates", "--format", "--output", "--jobs"]

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

    /// The outputs a report command writes, checked (``checkOutputs(_:_:)``)
    /// and opened before the log is read (README, "Reports for operators"):
    /// an `--output` or `--rejects` that can't be written stops the command
    /// at once, and leaves the other file as it was.
    ///
    /// - Returns: the outputs, or `nil` after saying why one of them can't
    ///   be created for a reason that is not the operator's mistake (a full
    ///   disk: exit 74).
    /// - Throws: ``UsageError`` for an output refused by
    ///   ``checkOutputs(_:_:)`` or that can't be written where it is.
    static func outputs(_ parsed: Arguments, _ context: CommandContext) throws(UsageError) -> ReportOutputs? {
        try checkOutputs(parsed, context)
        do throws(AtomicFileWriter.OpeningError) {
            var outputs = ReportOutputs()
            if let path = parsed["--output"] { outputs.report = try AtomicFileWriter.open(path, option: "--output") }
            if let path = parsed["--rejects"] { outputs.rejects = try AtomicFileWriter.open(path, option: "--rejects") }
            return outputs
        } catch {
            switch error {
            case let .mistake(mistake):
                throw mistake
            case let .failure(failure):
                context.console.error("tally: \(failure)")
                return nil
            }
        }
    }

    /// Refuses an `--output` or `--rejects` file that is one of the input logs
    /// (it would be overwritten), the same file for both, or inside the books
    /// of `--books` (a folder only Tally writes; real paths compared, links
    /// followed), before anything is read or written; and a `--rejects` that
    /// is standard output (`-`, `/dev/stdout`: it carries the report);
    /// `--output -` is standard output. Files are compared by device and
    /// inode after following links, so a link, a hard link or `/dev/stdin`
    /// is caught too; standard input counts as an input when a FILE is `-` or
    /// there is none. A character device (a terminal, `/dev/null`) can't be
    /// overwritten and is not refused.
    static func checkOutputs(_ parsed: Arguments, _ context: CommandContext) throws(UsageError) {
        if let rejects = parsed["--rejects"], OutputDestination.resolve(rejects) == .standardOutput {
            throw .invalidValue(option: "--rejects", value: rejects, expected: "a file (standard output carries the report)")
        }
        let outputs = ["--output", "--rejects"].compactMap { option in parsed[option].map { (option, $0) } }
            .filter { $0.1 != "-" }
        let readsStandardInput = parsed.positionals.isEmpty || parsed.positionals.contains("-")
        for (option, path) in outputs {
            guard let output = FileIdentity(path: path), !output.isCharacterDevice else { continue }
            if readsStandardInput, context.standardInputIdentity == output {
                throw .outputIsInput(option: option, path: path, input: "-")
            }
            for input in parsed.positionals where input != "-" && FileIdentity(path: input) == output {
                throw .outputIsInput(option: option, path: path, input: input)
            }
        }
        if outputs.count == 2, outputs[0].1 == outputs[1].1
            || FileIdentity(path: outputs[0].1).map({ $0 == FileIdentity(path: outputs[1].1) }) == true {
            throw .sameOutputs(path: outputs[0].1)
        }
        if let books = parsed["--books"] {
            let folder = OutputDestination.realLocation(of: books)
            for (option, path) in outputs {
                guard case let .file(target)? = OutputDestination.resolve(path) else { continue }
                let location = OutputDestination.realLocation(of: target)
                if location == folder || location.hasPrefix(folder == "/" ? "/" : folder + "/") {
                    throw .outputInBooks(option: option, path: path, books: books, isFolder: location == folder)
                }
            }
        }
    }

    /// The positional FILEs, or standard input when there are none, each
    /// spooled up to `TALLY_SPOOL_LIMIT` bytes when it is not a regular file.
    /// When standard input is read and is a terminal, says so on standard
    /// error, so that a command waiting for input does not look stuck.
    ///
    /// - Throws: ``UsageError/invalidEnvironment(variable:value:expected:)``
    ///   when `TALLY_SPOOL_LIMIT` is not a whole number of bytes.
    static func inputs(_ parsed: Arguments, _ context: CommandContext) throws(UsageError) -> [EventInput] {
        let limit = try spoolLimit(context)
        let readsStandardInput = parsed.positionals.isEmpty || parsed.positionals.contains("-")
        if readsStandardInput, context.standardInputIsTerminal {
            context.console.error("tally: reading the event log from standard input (a terminal); "
                + "end it with Ctrl-D, or give the log as FILE")
        }
        let inputs = parsed.positionals.isEmpty ? [context.standardInput]
            : parsed.positionals.map { $0 == "-" ? context.standardInput : EventInput.file($0) }
        return inputs.map { $0.limitingSpool(to: limit) }
    }

    /// The most bytes one input that is not a regular file (standard input, a
    /// pipe) may be copied aside: `TALLY_SPOOL_LIMIT` in bytes, else 4 GiB
    /// (README, "Bad input").
    ///
    /// - Throws: ``UsageError/invalidEnvironment(variable:value:expected:)``
    ///   when the variable is set to anything but a whole number of bytes.
    static func spoolLimit(_ context: CommandContext) throws(UsageError) -> Int64 {
        guard let text = context.environment["TALLY_SPOOL_LIMIT"], !text.isEmpty else { return EventInput.defaultSpoolLimit }
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let bytes = Int64(text) else {
            throw .invalidEnvironment(variable: "TALLY_SPOOL_LIMIT", value: text,
                                      expected: "a whole number of bytes, e.g. 8589934592 for 8 GiB (default 4294967296)")
        }
        return bytes
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

    /// Prints a run's error and returns its exit code: 66 for input, 78 for
    /// configuration, 70 for a figure too large.
    static func failure(_ error: RunError, _ context: CommandContext) -> ExitCode {
        context.console.error("tally: \(error)")
        return code(of: error)
    }

    /// The exit code of a failed run (README, "Exit codes").
    static func code(of error: RunError) -> ExitCode {
        switch error {
        case .input: return .noInput
        case .configuration: return .configuration
        case .overflow: return .overflow
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
    /// ``format(_:for:)`` checked) and writes it to `output`, the `--output`
    /// opened by ``outputs(_:_:)``, committing it when all is written
    /// (atomically for a file: temporary file, flush, rename), printing
    /// nothing; or else (`nil`: no `--output`, `-`, `/dev/stdout`) to
    /// standard output.
    ///
    /// - Returns: `status`; 74 when writing fails (FILE is then left as it was).
    /// - Throws: ``UsageError`` when the report has no such format.
    static func emit(_ report: some Report, as format: ReportFormat, to output: AtomicFileWriter?, status: ExitCode,
                     _ context: CommandContext) throws(UsageError) -> ExitCode {
        // JSON is written piece by piece as it is made (a month-end run's
        // document is never held whole); text may need its ASCII fallback.
        guard format == .json else { return emit(text: try render(report, as: format, context), to: output, status: status, context) }
        return emit(to: output, status: status, context) { write in report.json { piece in piece.withUnsafeBytes(write) } }
    }

    /// Writes `text`, a report already rendered (e.g. a document the books
    /// keep byte for byte), as ``emit(_:as:to:status:_:)`` writes a report.
    static func emit(text: String, to output: AtomicFileWriter?, status: ExitCode, _ context: CommandContext) -> ExitCode {
        emit(to: output, status: status, context) { write in
            var text = text
            text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Writes what `produce` hands its writer, in order, to `output`
    /// (committed only when all of it was written) or to standard output.
    /// After a failed write, the rest is not written.
    private static func emit(to output: AtomicFileWriter?, status: ExitCode, _ context: CommandContext,
                             _ produce: ((UnsafeRawBufferPointer) -> Void) -> Void) -> ExitCode {
        context.console.flushErrors()
        var failure: OutputError?
        produce { bytes in
            guard failure == nil else { return }
            do throws(OutputError) {
                if let output { try output.write(bytes) } else { try context.console.out(bytes: bytes) }
            } catch {
                failure = error
            }
        }
        do throws(OutputError) {
            if let failure { throw failure }
            try output?.commit()
            return status
        } catch {
            output?.discard()
            context.console.error("tally: \(error)")
            return .ioError
        }
    }
}

/// The files a report command writes besides standard output, opened by
/// ``ReportCommand/outputs(_:_:)`` before the log is read.
struct ReportOutputs {
    /// `--output FILE`; `nil` for standard output.
    var report: AtomicFileWriter?
    /// `--rejects FILE` (`invoice` only).
    var rejects: AtomicFileWriter?
}
