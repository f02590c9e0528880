/// One line of an invoice (SPEC §3): a service's or an SSL edge's usage under
/// one flavor and one rate card, with its exact quantity and rounded amount;
/// or, with ``adjusts``, the correction of such a line of a closed month
/// (SPEC §7.3), whose MB-seconds and amount may be negative.
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
    /// The first second billed on the line (UTC).
    public let usageStart: Timestamp
    /// The last second billed on the line (UTC): the line covers
    /// `usageStart` through `usageEnd`, both included, possibly with gaps.
    public let usageEnd: Timestamp
    /// For an adjustment line, the closed month it corrects (SPEC §7.3):
    /// its MB-seconds and amount are what is due for that month now minus
    /// what was billed for it, never rounded again. `nil` for the month's own lines.
    public let adjusts: BillingPeriod?
    /// The line's key in the run that priced it, to find what the meter kept
    /// behind it (intervals, days) without turning names back into symbols.
    let key: UsageKey?

    init(kind: Kind, application: ApplicationName, service: ServiceName?, serviceType: ServiceType?, domain: DomainName?,
         applicationDestroyedAt: Timestamp?, flavor: Flavor, rateCard: RateCard, mbSeconds: Int64, unitPrice: UnitPrice,
         amount: Money, usageStart: Timestamp, usageEnd: Timestamp, adjusts: BillingPeriod? = nil, key: UsageKey? = nil) {
        self.kind = kind
        self.application = application
        self.service = service
        self.serviceType = serviceType
        self.domain = domain
        self.applicationDestroyedAt = applicationDestroyedAt
        self.flavor = flavor
        self.rateCard = rateCard
        self.mbSeconds = mbSeconds
        self.unitPrice = unitPrice
        self.amount = amount
        self.usageStart = usageStart
        self.usageEnd = usageEnd
        self.adjusts = adjusts
        self.key = key
    }

    /// Whether the line corrects a closed month (SPEC §7.3).
    public var isAdjustment: Bool { adjusts != nil }

    /// The adjustment of this line's month `month`: the same line with
    /// `mbSeconds` and `amount` (due − billed).
    func adjustment(of month: BillingPeriod, mbSeconds: Int64, amount: Money) -> LineItem {
        LineItem(kind: kind, application: application, service: service, serviceType: serviceType, domain: domain,
                 applicationDestroyedAt: applicationDestroyedAt, flavor: flavor, rateCard: rateCard, mbSeconds: mbSeconds,
                 unitPrice: unitPrice, amount: amount, usageStart: usageStart, usageEnd: usageEnd, adjusts: month)
    }

    /// Usage in MB-hours, `mbSeconds / 3600`, shown to 0.001 (display only).
    public var mbHoursText: String { NumberText.mbHours(mbSeconds) }

    /// Two lines are equal when everything they show is: the key into the
    /// run that priced them is left out.
    public static func == (lhs: LineItem, rhs: LineItem) -> Bool {
        (lhs.kind, lhs.application, lhs.service, lhs.serviceType, lhs.domain, lhs.applicationDestroyedAt)
            == (rhs.kind, rhs.application, rhs.service, rhs.serviceType, rhs.domain, rhs.applicationDestroyedAt)
            && (lhs.flavor, lhs.rateCard, lhs.mbSeconds, lhs.unitPrice, lhs.amount)
            == (rhs.flavor, rhs.rateCard, rhs.mbSeconds, rhs.unitPrice, rhs.amount)
            && (lhs.usageStart, lhs.usageEnd, lhs.adjusts) == (rhs.usageStart, rhs.usageEnd, rhs.adjusts)
    }

    /// Hashes what ``==`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(application)
        hasher.combine(service)
        hasher.combine(domain)
        hasher.combine(flavor)
        hasher.combine(rateCard.name)
        hasher.combine(mbSeconds)
        hasher.combine(amount)
        hasher.combine(adjusts)
    }
}
