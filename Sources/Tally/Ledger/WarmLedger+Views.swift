extension WarmLedger {
    /// The ledger at `instant`, equal to a fresh replay of the log up to and
    /// including that second (``Ledger/init(replaying:at:rateCards:onRejection:progress:)``):
    /// from the platform at the end when no record is later, else from the
    /// latest checkpoint before it. The instant's billing period is metered
    /// only when `metering` (costs need it; quotes, views and checks don't);
    /// with books, its adjustments are those the next invoice carries.
    ///
    /// - Throws: ``LedgerError``: `.input` when the log must be replayed
    ///   afresh (an instant before the books' base) and can't be read, `.books`
    ///   when the adjustments can't be computed.
    mutating func ledger(at instant: Timestamp, metering: Bool) throws(LedgerError) -> Ledger {
        let period = BillingPeriod(containing: instant)
        let until = instant.secondsSinceEpoch + 1
        var adjustments: [BillingPipeline.PricedLine] = []
        if metering, let books, books.lastClosedMonth?.next == period {
            for (account, lines) in try pendingAdjustments() {
                guard let owner: Symbol<AccountKind> = reader.symbols.lookUp(account.text) else { continue }
                adjustments += lines.map { BillingPipeline.PricedLine(account: owner, line: $0) }
            }
        }
        var state: PlatformState
        var meter: Meter?
        if until > frontier {
            state = replayer.state
            if metering {
                if live?.period != period, let built = replayed(before: Int64.max, metering: period) {
                    live = built.meter.map { LiveMeter(period: period, meter: $0) }
                }
                guard let live, live.period == period else { return try afresh(at: instant) }
                meter = live.meter
            }
        } else {
            buildCheckpoints()
            guard let earlier = replayed(before: until, metering: metering ? period : nil) else { return try afresh(at: instant) }
            state = earlier.state
            meter = earlier.meter
        }
        var replayed = Replayed(reader: reader, state: state, counts: counts(before: until), meter: meter, captured: nil)
        replayed.reader.progress = nil
        return Ledger(instant: instant, pipeline: pipeline, replayed: replayed, holds: holds(through: instant),
                      adjustments: adjustments)
    }

    /// A fresh replay of the whole log to `instant`: for an instant before
    /// the books' base, which the kept records can't reach.
    private func afresh(at instant: Timestamp) throws(LedgerError) -> Ledger {
        try Ledger(replaying: inputs, at: instant, rateCards: pipeline.rateCards)
    }

    /// The adjustment lines of closed months the next invoice will carry,
    /// by account (SPEC §7.3): none unless late events were read; computed
    /// by the books' run of the next month, again only when more arrive.
    ///
    /// - Throws: ``LedgerError/books(_:)`` and the run's errors.
    mutating func pendingAdjustments() throws(LedgerError) -> [AccountName: [LineItem]] {
        guard let books, let next = books.lastClosedMonth?.next, lateRecords > 0 else { return [:] }
        if let adjustments, adjustments.lateRecords == lateRecords { return adjustments.lines }
        let carried: CarriedRun
        do {
            carried = try pipeline.carryOn(to: next, inputs, books: books, closing: false) { _ in }
        } catch {
            throw LedgerError(error)
        }
        var lines: [AccountName: [LineItem]] = [:]
        for invoice in carried.run.invoices where !invoice.adjustmentLines.isEmpty {
            lines[invoice.account] = invoice.adjustmentLines
        }
        adjustments = (lateRecords, lines)
        return lines
    }
}
