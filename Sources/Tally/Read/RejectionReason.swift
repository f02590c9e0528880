/// Why a line of the event log was rejected (SPEC §2, §2.1, §2.2). A rejected
/// line changes nothing; it is reported with its file, line and id.
public enum RejectionReason: Error, Sendable, Hashable, CustomStringConvertible {
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

    public var description: String {
        switch self {
        case .invalidUTF8:
            "the line is not valid UTF-8; re-encode it as UTF-8"
        case .byteOrderMarkInsideFile:
            "a byte-order mark inside the file (only the start of a file may have one); remove it"
        case let .lineTooLong(length, limit):
            "the line is \(length) bytes long, more than the \(limit) an event may take"
        case let .truncatedLastLine(detail):
            "the last line has no newline and is not a complete JSON object (was the log still being written?): \(detail)"
        case let .invalidJSON(detail):
            "not valid JSON: \(detail)"
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
        }
    }
}
