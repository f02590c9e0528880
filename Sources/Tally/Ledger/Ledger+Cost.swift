extension Ledger {
    /// The account's cost to date and expected month-end cost in the billing
    /// period that holds the ledger's instant (issue 4), priced and rounded
    /// exactly as the month-end run does (SPEC §3). The invoices are marked
    /// held when the account has rejected lines dated up to the instant.
    ///
    /// - Throws: ``LedgerError/configuration(_:)`` when an amount or total does
    ///   not fit in 64 bits.
    public func cost(of account: AccountName) throws(LedgerError) -> AccountCost {
        let owner = symbol(of: account)
        func invoice(_ usage: Usage) throws(LedgerError) -> Invoice? {
            guard let owner else { return nil }
            do {
                let own = Usage(records: usage.records.filter { $0.key.account == owner }, intervals: [])
                return try MonthEndRun(period: period, rateCards: rateCards)
                    .invoiceRun(pricing: own, symbols: symbols, holds: holds, events: EventCounts()).invoices.first
            } catch {
                throw .configuration(error)
            }
        }
        return AccountCost(account: account, instant: instant, period: period, currency: rateCards.currency,
                           monthToDate: try invoice(usageToDate), expectedMonthEnd: try invoice(usageToPeriodEnd))
    }
}
