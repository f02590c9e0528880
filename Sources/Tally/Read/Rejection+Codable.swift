import Foundation

extension Rejection: Codable {
    private enum CodingKeys: String, CodingKey {
        case file, id, account, time, code, message, reason, line
        case lineNumber = "line_number"
        case lineBase64 = "line_base64"
    }

    /// Encodes the rejection like a line of the rejects file (README, "Bad
    /// input"): `file`, `line_number`, `id`, `account` and `time` when
    /// readable, the reason's `code` and `message`, the original `line` (or
    /// `line_base64` when it is not UTF-8, with `line` null) — plus `reason`,
    /// the reason as a structured value, so that decoding gives back the same
    /// rejection.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(location.file, forKey: .file)
        try container.encode(location.line, forKey: .lineNumber)
        try container.encode(eventID, forKey: .id)
        try container.encodeIfPresent(account, forKey: .account)
        try container.encodeIfPresent(time, forKey: .time)
        try container.encode(reason.code, forKey: .code)
        try container.encode(reason.description, forKey: .message)
        try container.encode(reason, forKey: .reason)
        let text = String(validating: originalLine, as: UTF8.self)
        try container.encode(text, forKey: .line)
        if text == nil { try container.encode(Data(originalLine).base64EncodedString(), forKey: .lineBase64) }
    }

    /// Decodes what ``encode(to:)`` writes (`code` and `message` are derived
    /// from `reason` and not read).
    ///
    /// - Throws: `DecodingError` for a missing field or a malformed value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var line: [UInt8]
        if let text = try container.decodeIfPresent(String.self, forKey: .line) {
            line = Array(text.utf8)
        } else {
            let encoded = try container.decode(String.self, forKey: .lineBase64)
            guard let data = Data(base64Encoded: encoded) else {
                throw DecodingError.dataCorruptedError(forKey: .lineBase64, in: container, debugDescription: "not base64")
            }
            line = [UInt8](data)
        }
        self.init(location: SourceLocation(file: try container.decode(String.self, forKey: .file),
                                           line: try container.decode(Int.self, forKey: .lineNumber)),
                  eventID: try container.decodeIfPresent(String.self, forKey: .id),
                  account: try container.decodeIfPresent(AccountName.self, forKey: .account),
                  time: try container.decodeIfPresent(Timestamp.self, forKey: .time),
                  reason: try container.decode(RejectionReason.self, forKey: .reason),
                  originalLine: line)
    }
}
