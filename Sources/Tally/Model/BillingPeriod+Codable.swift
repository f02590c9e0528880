extension BillingPeriod: Codable {
    /// Encodes the period as `"YYYY-MM"`, e.g. `"2026-10"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes `"YYYY-MM"`, a month of a year 0000–9999 (SPEC §3).
    ///
    /// - Throws: `DecodingError.dataCorrupted` for anything else.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = BillingPeriod(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected YYYY-MM, got \(Printable.quoted(text))")
        }
        self = period
    }
}
