extension MonthEndRun {
    /// Stages 4 and 5 of the pipeline: prices metered usage with the rate
    /// cards (one line item per usage record, rounded once, SPEC §3) and
    /// assembles the invoices, held where `holds` says (issue 3). Shared by the
    /// month-end run and the one-account reports (issue 5).
    ///
    /// - Parameters:
    ///   - usage: the meter's output for this run's period.
    ///   - symbols: the names the usage records refer to.
    ///   - holds: the rejected lines that hold invoices.
    ///   - events: how every line of the log was accounted for.
    /// - Throws: ``RateCardError`` when an amount or a total does not fit in 64 bits.
    func invoiceRun(pricing usage: Usage, symbols: SymbolTable, holds: HoldList, events: EventCounts)
        throws(RateCardError) -> InvoiceRun {
        try invoiceRun(assembling: try lineItems(pricing: usage, symbols: symbols), holds: holds, events: events)
    }

    /// Stage 4: one line item per usage record, in the meter's order.
    ///
    /// - Throws: ``RateCardError`` when an amount does not fit in 64 bits.
    func lineItems(pricing usage: Usage, symbols: SymbolTable) throws(RateCardError) -> [(account: AccountName, line: LineItem)] {
        let rater = Rater(rateCards: rateCards)
        var lines: [(account: AccountName, line: LineItem)] = []
        lines.reserveCapacity(usage.records.count)
        for record in usage.records {
            lines.append((symbols.name(record.key.account), try rater.lineItem(for: record, symbols: symbols)))
        }
        return lines
    }

    /// Stage 5: the invoices of `lines`, held where `holds` says.
    ///
    /// - Throws: ``RateCardError`` when a total does not fit in 64 bits.
    func invoiceRun(assembling lines: [(account: AccountName, line: LineItem)], holds: HoldList, events: EventCounts)
        throws(RateCardError) -> InvoiceRun {
        let assembler = InvoiceAssembler(period: period, currency: rateCards.currency)
        let invoices = try assembler.invoices(for: lines, holds: holds)
        return InvoiceRun(period: period, currency: rateCards.currency, invoices: invoices, events: events,
                          heldAccountsWithoutInvoice: assembler.heldAccountsWithoutInvoice(invoices, holds: holds))
    }
}
