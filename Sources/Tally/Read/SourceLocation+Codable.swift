extension SourceLocation: Codable {
    private enum CodingKeys: String, CodingKey {
        case file, line
    }

    /// Encodes the location as `{"file": "events.jsonl", "line": 4812}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
    }

    /// Decodes `{"file": …, "line": …}`.
    ///
    /// - Throws: `DecodingError` for a missing or mistyped field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line))
    }
}
