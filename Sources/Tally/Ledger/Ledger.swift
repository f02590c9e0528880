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
    /// The adjustment lines of closed months the instant's invoice will
    /// carry (SPEC §7.5), when the ledger follows books.
    var adjustments: [BillingPipeline.PricedLine] = []

    /// The platform at the instant.
    var state: PlatformState { replayed.state }
    /// The names the log uses.
    var symbols: SymbolTable { replayed.names }

    /// Reads `inputs` once (from the books' last close when `books` is
    /// given) and gives the ledger at `instant`: one call of the warm ledger
    /// (``LedgerService`` keeps it for many).
    ///
    /// - Parameters:
    ///   - inputs: the event log, read in the order given (SPEC §2); with
    ///     books, the files of the last close followed by any new ones.
    ///   - instant: the instant of the view (UTC, whole seconds).
    ///   - rateCards: the cards that price quotes and costs (SPEC §4).
    ///   - books: the books of closed months (SPEC §7), or `nil`.
    ///   - metering: meter the instant's billing period, for ``cost(of:)``
    ///     (quotes, views and checks don't need it).
    ///   - onRejection: receives each rejected line, of every account; a
    ///     caller that shows them to a customer must keep only that account's
    ///     (``Rejection/account``).
    ///   - progress: called with how far reading the log has come (every
    ///     65,536 lines and at the end of each input), for a progress
    ///     display; `nil` for none.
    /// - Throws: ``LedgerError/input(_:)`` when an input can't be read;
    ///   ``LedgerError/books(_:)`` when the books can't be used or the log's
    ///   closed part changed.
    public init(_ inputs: [EventInput], at instant: Timestamp, rateCards: RateCardSet, books: String? = nil,
                metering: Bool = true, onRejection: (Rejection) -> Void = { _ in },
                progress: (@Sendable (ReadProgress) -> Void)? = nil) throws(LedgerError) {
        var pipeline = BillingPipeline(rateCards: rateCards)
        pipeline.progress = progress
        var warm = try WarmLedger(inputs, books: books, pipeline: pipeline,
                                  metering: metering ? BillingPeriod(containing: instant) : nil, onRejection: onRejection)
        self = try warm.ledger(at: instant, metering: metering)
    }

    /// A fresh replay of `inputs` up to `instant`, metering its billing
    /// period: what the warm ledger's answers must equal, and its way to an
    /// instant before the books' base.
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
    init(replaying inputs: [EventInput], at instant: Timestamp, rateCards: RateCardSet,
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

    /// A ledger made of a replay the caller already has (the warm ledger's).
    init(instant: Timestamp, pipeline: BillingPipeline, replayed: Replayed, holds: HoldList,
         adjustments: [BillingPipeline.PricedLine]) {
        self.instant = instant
        self.rateCards = pipeline.rateCards
        self.events = replayed.counts
        self.pipeline = pipeline
        self.replayed = replayed
        self.holds = holds
        self.adjustments = adjustments
    }

    /// Whether `action` may be recorded for `account` at the ledger's instant:
    /// its event is checked against the replayed platform with the same
    /// rules as the month-end run (SPEC §2.2), without changing or copying it.
    ///
    /// - Throws: ``SSLRefusal`` saying why not, e.g.
    ///   `.rule(.customDomainsNeedLiveOrEnterprise(app, .sandbox))`.
    public func check(_ action: SSLAction, for account: AccountName) throws(SSLRefusal) {
        var names = symbols
        if let refusal = action.check(against: Replayer(state: state), account: account, at: instant, symbols: &names) {
            throw refusal
        }
    }

    /// The symbol of `account`, or `nil` when the log never names it.
    func symbol(of account: AccountName) -> Symbol<AccountKind>? {
        symbols.lookUp(account.text)
    }
}
