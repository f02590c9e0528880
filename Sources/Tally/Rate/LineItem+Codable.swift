extension LineItem: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, application, service, domain, flavor, amount
        case serviceType = "service_type"
        case applicationDestroyedAt = "application_destroyed_at"
        case rateCard = "rate_card"
        case mbSeconds = "mb_seconds"
        case unitPrice = "unit_price"
        case usageStart = "usage_start"
        case usageEnd = "usage_end"
        case adjusts
    }

    /// Encodes the line with snake-case keys: `kind` (`service` or
    /// `ssl_edge`), `application`, `service`, `service_type`, `domain` and
    /// `application_destroyed_at` when they apply, `flavor`, `rate_card` (the
    /// whole card), `mb_seconds` (exact), `unit_price` (per MB-hour, a decimal
    /// string), `amount` (``Money``), `usage_start` and `usage_end` (RFC 3339),
    /// and `adjusts` (`YYYY-MM`) for an adjustment line (SPEC §7.3).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(application, forKey: .application)
        try container.encodeIfPresent(service, forKey: .service)
        try container.encodeIfPresent(serviceType, forKey: .serviceType)
        try container.encodeIfPresent(domain, forKey: .domain)
        try container.encodeIfPresent(applicationDestroyedAt, forKey: .applicationDestroyedAt)
        try container.encode(flavor, forKey: .flavor)
        try container.encode(rateCard, forKey: .rateCard)
        try container.encode(mbSeconds, forKey: .mbSeconds)
        try container.encode(unitPrice, forKey: .unitPrice)
        try container.encode(amount, forKey: .amount)
        try container.encode(usageStart, forKey: .usageStart)
        try container.encode(usageEnd, forKey: .usageEnd)
        try container.encodeIfPresent(adjusts, forKey: .adjusts)
    }

    /// Decodes what ``encode(to:)`` writes; names are checked against their rules.
    ///
    /// - Throws: `DecodingError` for a missing field or a malformed value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try container.decode(Kind.self, forKey: .kind),
                  application: try container.decode(ApplicationName.self, forKey: .application),
                  service: try container.decodeIfPresent(ServiceName.self, forKey: .service),
                  serviceType: try container.decodeIfPresent(ServiceType.self, forKey: .serviceType),
                  domain: try container.decodeIfPresent(DomainName.self, forKey: .domain),
                  applicationDestroyedAt: try container.decodeIfPresent(Timestamp.self, forKey: .applicationDestroyedAt),
                  flavor: try container.decode(Flavor.self, forKey: .flavor),
                  rateCard: try container.decode(RateCard.self, forKey: .rateCard),
                  mbSeconds: try container.decode(Int64.self, forKey: .mbSeconds),
                  unitPrice: try container.decode(UnitPrice.self, forKey: .unitPrice),
                  amount: try container.decode(Money.self, forKey: .amount),
                  usageStart: try container.decode(Timestamp.self, forKey: .usageStart),
                  usageEnd: try container.decode(Timestamp.self, forKey: .usageEnd),
                  adjusts: try container.decodeIfPresent(BillingPeriod.self, forKey: .adjusts))
    }
}
