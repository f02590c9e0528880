extension SSLQuote: Codable {
    private enum CodingKeys: String, CodingKey {
        case account, application, domain, flavor, at, hourly, month
        case rateCard = "rate_card"
        case edgeMemoryMB = "edge_memory_mb"
        case unitPrice = "unit_price"
        case fullMonth = "full_month"
        case restOfMonthSeconds = "rest_of_month_seconds"
        case restOfMonth = "rest_of_month"
    }

    /// Encodes the quote with snake-case keys: `account`, `application`,
    /// `domain`, `flavor`, `at`, `rate_card` (the whole card), `edge_memory_mb`,
    /// `unit_price` (per MB-hour), `hourly`, `month` (`YYYY-MM`), `full_month`,
    /// `rest_of_month_seconds` and `rest_of_month`; amounts are ``Money``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(account, forKey: .account)
        try container.encode(application, forKey: .application)
        try container.encode(domain, forKey: .domain)
        try container.encode(flavor, forKey: .flavor)
        try container.encode(instant, forKey: .at)
        try container.encode(rateCard, forKey: .rateCard)
        try container.encode(edgeMemoryMB, forKey: .edgeMemoryMB)
        try container.encode(unitPrice, forKey: .unitPrice)
        try container.encode(hourly, forKey: .hourly)
        try container.encode(month, forKey: .month)
        try container.encode(fullMonth, forKey: .fullMonth)
        try container.encode(restOfMonthSeconds, forKey: .restOfMonthSeconds)
        try container.encode(restOfMonth, forKey: .restOfMonth)
    }

    /// Decodes what ``encode(to:)`` writes.
    ///
    /// - Throws: `DecodingError` for a missing field or a malformed value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(account: try container.decode(AccountName.self, forKey: .account),
                  application: try container.decode(ApplicationName.self, forKey: .application),
                  domain: try container.decode(DomainName.self, forKey: .domain),
                  flavor: try container.decode(Flavor.self, forKey: .flavor),
                  instant: try container.decode(Timestamp.self, forKey: .at),
                  rateCard: try container.decode(RateCard.self, forKey: .rateCard),
                  edgeMemoryMB: try container.decode(Int.self, forKey: .edgeMemoryMB),
                  unitPrice: try container.decode(UnitPrice.self, forKey: .unitPrice),
                  hourly: try container.decode(Money.self, forKey: .hourly),
                  month: try container.decode(BillingPeriod.self, forKey: .month),
                  fullMonth: try container.decode(Money.self, forKey: .fullMonth),
                  restOfMonthSeconds: try container.decode(Int64.self, forKey: .restOfMonthSeconds),
                  restOfMonth: try container.decode(Money.self, forKey: .restOfMonth))
    }
}
