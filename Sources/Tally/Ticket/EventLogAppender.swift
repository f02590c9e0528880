import Foundation

/// Appends SSL events to an event-log file for the ticket service (README, "For
/// the ticket service"), durably and only when valid:
///
/// 1. takes an exclusive advisory lock on the file (held to the end),
///    waiting at most ``lockTimeout`` for another writer to release it; the
///    file must be a regular file (a FIFO would make the replay wait forever);
/// 2. replays the log up to and including the event's second, as the
///    month-end run would (SPEC §2.1, §2.2);
/// 3. a line with the same `id` and the same content is a retry: nothing is
///    written and ``RecordingOutcome/alreadyRecorded(_:)`` says so; the same
///    `id` with other content is refused;
/// 4. the event is checked with the real replay rules at its own instant
///    (even when later events exist) and refused if invalid; an event dated
///    before later events must also leave every later event valid;
/// 5. the event's line (``Event/jsonLine`` and a newline) is appended with a
///    single `write()` on a file opened `O_APPEND`, then `fsync`ed.
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
    /// How long ``record(_:for:at:id:)`` waits for another writer's lock
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
    /// its event.
    ///
    /// - Parameters:
    ///   - action: enable, certificate update or disable, for one domain.
    ///   - account: the account the event belongs to.
    ///   - time: when the event takes effect (UTC, whole seconds).
    ///   - id: the event's `id`; give one (e.g. the ticket's) so that a retry
    ///     is recognised. Without one a fresh `tally-<uuid>` id is used.
    /// - Returns: ``RecordingOutcome/recorded(_:)`` or, for a retry,
    ///   ``RecordingOutcome/alreadyRecorded(_:)``; either carries the event.
    /// - Throws: ``RecordingError``: `refused` (a rule of SPEC §2.2),
    ///   `idInUse`, `wouldInvalidateLaterEvents`, `incompleteLastLine`, `input`
    ///   (the log is missing, not a regular file, or can't be read),
    ///   `lockTimeout` (another writer held the lock for ``lockTimeout``:
    ///   retry) or `io` (it can't be locked, written or flushed). Nothing is
    ///   written then.
    public func record(_ action: SSLAction, for account: AccountName, at time: Timestamp,
                       id: EventID? = nil) throws(RecordingError) -> RecordingOutcome {
        guard path != "-" else {
            throw .io(path: path, problem: "standard input can't be appended to; give the event log's path")
        }
        let event = action.event(id: id ?? Self.freshID(), account: account, at: time)
        let candidate = EventInput.events([event], name: Self.candidateName)
        let file = try LockedLogFile(path: path, lockTimeout: lockTimeout)

        let pipeline = BillingPipeline(rateCards: Self.unusedRates)
        var log: Replayed
        do {
            log = try pipeline.replay([.file(path)], until: time.secondsSinceEpoch + 1, keepingEveryID: true) { _ in }
        } catch {
            throw RecordingError(error)
        }
        let laterEvents = log.counts.lines - log.counts.applied - log.counts.duplicates - log.counts.rejected

        // Read the new line after the log, through the same duplicate rules.
        let verdict: EventReader.AppendedVerdict
        do {
            verdict = try log.reader.verdict(onAppending: candidate)
        } catch {
            throw .input(error)
        }
        switch verdict {
        case let .rejected(.conflictingDuplicate(first)):
            throw .idInUse(event.id, by: first)
        case let .rejected(reason):
            throw .input(InputError(name: Self.candidateName, problem: "\(reason)"))
        case .duplicate:
            return .alreadyRecorded(event)
        case .new:
            break
        }

        var replayer = Replayer(state: log.state)
        var symbols = log.names
        if let refusal = action.apply(to: &replayer, account: account, at: time, symbols: &symbols) {
            throw .refused(refusal)
        }
        if laterEvents > 0 {
            try checkLaterEvents(with: candidate, account: account, pipeline: pipeline)
        }
        guard try file.endsWithNewline() else { throw .incompleteLastLine(path: path) }
        let line = event.jsonLine
        guard !line.isEmpty else { throw .io(path: path, problem: "the event could not be written as JSON; nothing was appended") }
        try file.append(Array((line + "\n").utf8))
        return .recorded(event)
    }

    /// A fresh event id: `tally-` and a random UUID in lower case.
    public static func freshID() -> EventID {
        EventID(unchecked: "tally-" + UUID().uuidString.lowercased())
    }

    /// The name messages give the event being recorded.
    static let candidateName = "(event to record)"

    /// Replays the whole log without and with the new event and refuses it
    /// when a later event that passed before would then break a rule.
    private func checkLaterEvents(with candidate: EventInput, account: AccountName,
                                  pipeline: BillingPipeline) throws(RecordingError) {
        var before: Set<SourceLocation> = []
        var broken: [Rejection] = []
        do {
            _ = try pipeline.replay([.file(path)]) { rejection in
                if case .rule = rejection.reason { before.insert(rejection.location) }
            }
            _ = try pipeline.replay([.file(path), candidate]) { rejection in
                if case .rule = rejection.reason, rejection.location.file != Self.candidateName,
                   !before.contains(rejection.location) {
                    broken.append(rejection)
                }
            }
        } catch {
            throw RecordingError(error)
        }
        guard broken.isEmpty else {
            throw .wouldInvalidateLaterEvents(
                count: broken.count, ownLines: broken.filter { $0.account == account }.map(\.location).sorted())
        }
    }

    /// Rate cards for replays that meter nothing: validation prices nothing.
    private static let unusedRates = RateCardSet(checked: [RateCard(
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
