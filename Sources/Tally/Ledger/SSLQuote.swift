/// What custom-domain SSL for one domain would cost (README, "For the ticket
/// service"), priced under the rate card in effect at the quote's instant and
/// rounded as on the invoice: each amount is `ssl_edge_memory_mb` × seconds
/// MB-seconds at the application's flavor price, rounded once with the card's
/// rounding mode (SPEC §3).
public struct SSLQuote: Sendable, Hashable {
    /// The account asking.
    public let account: AccountName
    /// The application SSL would be enabled for.
    public let application: ApplicationName
    /// The custom domain.
    public let domain: DomainName
    /// The application's flavor, which prices the edge for its whole life (SPEC §3).
    public let flavor: Flavor
    /// The instant of the quote.
    public let instant: Timestamp
    /// The rate card in effect at the instant. A card that takes effect later
    /// in the month is not reflected in the amounts.
    public let rateCard: RateCard
    /// MB billed for the edge (the card's `ssl_edge_memory_mb`, 160 at dotCloud).
    public let edgeMemoryMB: Int
    /// The card's price per MB-hour for the flavor.
    public let unitPrice: UnitPrice
    /// The price of one hour of the edge: edge MB × 3,600 MB-seconds.
    public let hourly: Money
    /// The calendar month (UTC) that holds the instant.
    public let month: BillingPeriod
    /// The price of the whole month: edge MB × hours in the month × 3,600
    /// MB-seconds; what the invoice shows for an edge active all month.
    public let fullMonth: Money
    /// Seconds from the instant to the end of the month.
    public let restOfMonthSeconds: Int64
    /// The price from the instant to the end of the month: edge MB ×
    /// ``restOfMonthSeconds`` MB-seconds; what the month's invoice shows for an
    /// edge enabled at the instant and not disabled that month.
    public let restOfMonth: Money
}
