import Foundation
import Tally

/// The options the ledger commands share (`tally ssl quote`, `ssl list`,
/// `account`): `--account`, `--at` (default: now, whole seconds), `--rates`,
/// `--format`, `--books` (read from the last close on), `--quiet` (no
/// progress line), and the event log's FILEs (none, or `-`, reads standard
/// input). One call of the warm ledger: the log is read once.
struct LedgerQuery {
    static let options: Set<String> = ["--account", "--at", "--rates", "--format", "--books"]

    let account: AccountName
    let instant: Timestamp
    let format: ReportFormat
    let inputs: [EventInput]
    let ratesDirectory: String
    let books: String?
    let context: CommandContext
    /// The progress line of the read, when standard error is a terminal and `--quiet` is not given.
    let progress: ProgressLine?

    /// Reads the shared options; `--format` must be one of `report`'s formats.
    init<Kind: Report>(_ parsed: Arguments, _ context: CommandContext, report: Kind.Type) throws(UsageError) {
        account = try Self.account(parsed)
        instant = try Self.instant(parsed, context)
        format = try ReportCommand.format(parsed, for: report)
        inputs = try ReportCommand.inputs(parsed, context)
        ratesDirectory = RatesLocation.directory(parsed["--rates"], context)
        books = parsed["--books"]
        self.context = context
        progress = try ProgressLine.make(parsed, context)
    }

    /// Builds the ledger, prints the report `makeReport` makes of it in the
    /// chosen format, and returns the exit code: 65 when the account has
    /// rejected lines (the report is still printed), else 0; on an error, its
    /// message and exit code.
    ///
    /// - Parameter metering: whether the report needs the month's cost.
    func run(metering: Bool = false, _ makeReport: (Ledger) throws(LedgerError) -> some Report) throws(UsageError) -> ExitCode {
        let ledger: Ledger
        do {
            ledger = try self.ledger(metering: metering)
        } catch {
            return error.code
        }
        let report: any Report
        do {
            report = try makeReport(ledger)
        } catch {
            return self.report(error)
        }
        let text = try ReportCommand.render(report, as: format, context)
        return context.emit(text, status: ledger.account(account).rejectedLineCount > 0 ? .dataError : .success)
    }

    /// Loads the rate cards and replays the log up to the instant. The
    /// account's own rejected lines go to standard error as
    /// `FILE:LINE: ID: reason`; other accounts' are never shown.
    ///
    /// - Throws: ``Stop`` with the exit code, after printing why there is no ledger.
    private func ledger(metering: Bool) throws(Stop) -> Ledger {
        let rateCards: RateCardSet
        do {
            rateCards = try RateCardSet.load(directory: ratesDirectory)
        } catch {
            context.console.error("tally: rate-card configuration error: \(error)")
            throw Stop(code: .configuration)
        }
        let account = self.account
        do {
            defer { progress?.finish() }
            return try Ledger(inputs, at: instant, rateCards: rateCards, books: books, metering: metering, onRejection: { rejection in
                if rejection.account == account, (rejection.time ?? instant) <= instant { context.console.error("\(rejection)") }
            }, progress: progress?.callback)
        } catch {
            throw Stop(code: report(error))
        }
    }

    /// A command that ends early with an exit code, its reason already printed.
    struct Stop: Error {
        let code: ExitCode
    }

    /// Prints a ledger error and returns its exit code.
    func report(_ error: LedgerError) -> ExitCode {
        context.console.error("tally: \(error)")
        switch error {
        case .input: return .noInput
        case .configuration: return .configuration
        case .overflow: return .overflow
        case .applicationNotFound, .sslEdgeNotFound, .refused: return .dataError
        case let .books(error): return BooksCommandSupport.code(of: error)
        }
    }

    /// `--account ACCOUNT`, required, checked against the rule for account names.
    static func account(_ parsed: Arguments) throws(UsageError) -> AccountName {
        guard let text = parsed["--account"] else { throw .missingOption("--account", placeholder: "ACCOUNT") }
        do {
            return try AccountName(text)
        } catch {
            throw .invalidName(option: "--account", error)
        }
    }

    /// `--at TIME` (RFC 3339), or now in whole seconds.
    static func instant(_ parsed: Arguments, _ context: CommandContext) throws(UsageError) -> Timestamp {
        guard let text = parsed["--at"] else { return context.now() }
        guard let instant = Timestamp(rfc3339: text) else {
            throw .invalidValue(option: "--at", value: text, expected: "an RFC 3339 date-time such as 2026-10-20T00:00:00Z")
        }
        return instant
    }

    /// A required name option such as `--app` or `--domain`, checked against its rule.
    static func name<Kind: NameKind>(_ option: String, _ parsed: Arguments) throws(UsageError) -> Name<Kind> {
        guard let name: Name<Kind> = try optionalName(option, parsed) else { throw .missingOption(option, placeholder: nil) }
        return name
    }

    /// A name option that may be left out, checked against its rule when given.
    static func optionalName<Kind: NameKind>(_ option: String, _ parsed: Arguments) throws(UsageError) -> Name<Kind>? {
        guard let text = parsed[option] else { return nil }
        do {
            return try Name<Kind>(text)
        } catch {
            throw .invalidName(option: option, error)
        }
    }
}
