extension UnitPrice: Codable {
    /// Encodes the price as a decimal string (never a JSON number, SPEC §4),
    /// e.g. `"0.0001875"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes a decimal string, parsed strictly as a rate card's price is.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when it is not such a decimal.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let price = UnitPrice(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a decimal price such as \"0.0001875\", got \(Printable.quoted(text))")
        }
        self = price
    }
}
