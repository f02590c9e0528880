/// The fields Tally reads from one JSON object, as a parser found them, before
/// the field rules of SPEC §2 are checked. Strings are byte ranges into a
/// storage buffer that the parser names (the line itself, or a scratch buffer
/// of decoded text), so the common case copies nothing.
struct ParsedFields {
    /// A value as JSON typed it.
    enum Value: Equatable {
        case absent
        /// A string; its UTF-8 bytes are `storage[start..<end]`.
        case string(start: Int, end: Int)
        /// A JSON number written without fraction or exponent, in Int64 range.
        case integer(Int64)
        /// Any other JSON number; its text is `storage[start..<end]`.
        case number(start: Int, end: Int)
        case bool(Bool)
        case null
        case array
        case object

        /// The JSON type, in words, for messages.
        var typeName: String {
            switch self {
            case .absent: "nothing"
            case .string: "a string"
            case .integer, .number: "a number"
            case .bool: "a boolean"
            case .null: "null"
            case .array: "an array"
            case .object: "an object"
            }
        }
    }

    /// Values by ``EventField/slot``.
    var values = [Value](repeating: .absent, count: EventField.slotCount)
    /// A hash of the whole object as a value: key order, spacing and escapes
    /// make no difference (SPEC §2.1 compares duplicates as values).
    var fingerprint: UInt64 = 0

    subscript(field: EventField) -> Value {
        get { values[field.slot] }
        set { values[field.slot] = newValue }
    }

    mutating func reset() {
        for index in values.indices { values[index] = .absent }
        fingerprint = 0
    }
}

/// What a line parser makes of one line.
enum LineParse {
    /// A JSON object; its fields are in the parser's ``ParsedFields``.
    case object
    /// Not an acceptable JSON object, with the reason.
    case rejected(RejectionReason)
    /// The fast parser does not handle this line; ask the full parser.
    case unsupported
}
