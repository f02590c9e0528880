extension Ledger {
    /// The account's cost to date and expected month-end cost in the billing
    /// period that holds the ledger's instant, priced and rounded exactly as
    /// the month-end run does (SPEC §3). The invoices are marked held when the
    /// account has rejected lines dated up to the instant. With books, when
    /// the period is the month after the last closed one, both invoices carry
    /// the adjustments of closed months that late events call for (SPEC §7.5).
    ///
    /// - Throws: ``LedgerError/configuration(_:)`` when billable usage falls
    ///   outside every rate card; ``LedgerError/overflow(_:)`` when an amount
    ///   or total does not fit in 64 bits.
    public func cost(of account: AccountName) throws(LedgerError) -> AccountCost {
        func invoice(closingOpenAt end: Timestamp) throws(LedgerError) -> Invoice? {
            guard let owner = symbol(of: account) else { return nil }
            do {
                return try pipeline.invoice(of: owner, in: period, replayed, closingOpenAt: end.secondsSinceEpoch, holds: holds,
                                            adjustments: adjustments.filter { $0.account == owner })
            } catch {
                throw LedgerError(error)
            }
        }
        return AccountCost(account: account, instant: instant, period: period, currency: rateCards.currency,
                           monthToDate: try invoice(closingOpenAt: instant),
                           expectedMonthEnd: try invoice(closingOpenAt: period.end))
    }
}
