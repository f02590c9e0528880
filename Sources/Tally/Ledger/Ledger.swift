/// The platform and its bill as the event log describes them at one instant:
/// the support-ticket service's view of an account.
///
/// Built by the pipeline's replay of the log (files or in-memory events) up
/// to and including the instant's second (SPEC §3: an event at instant t
/// takes effect from t on), with the same reader and rules as the month-end
/// run, so it never disagrees with the invoices. The billing period that
/// holds the instant is metered once; cost to date and expected month-end
/// cost close its open allocations at the instant and at the period's end.
///
/// Every question takes an account and answers from that account's things
/// only: another account's application or domain is indistinguishable from
/// one that does not exist (same ``LedgerError`` value, same message).
///
/// ```swift
/// let ledger = try Ledger([.file("events.jsonl")], at: Timestamp(rfc3339: "2026-10-20T00:00:00Z")!,
///                         rateCards: try RateCardSet.load(directory: "Rates"))
/// let view = ledger.account(try AccountName("acct_blog"))
/// let cost = try ledger.cost(of: view.account)
/// ```
public struct Ledger {
    /// The instant of the view, UTC whole seconds: events up to and including
    /// this second are applied.
    public let instant: Timestamp
    /// The rate cards that price quotes and costs.
    public let rateCards: RateCardSet
    /// How the log's lines were accounted for; lines dated after the instant
    /// are read and counted but not applied.
    public let events: EventCounts

    /// The billing period that holds the instant.
    public var period: BillingPeriod { BillingPeriod(containing: instant) }

    /// The pipeline that replayed the log and prices its questions.
    let pipeline: BillingPipeline
    /// The log replayed up to and including the instant's second, with a
    /// meter over the instant's billing period.
    let replayed: Replayed
    /// Rejected lines per account dated up to the instant (or undated).
    let holds: HoldList

    /// The platform at the instant.
    var state: PlatformState { replayed.state }
    /// The names the log uses.
    var symbols: SymbolTable { replayed.names }

    /// Replays `inputs` up to `instant` and meters its billing period.
    ///
    /// - Parameters:
    ///   - inputs: the event log, read in the order given (SPEC §2).
    ///   - instant: the instant of the view (UTC, whole seconds).
    ///   - rateCards: the cards that price quotes and costs (SPEC §4).
    ///   - onRejection: receives each rejected line, of every account; a
    ///     caller that shows them to a customer must keep only that account's
    ///     (``Rejection/account``).
    ///   - progress: called with how far reading the log has come (every
    ///     65,536 lines and at the end of each input), for a progress
    ///     display; `nil` for none.
    /// - Throws: ``LedgerError/input(_:)`` when an input can't be read.
    public init(_ inputs: [EventInput], at instant: Timestamp, rateCards: RateCardSet,
                onRejection: (Rejection) -> Void = { _ in },
                progress: (@Sendable (ReadProgress) -> Void)? = nil) throws(LedgerError) {
        var pipeline = BillingPipeline(rateCards: rateCards)
        pipeline.progress = progress
        var holds = HoldList(periodEnd: instant.secondsSinceEpoch + 1)
        do {
            replayed = try pipeline.replay(inputs, until: instant.secondsSinceEpoch + 1,
                                           metering: MeterRequest(period: BillingPeriod(containing: instant)),
                                           indexingAccounts: true) { rejection in
                holds.note(rejection)
                onRejection(rejection)
            }
        } catch {
            throw LedgerError(error)
        }
        self.instant = instant
        self.rateCards = rateCards
        self.events = replayed.counts
        // The progress display is over once the log is read.
        pipeline.progress = nil
        self.pipeline = pipeline
        self.holds = holds
    }

    /// Whether `action` may be recorded for `account` at the ledger's instant:
    /// its event is applied to a copy of the replayed platform with the same
    /// rules as the month-end run (SPEC §2.2).
    ///
    /// - Throws: ``SSLRefusal`` saying why not, e.g.
    ///   `.rule(.customDomainsNeedLiveOrEnterprise(app, .sandbox))`.
    public func check(_ action: SSLAction, for account: AccountName) throws(SSLRefusal) {
        var trial = Replayer(state: state)
        var names = symbols
        if let refusal = action.apply(to: &trial, account: account, at: instant, symbols: &names) {
            throw refusal
        }
    }

    /// The symbol of `account`, or `nil` when the log never names it.
    func symbol(of account: AccountName) -> Symbol<AccountKind>? {
        symbols.lookUp(account.text)
    }
}
