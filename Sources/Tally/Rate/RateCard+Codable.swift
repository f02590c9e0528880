extension RateCard: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, currency, rounding, file
        case effectiveFrom = "effective_from"
        case pricePerMBHour = "price_per_mb_hour"
        case sslEdgeMemoryMB = "ssl_edge_memory_mb"
    }

    /// Encodes the card as its rate-card file does (SPEC §4), plus the `file`
    /// it was read from: `name`, `effective_from`, `currency`, `rounding`,
    /// `price_per_mb_hour` (by flavor, decimal strings), `ssl_edge_memory_mb`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(effectiveFrom, forKey: .effectiveFrom)
        try container.encode(currency, forKey: .currency)
        try container.encode(rounding, forKey: .rounding)
        try container.encode(Dictionary(uniqueKeysWithValues: pricePerMBHour.map { ($0.key.rawValue, $0.value) }),
                             forKey: .pricePerMBHour)
        try container.encode(sslEdgeMemoryMB, forKey: .sslEdgeMemoryMB)
        try container.encode(file, forKey: .file)
    }

    /// Decodes what ``encode(to:)`` writes (`file` may be left out).
    ///
    /// - Throws: `DecodingError` for a missing field, an unknown flavor or a malformed value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var prices: [Flavor: UnitPrice] = [:]
        for (name, price) in try container.decode([String: UnitPrice].self, forKey: .pricePerMBHour) {
            guard let flavor = Flavor(rawValue: name) else {
                throw DecodingError.dataCorruptedError(forKey: .pricePerMBHour, in: container,
                                                       debugDescription: "unknown flavor \(Printable.quoted(name))")
            }
            prices[flavor] = price
        }
        self.init(name: try container.decode(String.self, forKey: .name),
                  effectiveFrom: try container.decode(Timestamp.self, forKey: .effectiveFrom),
                  currency: try container.decode(Currency.self, forKey: .currency),
                  rounding: try container.decode(RoundingMode.self, forKey: .rounding),
                  pricePerMBHour: prices,
                  sslEdgeMemoryMB: try container.decode(Int.self, forKey: .sslEdgeMemoryMB),
                  file: try container.decodeIfPresent(String.self, forKey: .file) ?? "")
    }
}
