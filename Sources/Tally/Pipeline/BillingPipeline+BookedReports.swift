/// One account's report of a month with the books (SPEC §7.4).
public enum BookedReport<Report: Sendable>: Sendable {
    /// A closed month, as issued: built from the log as its close read it,
    /// so its figures are the issued invoice's; and the month whose invoice
    /// will carry an adjustment for the account when the log now gives it
    /// other figures.
    case issued(Report, adjustedBy: BillingPeriod?)
    /// The month after the last closed one, as a close would issue it now,
    /// adjustments included. Nothing is written.
    case preview(Report)

    /// The report, issued or previewed.
    public var report: Report {
        switch self {
        case let .issued(report, _), let .preview(report): report
        }
    }
}

extension BillingPipeline {
    /// The usage report of one account for `month` with the books: of a
    /// closed month, as issued; of the month after the last closed one, a
    /// preview with the adjustments of closed months (listed apart, without days).
    ///
    /// - Parameters:
    ///   - account: the account; one the log never names gets an empty report.
    ///   - month: a closed month, or the one after the last closed month.
    ///   - inputs: the files of the last close, in the same order, then any new files.
    ///   - directory: the books' folder.
    ///   - onRejection: receives the account's own rejected lines.
    /// - Throws: ``BooksRunError`` as ``booked(_:_:books:onRejection:)``;
    ///   ``BooksRunError/notReproduced(_:account:)`` when the rate cards
    ///   changed since the month was closed.
    public func usageReport(of account: AccountName, in month: BillingPeriod, _ inputs: [EventInput], books directory: String,
                            onRejection: (Rejection) -> Void = { _ in }) throws(BooksRunError) -> BookedReport<UsageReport> {
        let booked = try bookedBill(of: account, in: month, inputs, books: directory, onRejection: onRejection)
        do {
            switch booked {
            case let .issued(bill, adjustedBy): return .issued(try UsageReport(bill), adjustedBy: adjustedBy)
            case let .preview(bill): return .preview(try UsageReport(bill))
            }
        } catch {
            throw .run(error)
        }
    }

    /// Explains one account's charges for `month` with the books, as
    /// ``explanation(of:in:selecting:_:onRejection:)`` does, for a closed month
    /// as issued or for the month after the last closed one as previewed; an
    /// adjustment line is explained by its due and billed figures and the
    /// late events behind it, each with its id, `FILE:LINE`, type and time
    /// (README, "Closing a month").
    ///
    /// - Parameters:
    ///   - account: the account invoiced.
    ///   - month: a closed month, or the one after the last closed month.
    ///   - selection: the lines to explain; every line by default.
    ///   - inputs: the files of the last close, in the same order, then any new files.
    ///   - directory: the books' folder.
    ///   - onRejection: receives the account's own rejected lines.
    /// - Throws: ``ExplainError/books(_:)`` when the books can't be used or
    ///   the month can't be asked for; ``ExplainError/noInvoice(_:_:)`` or
    ///   ``ExplainError/noLine(_:invoiceNumber:lineCount:)`` as without books.
    public func explanation(of account: AccountName, in month: BillingPeriod, selecting selection: ChargeSelection = .all,
                            _ inputs: [EventInput], books directory: String,
                            onRejection: (Rejection) -> Void = { _ in }) throws(ExplainError) -> BookedReport<ChargeExplanation> {
        let booked: BookedReport<AccountBill>
        do {
            booked = try bookedBill(of: account, in: month, inputs, books: directory, onRejection: onRejection)
        } catch {
            throw .books(error)
        }
        switch booked {
        case let .issued(bill, adjustedBy): return .issued(try ChargeExplanation(bill, selecting: selection), adjustedBy: adjustedBy)
        case let .preview(bill): return .preview(try ChargeExplanation(bill, selecting: selection))
        }
    }

    /// `account`'s bill of `month` with the books, metered with the detail
    /// behind its lines: a closed month read again from the log as its
    /// close read it (each input up to the bytes that close read, from the
    /// close before it), and checked against the invoice it issued; the
    /// month after the last closed one carried on as a preview.
    ///
    /// - Throws: ``BooksRunError``.
    func bookedBill(of account: AccountName, in month: BillingPeriod, _ inputs: [EventInput], books directory: String,
                    onRejection: (Rejection) -> Void) throws(BooksRunError) -> BookedReport<AccountBill> {
        let books: Books
        do {
            books = try Books.open(directory)
        } catch {
            throw .books(error)
        }
        let own = { (rejection: Rejection) in if rejection.account == account { onRejection(rejection) } }
        guard let last = books.lastClosedMonth, let first = books.firstClosedMonth else {
            return .preview(bill(of: account, try carryOn(to: month, inputs, books: books, closing: false, only: account,
                                                          onRejection: own)))
        }
        if month < first { throw .beforeFirstClose(month, first: first) }
        guard let next = last.next else { throw .notNext(month, next: last) }
        if month > next { throw .notNext(month, next: next) }
        if month == next {
            return .preview(bill(of: account, try carryOn(to: month, inputs, books: books, closing: false, only: account,
                                                          onRejection: own)))
        }
        guard let close = books.close(of: month) else { throw .notNext(month, next: next) }
        try checkInputs(inputs, books: books)
        let asClosed = try carryOn(to: month, Array(inputs.prefix(close.inputs.count)), books: books.before(month),
                                   closing: false, only: account, readTo: close.inputs.map(\.bytes), inputsChecked: true,
                                   onRejection: own)
        let issued: InvoiceRun
        do {
            issued = try books.issuedRun(of: month)
        } catch {
            throw .books(error)
        }
        let bill = bill(of: account, asClosed)
        guard Self.sameFigures(bill.invoice, issued.invoices.first { $0.account == account }) else {
            throw .notReproduced(month, account: account)
        }
        // Would the log give the account other figures now? The next close would carry them.
        let now = try carryOn(to: next, inputs, books: books, closing: false, only: account, inputsChecked: true,
                              onRejection: { _ in })
        let differs = now.run.invoices.contains { $0.lines.contains { $0.adjusts == month } }
        return .issued(bill, adjustedBy: differs ? next : nil)
    }

    /// The bill of `account` in a run carried on for it alone.
    private func bill(of account: AccountName, _ carried: CarriedRun) -> AccountBill {
        AccountBill(account: account, period: carried.run.period,
                    invoice: carried.run.invoices.first { $0.account == account },
                    heldWithoutInvoice: carried.run.heldAccountsWithoutInvoice.first { $0.account == account },
                    usage: carried.detail ?? Usage(records: []), replayed: carried.replayed, rateCards: rateCards,
                    causes: carried.causes)
    }

    /// Whether two invoices show the same lines, figures and total.
    private static func sameFigures(_ one: Invoice?, _ other: Invoice?) -> Bool {
        guard let one, let other else { return one == nil && other == nil }
        func figures(_ invoice: Invoice) -> [String] {
            invoice.lines.map { "\($0.lineID(onInvoice: invoice.number)) \($0.mbSeconds) \($0.amount) \($0.adjusts?.description ?? "")" }
        }
        return figures(one) == figures(other) && one.total == other.total && one.status == other.status
    }
}
