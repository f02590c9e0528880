/// One account's invoice for one billing period (SPEC §3).
public struct Invoice: Sendable, Hashable {
    /// `INV-YYYYMM-<account>`, e.g. `INV-202610-acct_42`; the same on every re-run.
    public let number: String
    /// The account invoiced.
    public let account: AccountName
    /// The calendar month billed.
    public let period: BillingPeriod
    /// Service lines by application then service, then SSL edge lines by domain (SPEC §6).
    public let lines: [LineItem]
    /// The sum of the rounded line amounts (SPEC §3).
    public let total: Money

    /// The invoice number for `account` in `period` (SPEC §3).
    public static func number(for account: AccountName, in period: BillingPeriod) -> String {
        "INV-\(period.compactDescription)-\(account)"
    }
}

/// Stage 5's output, the month-end run's result: every invoice of a billing
/// period and how every line of the event log was accounted for.
public struct InvoiceRun: Sendable, Hashable {
    /// The billing period.
    public let period: BillingPeriod
    /// The currency of every amount.
    public let currency: Currency
    /// One invoice per account with at least one line item, ordered by account.
    public let invoices: [Invoice]
    /// Lines read, applied, duplicates, rejected (SPEC §6).
    public let events: EventCounts
    /// The rejected lines, in the order they were found.
    public let rejections: [Rejection]
}
