extension AccountCost: Codable {
    private enum CodingKeys: String, CodingKey {
        case account, at, period, currency
        case monthToDate = "month_to_date"
        case expectedMonthEnd = "expected_month_end"
        case monthToDateTotal = "month_to_date_total"
        case expectedMonthEndTotal = "expected_month_end_total"
    }

    /// Encodes the cost with snake-case keys: `account`, `at`, `period`,
    /// `currency`, `month_to_date` and `expected_month_end` (``Invoice``, or
    /// absent), and their totals `month_to_date_total` and
    /// `expected_month_end_total` (``Money``; computed, ignored when decoding).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(account, forKey: .account)
        try container.encode(instant, forKey: .at)
        try container.encode(period, forKey: .period)
        try container.encode(currency, forKey: .currency)
        try container.encodeIfPresent(monthToDate, forKey: .monthToDate)
        try container.encodeIfPresent(expectedMonthEnd, forKey: .expectedMonthEnd)
        try container.encode(monthToDateTotal, forKey: .monthToDateTotal)
        try container.encode(expectedMonthEndTotal, forKey: .expectedMonthEndTotal)
    }

    /// Decodes what ``encode(to:)`` writes.
    ///
    /// - Throws: `DecodingError` for a missing field or a malformed value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(account: try container.decode(AccountName.self, forKey: .account),
                  instant: try container.decode(Timestamp.self, forKey: .at),
                  period: try container.decode(BillingPeriod.self, forKey: .period),
                  currency: try container.decode(Currency.self, forKey: .currency),
                  monthToDate: try container.decodeIfPresent(Invoice.self, forKey: .monthToDate),
                  expectedMonthEnd: try container.decodeIfPresent(Invoice.self, forKey: .expectedMonthEnd))
    }
}
