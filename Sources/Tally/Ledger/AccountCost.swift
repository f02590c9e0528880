/// An account's cost in the billing period that holds an instant, as dotCloud's
/// `dotcloud info` showed it (README, "For the ticket service"): the
/// month-to-date invoice and the expected month-end invoice if nothing changes
/// after the instant. Both have the lines, rounding and totals of the month-end
/// run (SPEC §3).
public struct AccountCost: Sendable, Hashable {
    /// The account.
    public let account: AccountName
    /// The instant: usage up to it is "to date".
    public let instant: Timestamp
    /// The billing period that holds the instant.
    public let period: BillingPeriod
    /// The currency of every amount.
    public let currency: Currency
    /// The invoice of usage from the period's start up to the instant
    /// (excluded), or `nil` when there is none yet.
    public let monthToDate: Invoice?
    /// The invoice the month-end run would make if nothing changed after the
    /// instant: every allocation open at the instant runs to the period's end.
    /// `nil` when the account has no billable usage in the period.
    public let expectedMonthEnd: Invoice?

    /// The month-to-date total; zero without an invoice.
    public var monthToDateTotal: Money { monthToDate?.total ?? .zero(currency) }
    /// The expected month-end total; zero without an invoice.
    public var expectedMonthEndTotal: Money { expectedMonthEnd?.total ?? .zero(currency) }
}
