/// Why a question to the ``Ledger`` has no answer.
///
/// Every lookup is scoped to one account: a name that exists only in another
/// account gives exactly the same error value, and so the same message, as a
/// name that exists nowhere. Messages never mention another account.
public enum LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An input of the event log can't be read at all (CLI exit code 66).
    case input(InputError)
    /// The rate cards can't price the question: no card is in effect at the
    /// instant, or billable usage falls outside every card (CLI exit code 78).
    case configuration(RateCardError)
    /// An amount does not fit in 64 bits of minor units (CLI exit code 70).
    case overflow(String)
    /// The account has no application of that name at the ledger's instant.
    case applicationNotFound(ApplicationName, account: AccountName)
    /// The account has no active SSL edge for that domain at the ledger's instant.
    case sslEdgeNotFound(DomainName, account: AccountName)
    /// The request breaks a rule, e.g. a quote for SSL on a sandbox application.
    case refused(SSLRefusal)
    /// The books of closed months can't be used, or the log's closed part
    /// changed (SPEC §7; the CLI's exit codes are those of `tally close`).
    case books(BooksRunError)

    /// The message, in words, for people and logs.
    public var description: String {
        switch self {
        case let .input(error):
            "\(error)"
        case let .configuration(error):
            "rate-card configuration error: \(error)"
        case let .overflow(problem):
            "\(problem); check the log's allocations and the rate card's prices"
        case let .applicationNotFound(app, account):
            "application \(app) does not exist in account \(account); check the name against the account's applications (tally account)"
        case let .sslEdgeNotFound(domain, account):
            "domain \(domain) has no active SSL edge in account \(account); check the domain against the account's edges (tally ssl list)"
        case let .refused(refusal):
            "refused: \(refusal)"
        case let .books(error):
            "\(error)"
        }
    }
}

extension LedgerError {
    /// The ledger's error for a pipeline run's.
    init(_ error: RunError) {
        switch error {
        case let .input(error): self = .input(error)
        case let .configuration(error): self = .configuration(error)
        case let .overflow(problem): self = .overflow(problem)
        }
    }
}

extension LedgerError {
    /// The ledger's error for a run with books.
    init(_ error: BooksRunError) {
        if case let .run(error) = error {
            self.init(error)
        } else {
            self = .books(error)
        }
    }
}
