/// The ledger a ticket-service process keeps (README, "For the ticket
/// service"): built once from the books' last close (or from the start of
/// the log without books), then following the log. Every call first reads
/// only what was appended since the last call (by this process or any other
/// writer) and answers from the kept platform, equal to what a fresh
/// ``Ledger`` of the same log at the same instant answers. Instants are
/// always given: the service never reads the clock.
///
/// ```swift
/// let service = try await LedgerService(log: "events.jsonl", books: "books",
///                                       rateCards: try RateCardSet.load(directory: "Rates"))
/// let quote = try await service.sslQuote(application: app, domain: domain, for: account, at: now)
/// let outcome = try await service.record(.enable(application: app, domain: domain), for: account, at: now,
///                                        id: try EventID("ticket-4711-enable"))
/// ```
public actor LedgerService {
    /// The event-log file followed and appended to.
    public nonisolated let log: String
    /// How long ``record(_:for:at:id:backdate:)`` waits for another writer's lock.
    public nonisolated let lockTimeout: Duration
    private var warm: WarmLedger

    /// Reads the log once: from the books' last close when `books` is given,
    /// else from its start.
    ///
    /// - Parameters:
    ///   - log: the event-log file (a regular file; not standard input).
    ///   - books: the books of closed months (SPEC §7), or `nil`.
    ///   - rateCards: the cards that price quotes and costs (SPEC §4).
    ///   - lockTimeout: how long an append waits for another writer's lock
    ///     (default 30 seconds).
    /// - Throws: ``LedgerError``: `.input` when the log can't be read,
    ///   `.books` when the books can't be used or the log's closed part changed.
    public init(log: String, books: String? = nil, rateCards: RateCardSet,
                lockTimeout: Duration = EventLogAppender.defaultLockTimeout) async throws(LedgerError) {
        do {
            _ = try LockedLogFile.checkedRegularFile(log)
        } catch {
            throw .input(InputError(name: log, problem: "\(error)"))
        }
        self.log = log
        self.lockTimeout = lockTimeout
        warm = try WarmLedger([.file(log)], books: books, pipeline: BillingPipeline(rateCards: rateCards))
    }

    /// Reads and applies what was appended to the log since the last call.
    ///
    /// - Throws: ``LedgerError/input(_:)`` when the log can't be read or was
    ///   cut; ``LedgerError/books(_:)`` when a late event needs the books
    ///   and they can't be used.
    public func refresh() async throws(LedgerError) {
        try warm.refresh()
    }

    /// The account at `instant` (see ``Ledger/account(_:)``).
    ///
    /// - Throws: ``LedgerError`` when the log can't be read.
    public func account(_ account: AccountName, at instant: Timestamp) async throws(LedgerError) -> AccountView {
        try ledger(at: instant, metering: false).account(account)
    }

    /// The account's cost to date and expected month-end cost at `instant`,
    /// adjustments of closed months included (see ``Ledger/cost(of:)``).
    ///
    /// - Throws: ``LedgerError``.
    public func cost(of account: AccountName, at instant: Timestamp) async throws(LedgerError) -> AccountCost {
        try ledger(at: instant, metering: true).cost(of: account)
    }

    /// The account's active SSL edges at `instant` (see ``Ledger/sslEdges(of:)``).
    ///
    /// - Throws: ``LedgerError`` when the log can't be read.
    public func sslEdges(of account: AccountName, at instant: Timestamp) async throws(LedgerError) -> [SSLEdgeView] {
        try ledger(at: instant, metering: false).sslEdges(of: account)
    }

    /// A quote for custom-domain SSL at `instant` (see
    /// ``Ledger/sslQuote(application:domain:for:)``).
    ///
    /// - Throws: ``LedgerError``, `.refused` when SSL can't be enabled.
    public func sslQuote(application: ApplicationName, domain: DomainName, for account: AccountName,
                         at instant: Timestamp) async throws(LedgerError) -> SSLQuote {
        try ledger(at: instant, metering: false).sslQuote(application: application, domain: domain, for: account)
    }

    /// Whether `action` may be recorded for `account` at `instant` (see
    /// ``Ledger/check(_:for:)``).
    ///
    /// - Throws: ``LedgerError/refused(_:)`` saying why not; `.input` when
    ///   the log can't be read.
    public func check(_ action: SSLAction, for account: AccountName, at instant: Timestamp) async throws(LedgerError) {
        do {
            try ledger(at: instant, metering: false).check(action, for: account)
        } catch let error as SSLRefusal {
            throw .refused(error)
        } catch let error as LedgerError {
            throw error
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }

    /// Validates and appends `action`'s event, holding the log's lock only
    /// for the append (read what is new, validate, write, `fsync`); see
    /// ``EventLogAppender/record(_:for:at:id:books:backdate:)`` for the rules.
    /// Cancelling the task while it waits for the lock ends the wait with
    /// ``RecordingError/cancelled``.
    ///
    /// - Throws: ``RecordingError``; nothing is written then.
    public func record(_ action: SSLAction, for account: AccountName, at time: Timestamp, id: EventID? = nil,
                       backdate: Bool = false) async throws(RecordingError) -> RecordingOutcome {
        try warm.record(action, for: account, at: time, id: id, backdate: backdate, lockTimeout: lockTimeout,
                        cancelled: { Task.isCancelled })
    }

    private func ledger(at instant: Timestamp, metering: Bool) throws(LedgerError) -> Ledger {
        try warm.refresh()
        return try warm.ledger(at: instant, metering: metering)
    }
}
