import Foundation

extension Rejection {
    /// The rejection as one line of a rejects file (README, "--rejects FILE"),
    /// without the newline: a JSON object with sorted keys holding the source
    /// `file`, `line_number`, `id` (or null), `account` and `time` when
    /// readable, the reason's `code` and message (`reason`), and the original
    /// line exactly as read (without its LF/CRLF) as the string `line`. A line
    /// that is not valid UTF-8 can't be a JSON string: it is given as
    /// `line_base64` instead, with `line` null. A line over 1 MiB is kept cut
    /// at 1 MiB, with `"truncated": true` and its full `length`.
    ///
    /// To replay it, an operator corrects the line in (a copy of) the log
    /// itself and runs the month again: an appended copy would not clear the
    /// hold, the original line being still there and still rejected.
    public var jsonLine: String {
        let text = String(validating: originalLine, as: UTF8.self)
        let document = RejectsFileLine(
            file: location.file, lineNumber: location.line, id: eventID, account: account?.text,
            time: time?.description, code: reason.code, reason: reason.description, line: text,
            lineBase64: text == nil ? Data(originalLine).base64EncodedString() : nil,
            truncated: isTruncated ? true : nil, length: isTruncated ? truncatedLength : nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings and integers always encode.
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private var isTruncated: Bool {
        if case .lineTooLong = reason { return true }
        return false
    }

    private var truncatedLength: Int? {
        if case let .lineTooLong(length, _) = reason { return length }
        return nil
    }
}

/// The fields of one rejects-file line. `line` is always written, as null when
/// the bytes are not UTF-8.
private struct RejectsFileLine: Encodable {
    var file: String
    var lineNumber: Int
    var id: String?
    var account: String?
    var time: String?
    var code: String
    var reason: String
    var line: String?
    var lineBase64: String?
    var truncated: Bool?
    var length: Int?

    enum CodingKeys: String, CodingKey {
        case file
        case lineNumber = "line_number"
        case id, account, time, code, reason, line
        case lineBase64 = "line_base64"
        case truncated, length
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(lineNumber, forKey: .lineNumber)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(account, forKey: .account)
        try container.encodeIfPresent(time, forKey: .time)
        try container.encode(code, forKey: .code)
        try container.encode(reason, forKey: .reason)
        try container.encode(line, forKey: .line)
        try container.encodeIfPresent(lineBase64, forKey: .lineBase64)
        try container.encodeIfPresent(truncated, forKey: .truncated)
        try container.encodeIfPresent(length, forKey: .length)
    }
}
