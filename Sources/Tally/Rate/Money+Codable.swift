extension Money: Codable {
    private enum CodingKeys: String, CodingKey {
        case amount, currency
    }

    /// Encodes the amount as `{"amount": "65.66", "currency": "USD"}`: a
    /// decimal string with exactly the currency's minor-unit digits (SPEC §6).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(description, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }

    /// Decodes `{"amount": "…", "currency": "…"}`: an optional `-`, digits,
    /// and exactly the currency's minor-unit digits after a point (none for a
    /// currency without minor unit). Never through a floating-point number.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the amount is not written
    ///   so, or does not fit in 64 bits of minor units.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(Currency.self, forKey: .currency)
        let text = try container.decode(String.self, forKey: .amount)
        guard let minorUnits = Self.minorUnits(text, exponent: currency.minorUnitExponent) else {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container,
                debugDescription: "expected an amount with \(currency.minorUnitExponent) decimals in \(currency), got \(Printable.quoted(text))")
        }
        self.init(minorUnits: minorUnits, currency: currency)
    }

    /// `text` in minor units, or `nil` unless it is `-`?digits, then `.` and
    /// exactly `exponent` digits when `exponent` > 0.
    private static func minorUnits(_ text: String, exponent: Int) -> Int64? {
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = { (part: Substring) in !part.isEmpty && part.utf8.allSatisfy { (0x30...0x39).contains($0) } }
        guard let whole = parts.first, digits(whole),
              exponent == 0 ? parts.count == 1 : parts.count == 2 && parts[1].count == exponent && digits(parts[1]),
              let magnitude = Int64(whole + (parts.count == 2 ? parts[1] : ""))
        else { return nil }
        return negative ? -magnitude : magnitude
    }
}
