extension Currency: Codable {
    /// Encodes the currency as its ISO 4217 code, e.g. `"USD"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    /// Decodes an ISO 4217 code whose minor unit Tally knows.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for an unknown code.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let currency = Currency(code: code) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown currency \(Printable.quoted(code))")
        }
        self = currency
    }
}
