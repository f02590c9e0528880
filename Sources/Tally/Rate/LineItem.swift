/// One line of an invoice (SPEC §3): a service's or an SSL edge's usage under
/// one flavor and one rate card, with its exact quantity and rounded amount.
public struct LineItem: Sendable, Hashable {
    /// Whether the line bills a service or an SSL edge.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A service's reserved memory: instances × MB per instance.
        case service
        /// A custom-domain SSL edge, billed as the rate card's SSL-edge memory (160 MB).
        case sslEdge = "ssl_edge"
    }

    /// Service or SSL edge.
    public let kind: Kind
    /// The application: the service's, or the one the SSL edge was enabled for.
    public let application: ApplicationName
    /// The service (service lines only).
    public let service: ServiceName?
    /// The service's type (service lines only).
    public let serviceType: ServiceType?
    /// The custom domain (SSL edge lines only).
    public let domain: DomainName?
    /// When the SSL edge's application was destroyed, if it was before the
    /// end of the billing period (SSL edge lines only; the edge is still billed).
    public let applicationDestroyedAt: Timestamp?
    /// The flavor the usage is billed under.
    public let flavor: Flavor
    /// The rate card that priced the usage.
    public let rateCard: RateCard
    /// Exact usage in MB-seconds.
    public let mbSeconds: Int64
    /// Price per MB-hour from the rate card.
    public let unitPrice: UnitPrice
    /// `mbSeconds × unitPrice / 3600`, rounded once with the card's rounding mode.
    public let amount: Money
    /// The first second billed on the line (UTC): the CSV export's
    /// `usage_start` (README, "Line items as CSV").
    public let usageStart: Timestamp
    /// The last second billed on the line (UTC, included): the CSV export's
    /// `usage_end`.
    public let usageEnd: Timestamp

    /// Usage in MB-hours, `mbSeconds / 3600`, shown to 0.001 (display only).
    public var mbHoursText: String { NumberText.mbHours(mbSeconds) }
}
