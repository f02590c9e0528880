import Foundation
import Tally

/// The options the ledger commands share (`tally ssl quote`, `ssl list`,
/// `account`): `--account`, `--at` (default: now, whole seconds), `--rates`,
/// `--format`, and the event log's FILEs (none, or `-`, reads standard input).
struct LedgerQuery {
    static let options: Set<String> = ["--account", "--at", "--rates", "--format"]

    let account: AccountName
    let instant: Timestamp
    let json: Bool
    let inputs: [EventInput]
    let ratesDirectory: String

    init(_ parsed: Arguments) throws(UsageError) {
        account = try Self.account(parsed)
        instant = try Self.instant(parsed)
        let format = parsed["--format"] ?? "text"
        guard ["text", "json"].contains(format) else {
            throw UsageError(message: "--format \(format): expected text or json")
        }
        json = format == "json"
        inputs = parsed.positionals.isEmpty ? [EventInput.standardInput] : parsed.positionals.map(EventInput.file)
        ratesDirectory = RatesLocation.directory(parsed["--rates"])
    }

    /// Builds the ledger, prints the report `render` makes of it, and returns
    /// the exit code: 65 when the account has rejected lines (the report is
    /// still printed), else 0; on an error, its message and exit code.
    func run(_ render: (Ledger) throws(LedgerError) -> String) -> ExitCode {
        let ledger: Ledger
        do {
            ledger = try self.ledger()
        } catch {
            return error.code
        }
        do {
            Console.out(try render(ledger))
        } catch {
            return Self.report(error)
        }
        return ledger.account(account).rejectedLineCount > 0 ? .dataError : .success
    }

    /// Loads the rate cards and replays the log up to the instant. The
    /// account's own rejected lines go to standard error as
    /// `FILE:LINE: ID: reason`; other accounts' are never shown.
    ///
    /// - Throws: ``Stop`` with the exit code, after printing why there is no ledger.
    private func ledger() throws(Stop) -> Ledger {
        let rateCards: RateCardSet
        do {
            rateCards = try RateCardSet.load(directory: ratesDirectory)
        } catch {
            Console.error("tally: rate-card configuration error: \(error)")
            throw Stop(code: .configuration)
        }
        let account = self.account
        do {
            return try Ledger(inputs, at: instant, rateCards: rateCards) { rejection in
                if rejection.account == account, (rejection.time ?? instant) <= instant { Console.error("\(rejection)") }
            }
        } catch {
            throw Stop(code: Self.report(error))
        }
    }

    /// A command that ends early with an exit code, its reason already printed.
    struct Stop: Error {
        let code: ExitCode
    }

    /// Prints a ledger error and returns its exit code.
    static func report(_ error: LedgerError) -> ExitCode {
        Console.error("tally: \(error)")
        switch error {
        case .input: return .noInput
        case .configuration: return .configuration
        case .applicationNotFound, .sslEdgeNotFound, .refused: return .dataError
        }
    }

    /// `--account ACCOUNT`, required, checked against the rule for account names.
    static func account(_ parsed: Arguments) throws(UsageError) -> AccountName {
        guard let text = parsed["--account"] else { throw UsageError(message: "--account ACCOUNT is required") }
        do {
            return try AccountName(text)
        } catch {
            throw UsageError(message: "--account: \(error)")
        }
    }

    /// `--at TIME` (RFC 3339), or now in whole seconds.
    static func instant(_ parsed: Arguments) throws(UsageError) -> Timestamp {
        guard let text = parsed["--at"] else { return Timestamp(Date()) }
        guard let instant = Timestamp(rfc3339: text) else {
            throw UsageError(message: "--at \(text): expected an RFC 3339 date-time such as 2026-10-20T00:00:00Z")
        }
        return instant
    }

    /// A required name option such as `--app` or `--domain`, checked against its rule.
    static func name<Kind: NameKind>(_ option: String, _ parsed: Arguments) throws(UsageError) -> Name<Kind> {
        guard let name: Name<Kind> = try optionalName(option, parsed) else { throw UsageError(message: "\(option) is required") }
        return name
    }

    /// A name option that may be left out, checked against its rule when given.
    static func optionalName<Kind: NameKind>(_ option: String, _ parsed: Arguments) throws(UsageError) -> Name<Kind>? {
        guard let text = parsed[option] else { return nil }
        do {
            return try Name<Kind>(text)
        } catch {
            throw UsageError(message: "\(option): \(error)")
        }
    }
}
