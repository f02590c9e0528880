/// The platform and its bill as the event log describes them at one instant
/// (issue 4): the support-ticket service's view of an account.
///
/// Built by replaying the log (files or in-memory events) up to and including
/// the instant's second (SPEC §3: an event at instant t takes effect from t
/// on), with the same reader and replay as the month-end run, so it never
/// disagrees with the invoices. While replaying, usage of the billing period
/// that holds the instant is metered twice: up to the instant (cost to date)
/// and on to the end of the period as if nothing changed after the instant
/// (expected month-end cost).
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
public struct Ledger: Sendable {
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

    let replayer: Replayer
    let symbols: SymbolTable
    /// Rejected lines per account dated up to the instant (or undated).
    let holds: HoldList
    /// Usage from the period's start to the instant (excluded).
    let usageToDate: Usage
    /// Usage from the period's start to its end, allocations open at the instant running on.
    let usageToPeriodEnd: Usage

    /// Replays `inputs` up to `instant` and meters its billing period.
    ///
    /// - Parameters:
    ///   - inputs: the event log, read in the order given (SPEC §2).
    ///   - instant: the instant of the view (UTC, whole seconds).
    ///   - rateCards: the cards that price quotes and costs (SPEC §4).
    ///   - onRejection: receives each rejected line, of every account; a
    ///     caller that shows them to a customer must keep only that account's
    ///     (``Rejection/account``).
    /// - Throws: ``LedgerError/input(_:)`` when an input can't be read;
    ///   ``LedgerError/configuration(_:)`` when billable usage in the period up
    ///   to its end falls outside every rate card (SPEC §4).
    public init(_ inputs: [EventInput], at instant: Timestamp, rateCards: RateCardSet,
                onRejection: (Rejection) -> Void = { _ in }) throws(LedgerError) {
        let period = BillingPeriod(containing: instant)
        let start = period.start.secondsSinceEpoch
        var toDate = Meter(window: start..<max(start, instant.secondsSinceEpoch), rateCards: rateCards)
        var toPeriodEnd = Meter(window: start..<period.end.secondsSinceEpoch, rateCards: rateCards)
        var holds = HoldList(periodEnd: instant.secondsSinceEpoch + 1)
        let log: ReplayedLog
        do {
            log = try ReplayedLog(inputs, until: instant.secondsSinceEpoch + 1, onChange: { change in
                toDate.record(change)
                toPeriodEnd.record(change)
            }, onRestart: {
                toDate.restart()
                toPeriodEnd.restart()
            }, onRejection: { rejection in
                holds.note(rejection)
                onRejection(rejection)
            })
        } catch {
            throw .input(error)
        }
        do {
            usageToDate = try toDate.finish()
            usageToPeriodEnd = try toPeriodEnd.finish()
        } catch {
            throw .configuration(error)
        }
        self.instant = instant
        self.rateCards = rateCards
        self.events = log.counts
        self.replayer = log.replayer
        self.symbols = log.reader.symbols
        self.holds = holds
    }

    /// Whether `action` may be recorded for `account` at the ledger's instant:
    /// its event is applied to a copy of the replayed platform with the same
    /// rules as the month-end run (SPEC §2.2).
    ///
    /// - Throws: ``SSLRefusal`` saying why not, e.g.
    ///   `.rule(.customDomainsNeedLiveOrEnterprise(app, .sandbox))`.
    public func check(_ action: SSLAction, for account: AccountName) throws(SSLRefusal) {
        var trial = replayer
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
