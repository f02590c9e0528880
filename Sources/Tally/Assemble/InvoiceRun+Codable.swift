extension HeldAccount: Codable {
    private enum CodingKeys: String, CodingKey {
        case account
        case rejectedLineCount = "rejected_line_count"
        case rejectedLines = "rejected_lines"
    }

    /// Encodes `account`, `rejected_line_count` and `rejected_lines` (the first 20).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(account, forKey: .account)
        try container.encode(rejectedLineCount, forKey: .rejectedLineCount)
        try container.encode(rejectedLines, forKey: .rejectedLines)
    }

    /// Decodes what ``encode(to:)`` writes.
    ///
    /// - Throws: `DecodingError` for a missing field or a malformed value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(account: try container.decode(AccountName.self, forKey: .account),
                  rejectedLineCount: try container.decode(Int.self, forKey: .rejectedLineCount),
                  rejectedLines: try container.decode([Rejection].self, forKey: .rejectedLines))
    }
}

extension InvoiceRun: Codable {
    private enum CodingKeys: String, CodingKey {
        case period, currency, invoices, events
        case heldAccountsWithoutInvoice = "held_without_invoice"
    }

    /// Encodes the whole run, every field of every line: what the books keep
    /// of an issued month so that it reprints in every format (SPEC §7.4).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period, forKey: .period)
        try container.encode(currency, forKey: .currency)
        try container.encode(invoices, forKey: .invoices)
        try container.encode(events, forKey: .events)
        try container.encode(heldAccountsWithoutInvoice, forKey: .heldAccountsWithoutInvoice)
    }

    /// Decodes what ``encode(to:)`` writes.
    ///
    /// - Throws: `DecodingError` for a missing field or a malformed value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(period: try container.decode(BillingPeriod.self, forKey: .period),
                  currency: try container.decode(Currency.self, forKey: .currency),
                  invoices: try container.decode([Invoice].self, forKey: .invoices),
                  events: try container.decode(EventCounts.self, forKey: .events),
                  heldAccountsWithoutInvoice: try container.decode([HeldAccount].self, forKey: .heldAccountsWithoutInvoice))
    }
}
