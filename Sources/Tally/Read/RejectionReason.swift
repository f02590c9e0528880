/// Why a line of the event log was rejected (SPEC §2, §2.1, §2.2). A rejected
/// line changes nothing; it is reported with its file, line and id.
///
/// `Codable` in Swift's synthesized form (one key per case), so that a
/// ``Rejection`` decodes back to the same value.
public enum RejectionReason: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The line is not valid UTF-8.
    case invalidUTF8
    /// The line holds a byte-order mark that is not at the start of its file.
    case byteOrderMarkInsideFile
    /// The line is longer than the reader keeps (bytes, limit).
    case lineTooLong(length: Int, limit: Int)
    /// The last line of an input has no newline and is not a complete JSON
    /// object: most likely the log was being written while it was read.
    case truncatedLastLine(detail: String)
    /// The line is not valid JSON; `detail` is the parser's explanation.
    case invalidJSON(detail: String)
    /// The line is JSON but not an object; `found` names what it is.
    case notAnObject(found: String)
    /// The object has the same key twice, so its meaning is ambiguous.
    case duplicateKey(String)
    /// A field the event's type needs is missing.
    case missingField(EventField)
    /// A field has the wrong JSON type.
    case wrongType(EventField, expected: String, found: String)
    /// A field's value breaks its rule (`value` as written, `rule` in words).
    case invalidValue(EventField, value: String, rule: String)
    /// `service.scaled` gives neither `instances` nor `memory_mb`.
    case nothingToScale
    /// The `type` is not one of SPEC §2's types.
    case unknownType(String)
    /// The `flavor` is not `sandbox`, `live` or `enterprise`.
    case unknownFlavor(String)
    /// An earlier line (`first`) carried this `id` with a different content;
    /// the earlier one stands (SPEC §2.1).
    case conflictingDuplicate(first: SourceLocation)
    /// The event breaks a rule of SPEC §2.2 given the platform's state.
    case rule(RuleViolation)
    /// A rejection found when a month was closed and kept in the books,
    /// because the line is dated after that month (SPEC §7): its `code` and
    /// message as they were then.
    case keptFromClose(code: String, message: String)

    /// A stable, machine-readable name of the reason, e.g. `invalid_json`, for
    /// the rejects file (README, "--rejects FILE").
    public var code: String {
        switch self {
        case .invalidUTF8: "invalid_utf8"
        case .byteOrderMarkInsideFile: "byte_order_mark"
        case .lineTooLong: "line_too_long"
        case .truncatedLastLine: "truncated_last_line"
        case .invalidJSON: "invalid_json"
        case .notAnObject: "not_an_object"
        case .duplicateKey: "duplicate_key"
        case .missingField: "missing_field"
        case .wrongType: "wrong_type"
        case .invalidValue: "invalid_value"
        case .nothingToScale: "nothing_to_scale"
        case .unknownType: "unknown_type"
        case .unknownFlavor: "unknown_flavor"
        case .conflictingDuplicate: "conflicting_duplicate"
        case .rule: "rule_violation"
        case let .keptFromClose(code, _): code
        }
    }

    /// The message, in words, for people and logs.
    public var description: String {
        switch self {
        case .invalidUTF8:
            "the line is not valid UTF-8; re-encode it as UTF-8"
        case .byteOrderMarkInsideFile:
            "a byte-order mark inside the file (only the start of a file may have one); remove it"
        case let .lineTooLong(length, limit):
            "the line is \(length) bytes long, more than the \(limit) an event may take"
        case let .truncatedLastLine(detail):
            "the last line has no newline and is not a complete JSON object (was the log still being written?): \(Printable.sanitized(detail))"
        case let .invalidJSON(detail):
            "not valid JSON: \(Printable.sanitized(detail))"
        case let .notAnObject(found):
            "the line is \(found), not a JSON object"
        case let .duplicateKey(key):
            "the key \(Printable.quoted(key)) appears twice in the object"
        case let .missingField(field):
            "missing field \"\(field)\""
        case let .wrongType(field, expected, found):
            "field \"\(field)\" must be \(expected), got \(found)"
        case let .invalidValue(field, value, rule):
            "field \"\(field)\" must be \(rule), got \(Printable.quoted(value))"
        case .nothingToScale:
            "service.scaled needs \"instances\" or \"memory_mb\" or both"
        case let .unknownType(type):
            "unknown event type \(Printable.quoted(type))"
        case let .unknownFlavor(flavor):
            "unknown flavor \(Printable.quoted(flavor)); expected sandbox, live or enterprise"
        case let .conflictingDuplicate(first):
            "conflicting duplicate: the id was first used at \(first) with different content; the earlier event stands"
        case let .rule(violation):
            violation.description
        case let .keptFromClose(_, message):
            message
        }
    }
}
