extension BillingPipeline {
    /// A line item and the account it bills.
    struct PricedLine: Sendable {
        var account: Symbol<AccountKind>
        var line: LineItem
    }

    /// Stage 3's end: the usage the replay's meter took, every allocation
    /// still open counted on to `end` (the window's end by default); only
    /// `account`'s when given.
    ///
    /// - Throws: ``RunError/configuration(_:)`` when billable usage falls
    ///   outside every rate card (SPEC §4).
    func meter(_ replayed: Replayed, closingOpenAt end: Int64? = nil,
               of account: Symbol<AccountKind>? = nil) throws(RunError) -> Usage {
        guard let meter = replayed.meter else { return Usage(records: []) }
        var only = account
        if only == nil, case let .only(accounts) = meter.accounts, accounts.count == 1 { only = accounts.first { _ in true } }
        do {
            var usage = try meter.usage(closing: replayed.state.openAllocations(of: only), at: end)
            if let account { usage.records.removeAll { $0.key.account != account } }
            return usage
        } catch {
            throw .configuration(error)
        }
    }

    /// Stage 3's end for a run that needs the meter no more (the month-end
    /// run, one account's bill): ``meter(_:closingOpenAt:of:)`` to the
    /// window's end, the meter moved out of `replayed` and closed in place
    /// rather than copied (README, "Performance").
    ///
    /// - Throws: ``RunError/configuration(_:)``, as ``meter(_:closingOpenAt:of:)``.
    func meter(spending replayed: inout Replayed) throws(RunError) -> Usage {
        guard var meter = replayed.meter else { return Usage(records: []) }
        replayed.meter = nil
        var only: Symbol<AccountKind>?
        if case let .only(accounts) = meter.accounts, accounts.count == 1 { only = accounts.first { _ in true } }
        do {
            return try meter.finish(closing: replayed.state.openAllocations(of: only))
        } catch {
            throw .configuration(error)
        }
    }

    /// Stage 4: one line item per usage record, priced and rounded once (SPEC §3).
    ///
    /// - Throws: ``RunError/overflow(_:)`` when an amount does not fit in 64 bits.
    func price(_ usage: Usage, names: SymbolTable) throws(RunError) -> [PricedLine] {
        let rater = Rater(rateCards: rateCards)
        var lines: [PricedLine] = []
        lines.reserveCapacity(usage.records.count)
        for record in usage.records {
            lines.append(PricedLine(account: record.key.account, line: try rater.lineItem(for: record, names: names)))
        }
        return lines
    }

    /// Stage 5: one invoice per account with line items in `period`, ordered
    /// by account, its lines in the order of SPEC §6, held where `holds` says.
    ///
    /// - Throws: ``RunError/overflow(_:)`` when a total does not fit in 64 bits.
    func assemble(_ lines: [PricedLine], period: BillingPeriod, holds: HoldList, events: EventCounts,
                  names: SymbolTable) throws(RunError) -> InvoiceRun {
        let assembler = InvoiceAssembler(period: period, currency: rateCards.currency)
        let invoices = try assembler.invoices(for: lines, names: names, holds: holds)
        return InvoiceRun(period: period, currency: rateCards.currency, invoices: invoices, events: events,
                          heldAccountsWithoutInvoice: assembler.heldAccountsWithoutInvoice(invoices, holds: holds))
    }
}

extension BillingPipeline {
    /// One account's invoice for `period` from a replay's meter, with every
    /// allocation open at the end of the replay counted on to `end`: the cost
    /// to date (`end` = the instant) or the expected month-end cost (`end` =
    /// the period's end). `nil` when the account has no line item.
    ///
    /// - Throws: ``RunError/configuration(_:)`` or ``RunError/overflow(_:)``.
    func invoice(of account: Symbol<AccountKind>, in period: BillingPeriod, _ replayed: Replayed,
                 closingOpenAt end: Int64, holds: HoldList, adjustments: [PricedLine] = []) throws(RunError) -> Invoice? {
        let usage = try meter(replayed, closingOpenAt: end, of: account)
        return try assemble(try price(usage, names: replayed.names) + adjustments, period: period, holds: holds,
                            events: replayed.counts, names: replayed.names).invoices.first
    }
}
