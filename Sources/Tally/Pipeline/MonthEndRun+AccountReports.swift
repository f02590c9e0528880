extension MonthEndRun {
    /// The usage report of one account (issue 5): its billed memory day by
    /// day, per service and SSL edge, with the figures of its invoice.
    ///
    /// - Parameters:
    ///   - account: the account; one the log never names gets an empty report.
    ///   - inputs: the event log's files (or standard input, or text), read in order.
    ///   - onRejection: called with each rejected line of the whole log.
    /// - Returns: the report; render it with ``UsageReport/text(ramp:)`` or ``UsageReport/json()``.
    /// - Throws: ``RunError/input(_:)`` when an input can't be read;
    ///   ``RunError/configuration(_:)`` when the account's billable usage falls
    ///   outside every rate card (SPEC §4).
    public func usageReport(for account: AccountName, _ inputs: [EventInput],
                            onRejection: (Rejection) -> Void = { _ in }) throws(RunError) -> UsageReport {
        let run = try AccountReportRun(self, inputs: inputs, rereadable: false, onRejection: onRejection)
        return try UsageReport(try run.metering(of: account), period: period, currency: rateCards.currency,
                           symbols: run.log.reader.symbols)
    }

    /// Explains one account's charges (issue 5): for each selected line of its
    /// invoice, the intervals that made it up, the events behind them and the
    /// arithmetic to the rounded amount. Standard input, if given, is held in
    /// memory so that events can be named by id after the run.
    ///
    /// - Parameters:
    ///   - account: the account invoiced.
    ///   - selection: the lines to explain; every line by default.
    ///   - inputs: the event log's files (or standard input, or text), read in order.
    ///   - onRejection: called with each rejected line of the whole log.
    /// - Returns: the explanation; render it with ``ChargeExplanation/text()`` or ``ChargeExplanation/json()``.
    /// - Throws: ``ExplainError/run(_:)`` when the run fails (as ``run(_:onRejection:)``);
    ///   ``ExplainError/noInvoice(_:_:)`` when the account has no billable usage;
    ///   ``ExplainError/noLine(_:invoiceNumber:lineCount:)`` when the selection matches no line.
    public func explanation(of account: AccountName, selecting selection: ChargeSelection = .all, _ inputs: [EventInput],
                            onRejection: (Rejection) -> Void = { _ in }) throws(ExplainError) -> ChargeExplanation {
        let run: AccountReportRun
        let metering: AccountMetering
        do {
            run = try AccountReportRun(self, inputs: inputs, rereadable: true, onRejection: onRejection)
            metering = try run.metering(of: account)
        } catch {
            throw .run(error)
        }
        return try ChargeExplanation(metering, selecting: selection, run: run)
    }
}
