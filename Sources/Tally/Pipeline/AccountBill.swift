/// One account's bill for one billing period, metered alone with the detail
/// behind each line kept (its intervals and its usage day by day): what the
/// usage chart and the explanation of a charge are built from.
struct AccountBill {
    var account: AccountName
    var period: BillingPeriod
    /// The account's invoice, when it has billable usage in the period.
    var invoice: Invoice?
    /// The account's rejected lines when they hold its bill but it has no invoice.
    var heldWithoutInvoice: HeldAccount?
    /// The account's usage, with its intervals and days.
    var usage: Usage
    /// The log as read and replayed, to name events by reading their lines again.
    var replayed: Replayed
    /// The rate cards that priced it.
    var rateCards: RateCardSet
    /// With the books: the invoice's adjustment lines with their figures and
    /// late events (SPEC §7.3).
    var causes: [AdjustmentCause] = []

    /// The account's rejected lines that hold its bill.
    var rejectedLineCount: Int { invoice?.rejectedLineCount ?? heldWithoutInvoice?.rejectedLineCount ?? 0 }
}

extension BillingPipeline {
    /// Reads and replays the log, meters `account` alone over `period` with
    /// the detail behind its lines, prices and assembles its invoice.
    ///
    /// - Parameter onRejection: receives the account's own rejected lines
    ///   only; other accounts' lines are counted, never shown.
    /// - Throws: ``RunError``, as ``invoices(for:_:onRejection:)``.
    func bill(of account: AccountName, in period: BillingPeriod, _ inputs: [EventInput],
              onRejection: (Rejection) -> Void) throws(RunError) -> AccountBill {
        var holds = HoldList(periodEnd: period.end.secondsSinceEpoch)
        let request = MeterRequest(window: period.start.secondsSinceEpoch..<period.end.secondsSinceEpoch,
                                   accounts: [account], keepsDetail: true)
        var replayed = try replay(inputs, metering: request) { rejection in
            guard rejection.account == account else { return }
            holds.note(rejection)
            onRejection(rejection)
        }
        let usage = try meter(spending: &replayed)
        let run = try assemble(try price(usage, names: replayed.names), period: period, holds: holds,
                               events: replayed.counts, names: replayed.names)
        return AccountBill(account: account, period: period, invoice: run.invoices.first,
                           heldWithoutInvoice: run.heldAccountsWithoutInvoice.first, usage: usage,
                           replayed: replayed, rateCards: rateCards)
    }

    /// The usage report of one account: its billed memory day by day, per
    /// service and SSL edge, with the figures of its invoice.
    ///
    /// - Parameters:
    ///   - account: the account; one the log never names gets an empty report.
    ///   - period: the calendar month (SPEC §3).
    ///   - inputs: the event log's files (or standard input, or text), read in order.
    ///   - onRejection: receives the account's own rejected lines; other
    ///     accounts' are counted, never shown.
    /// - Returns: the report, to render as text, JSON or CSV.
    /// - Throws: ``RunError``, as ``invoices(for:_:onRejection:)``.
    public func usageReport(of account: AccountName, in period: BillingPeriod, _ inputs: [EventInput],
                            onRejection: (Rejection) -> Void = { _ in }) throws(RunError) -> UsageReport {
        try UsageReport(try bill(of: account, in: period, inputs, onRejection: onRejection))
    }

    /// Explains one account's charges: for each selected line of its invoice,
    /// the intervals that made it up, the events behind them and the
    /// arithmetic to the rounded amount. Standard input, if given, is held in
    /// memory so that events can be named by id after the run.
    ///
    /// - Parameters:
    ///   - account: the account invoiced.
    ///   - period: the calendar month (SPEC §3).
    ///   - selection: the lines to explain; every line by default.
    ///   - inputs: the event log's files (or standard input, or text), read in order.
    ///   - onRejection: receives the account's own rejected lines; other
    ///     accounts' are counted, never shown.
    /// - Returns: the explanation, to render as text or JSON.
    /// - Throws: ``ExplainError/run(_:)`` when the run fails;
    ///   ``ExplainError/noInvoice(_:_:)`` when the account has no billable usage;
    ///   ``ExplainError/noLine(_:invoiceNumber:lineCount:)`` when the selection matches no line.
    public func explanation(of account: AccountName, in period: BillingPeriod, selecting selection: ChargeSelection = .all,
                            _ inputs: [EventInput], onRejection: (Rejection) -> Void = { _ in })
        throws(ExplainError) -> ChargeExplanation {
        var readable: [EventInput] = []
        do {
            for input in inputs { readable.append(try input.rereadable()) }
        } catch {
            throw .run(.input(error))
        }
        let bill: AccountBill
        do {
            bill = try self.bill(of: account, in: period, readable, onRejection: onRejection)
        } catch {
            throw .run(error)
        }
        return try ChargeExplanation(bill, selecting: selection)
    }
}
