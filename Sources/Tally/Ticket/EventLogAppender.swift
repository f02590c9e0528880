import Foundation

/// Appends SSL events to an event-log file for the ticket service (README,
/// "For the ticket service"), durably and only when valid, as one call of
/// the warm ledger (``LedgerService`` keeps it for many calls):
///
/// 1. reads the log once, as the month-end run would (SPEC §2.1, §2.2),
///    from the books' last close when there are books; the file must be a
///    regular file (a FIFO would make the read wait forever);
/// 2. takes an exclusive advisory lock on the file, waiting at most
///    ``lockTimeout`` for another writer to release it, and reads what was
///    appended meanwhile;
/// 3. a line with the same `id` and the same content is a retry: nothing is
///    written and ``RecordingOutcome/alreadyRecorded(_:)`` says so; the same
///    `id` with other content is refused;
/// 4. the event is checked with the real replay rules at its own instant
///    (even when later events exist) and refused if invalid; an event dated
///    before later events must also leave every later event valid; an event
///    in a closed month needs `backdate` (SPEC §7.5);
/// 5. the event's line (``Event/jsonLine`` and a newline) is appended with a
///    single `write()` on a file opened `O_APPEND`, then `fsync`ed, and the
///    lock is released.
///
/// Two processes (or two appenders in one process) appending to the same
/// file at once never interleave or lose a line.
///
/// ```swift
/// let appender = EventLogAppender(path: "events.jsonl")
/// let outcome = try appender.record(.enable(application: try ApplicationName("blog"),
///                                           domain: try DomainName("www.example.org")),
///                                   for: try AccountName("acct_blog"), at: Timestamp(Date()),
///                                   id: try EventID("ticket-4711-enable"))
/// ```
public struct EventLogAppender: Sendable {
    /// The event-log file appended to; it must exist and be a regular file.
    public let path: String
    /// How long ``record(_:for:at:id:books:backdate:)`` waits for another writer's lock
    /// before it gives up with ``RecordingError/lockTimeout(path:waited:)``.
    public let lockTimeout: Duration

    /// How long an appender waits for the lock unless told: 30 seconds.
    public static let defaultLockTimeout: Duration = .seconds(30)

    /// An appender for the log file at `path` (not `-`).
    ///
    /// - Parameters:
    ///   - path: the event-log file; it must exist and be a regular file.
    ///   - lockTimeout: how long to wait for another writer's lock (default
    ///     30 seconds); zero tries once. Another writer holds it while it
    ///     replays the log and appends, about 0.1 s for a log of 30,000 lines.
    public init(path: String, lockTimeout: Duration = EventLogAppender.defaultLockTimeout) {
        self.path = path
        self.lockTimeout = lockTimeout
    }

    /// Validates `action` for `account` at `time` against the log and appends
    /// its event: one call of the warm ledger (``LedgerService``), which a
    /// service making many calls should keep instead. The log is read once,
    /// before the lock (from the books' last close when `books` is given);
    /// under the lock only what was appended since is read.
    ///
    /// - Parameters:
    ///   - action: enable, certificate update or disable, for one domain.
    ///   - account: the account the event belongs to.
    ///   - time: when the event takes effect (UTC, whole seconds).
    ///   - id: the event's `id`; give one (e.g. the ticket's) so that a retry
    ///     is recognised. Without one a fresh `tally-<uuid>` id is used.
    ///   - books: the books of closed months, if the log has them (SPEC §7).
    ///   - backdate: the event may be dated in a closed month: the caller
    ///     means it, and the next invoice will carry the adjustment (SPEC §7.5).
    /// - Returns: ``RecordingOutcome/recorded(_:)`` or, for a retry,
    ///   ``RecordingOutcome/alreadyRecorded(_:)``; either carries the event.
    /// - Throws: ``RecordingError``: `refused` (a rule of SPEC §2.2),
    ///   `idInUse`, `wouldInvalidateLaterEvents`, `incompleteLastLine`,
    ///   `closedMonth` (dated in a closed month without `backdate`), `input`
    ///   (the log is missing, not a regular file, or can't be read; or the
    ///   books can't be used), `lockTimeout` (another writer held the lock for
    ///   ``lockTimeout``: retry) or `io` (it can't be locked, written or
    ///   flushed). Nothing is written then.
    public func record(_ action: SSLAction, for account: AccountName, at time: Timestamp,
                       id: EventID? = nil, books: String? = nil, backdate: Bool = false) throws(RecordingError) -> RecordingOutcome {
        guard path != "-" else {
            throw .io(path: path, problem: "standard input can't be appended to; give the event log's path")
        }
        // A FIFO or a device would make the read wait forever: checked first.
        _ = try LockedLogFile.checkedRegularFile(path)
        var ledger: WarmLedger
        do {
            ledger = try WarmLedger([.file(path)], books: books, pipeline: BillingPipeline(rateCards: Self.unusedRates))
        } catch {
            throw RecordingError(error)
        }
        return try ledger.record(action, for: account, at: time, id: id, backdate: backdate, lockTimeout: lockTimeout)
    }

    /// A fresh event id: `tally-` and a random UUID in lower case.
    public static func freshID() -> EventID {
        EventID(unchecked: "tally-" + UUID().uuidString.lowercased())
    }

    /// The name messages give the event being recorded.
    static let candidateName = "(event to record)"

    /// Checks `action` at `time` by replaying the whole log to that instant,
    /// then refuses it when a later event that passed would then break a
    /// rule (replaying the log without and with it): for an event dated
    /// before what the warm ledger keeps (a deliberate backdating into a
    /// closed month). Another account's events are neither counted nor described.
    static func checkAfresh(_ action: SSLAction, for account: AccountName, at time: Timestamp,
                            log inputs: [EventInput]) throws(RecordingError) {
        let pipeline = BillingPipeline(rateCards: unusedRates)
        let event = action.event(id: EventID(unchecked: "tally-check"), account: account, at: time)
        let candidate = EventInput.events([event], name: candidateName)
        var before: Set<SourceLocation> = []
        var broken: [Rejection] = []
        do {
            let log = try pipeline.replay(inputs, until: time.secondsSinceEpoch + 1) { _ in }
            var replayer = Replayer(state: log.state)
            var symbols = log.names
            if let refusal = action.apply(to: &replayer, account: account, at: time, symbols: &symbols) {
                throw RecordingError.refused(refusal)
            }
            _ = try pipeline.replay(inputs) { rejection in
                if case .rule = rejection.reason { before.insert(rejection.location) }
            }
            _ = try pipeline.replay(inputs + [candidate]) { rejection in
                if case .rule = rejection.reason, rejection.location.file != candidateName,
                   !before.contains(rejection.location) {
                    broken.append(rejection)
                }
            }
        } catch let error as RecordingError {
            throw error
        } catch let error as RunError {
            throw RecordingError(error)
        } catch {
            throw .io(path: inputs.last?.name ?? "-", problem: "\(error)")
        }
        guard broken.isEmpty else {
            let own = broken.filter { $0.account == account }.map(\.location).sorted()
            throw .wouldInvalidateLaterEvents(count: own.count, ownLines: own)
        }
    }

    /// Rate cards for replays that meter nothing: validation prices nothing.
    static let unusedRates = RateCardSet(checked: [RateCard(
        name: "unused", effectiveFrom: Timestamp(secondsSinceEpoch: 0), currency: Currency.usDollar,
        rounding: .halfUp, pricePerMBHour: [:], sslEdgeMemoryMB: 1)])
}

extension RecordingError {
    /// The recording error for a replay's.
    init(_ error: RunError) {
        switch error {
        case let .input(error): self = .input(error)
        case let .configuration(error): self = .input(InputError(name: "rate cards", problem: "\(error)"))
        case let .overflow(problem): self = .input(InputError(name: "log", problem: problem))
        }
    }
}

extension RecordingError {
    /// The recording error for a ledger's.
    init(_ error: LedgerError) {
        switch error {
        case let .input(error): self = .input(error)
        case let .books(error): self = .input(InputError(name: "books", problem: "\(error)"))
        case let .refused(refusal): self = .refused(refusal)
        default: self = .input(InputError(name: "log", problem: "\(error)"))
        }
    }
}
