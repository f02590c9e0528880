extension Name: Codable {
    /// Encodes the name as its text, e.g. `"acct_blog"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// Decodes a name from its text, checked against `Kind`'s rule (SPEC §2);
    /// a domain is folded to lower case.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the rule when the text breaks it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
        }
    }
}
