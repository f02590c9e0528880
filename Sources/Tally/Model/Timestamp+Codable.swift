extension Timestamp: Codable {
    /// Encodes the instant as RFC 3339 in UTC, e.g. `"2026-10-04T00:00:00Z"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes an RFC 3339 date-time with `Z` or an offset (SPEC §2),
    /// converted to UTC with any fraction of a second dropped.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the text is not RFC 3339.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let instant = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an RFC 3339 date-time, got \(Printable.quoted(text))")
        }
        self = instant
    }
}
