extension Invoice: Codable {
    private enum CodingKeys: String, CodingKey {
        case number, account, period, lines, total, status
        case rejectedLineCount = "rejected_line_count"
        case rejectedLines = "rejected_lines"
    }

    /// Encodes the invoice with snake-case keys: `number`, `account`,
    /// `period` (`YYYY-MM`), `lines` (``LineItem``), `total` (``Money``),
    /// `status` (`final` or `held`), `rejected_line_count` and
    /// `rejected_lines` (``Rejection``, the first 20).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(account, forKey: .account)
        try container.encode(period, forKey: .period)
        try container.encode(lines, forKey: .lines)
        try container.encode(total, forKey: .total)
        try container.encode(status, forKey: .status)
        try container.encode(rejectedLineCount, forKey: .rejectedLineCount)
        try container.encode(rejectedLines, forKey: .rejectedLines)
    }

    /// Decodes what ``encode(to:)`` writes.
    ///
    /// - Throws: `DecodingError` for a missing field or a malformed value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(number: try container.decode(String.self, forKey: .number),
                  account: try container.decode(AccountName.self, forKey: .account),
                  period: try container.decode(BillingPeriod.self, forKey: .period),
                  lines: try container.decode([LineItem].self, forKey: .lines),
                  total: try container.decode(Money.self, forKey: .total),
                  status: try container.decode(InvoiceStatus.self, forKey: .status),
                  rejectedLineCount: try container.decode(Int.self, forKey: .rejectedLineCount),
                  rejectedLines: try container.decode([Rejection].self, forKey: .rejectedLines))
    }
}
