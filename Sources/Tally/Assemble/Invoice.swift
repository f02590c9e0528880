/// One account's invoice for one billing period (SPEC §3).
public struct Invoice: Sendable, Hashable {
    /// `INV-YYYYMM-<account>`, e.g. `INV-202610-acct_42`; the same on every re-run.
    public let number: String
    /// The account invoiced.
    public let account: AccountName
    /// The calendar month billed.
    public let period: BillingPeriod
    /// Service lines by application then service, then SSL edge lines by
    /// domain (SPEC §6); then the adjustment lines of closed months, by the
    /// month they correct, each month's in the same order (SPEC §7.3).
    public let lines: [LineItem]
    /// The sum of the rounded line amounts, adjustments included (SPEC §3,
    /// §7.3); negative when the account is owed a credit.
    public let total: Money
    /// `held` when the account has rejected events that may change it (README,
    /// "Held invoices").
    public let status: InvoiceStatus
    /// How many of the account's rejected lines hold this invoice.
    public let rejectedLineCount: Int
    /// The first of those lines (at most 20), to list under the invoice.
    public let rejectedLines: [Rejection]

    /// The month's own lines, without adjustments.
    public var ownLines: [LineItem] { lines.filter { !$0.isAdjustment } }
    /// The adjustment lines of closed months (SPEC §7.3).
    public var adjustmentLines: [LineItem] { lines.filter(\.isAdjustment) }
    /// Whether the total is negative: the account is owed a credit (SPEC §7.3).
    public var isCredit: Bool { total.minorUnits < 0 }

    /// The invoice number for `account` in `period` (SPEC §3).
    public static func number(for account: AccountName, in period: BillingPeriod) -> String {
        "INV-\(period.compactDescription)-\(account)"
    }
}

/// Whether an invoice can be sent (README, "Held invoices" under "Bad input").
public enum InvoiceStatus: String, Sendable, Hashable, Codable {
    /// Nothing held it back.
    case final
    /// The account has rejected events dated in or before the billing period
    /// (or undated): fix and replay them before sending.
    case held
}

/// An account with rejected events that hold its bill but no line item, so
/// no invoice to mark (SPEC §3 makes invoices only for accounts with lines).
public struct HeldAccount: Sendable, Hashable {
    /// The account.
    public let account: AccountName
    /// How many of its lines were rejected.
    public let rejectedLineCount: Int
    /// The first of them (at most 20).
    public let rejectedLines: [Rejection]
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
    /// Accounts with rejected events but no invoice, ordered by account.
    public let heldAccountsWithoutInvoice: [HeldAccount]

    /// Whether any invoice is held or any line was rejected (CLI exit code 65).
    public var needsAttention: Bool {
        events.rejected > 0 || invoices.contains { $0.status == .held }
    }
}
