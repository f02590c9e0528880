/// The rules names follow in the event log (SPEC §2).
public enum NameRule: Sendable, Hashable {
    /// 1–64 characters from `A–Z a–z 0–9 . _ -`: accounts, applications,
    /// services, service types.
    case identifier
    /// 1–128 printable ASCII characters (0x21–0x7E): event ids.
    case eventID
    /// A host name of at most 253 characters: dot-separated labels of
    /// `a–z 0–9 -` (1–63 characters, not starting or ending with `-`),
    /// optionally starting with the wildcard label `*.`; upper case is folded.
    case domain

    /// What the rule asks for, in words, for error messages.
    public var summary: String {
        switch self {
        case .identifier: "1–64 characters from A–Z a–z 0–9 . _ -"
        case .eventID: "1–128 printable ASCII characters"
        case .domain: "a host name: dot-separated labels of a–z 0–9 - (no label starting or ending with -), at most 253 characters, optionally starting with *."
        }
    }

    /// Checks `bytes` against the rule, lower-casing a domain first.
    func normalizeAndCheck(_ bytes: inout [UInt8], field: String) throws(NameError) {
        if self == .domain {
            for index in bytes.indices where (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[index]) {
                bytes[index] |= 0x20
            }
        }
        let valid = bytes.withUnsafeBytes { accepts($0) }
        if !valid {
            throw NameError(field: field, value: String(decoding: bytes, as: UTF8.self), rule: self)
        }
    }

    /// Whether `bytes` follow the rule; a domain must already be lower case.
    func accepts(_ bytes: UnsafeRawBufferPointer) -> Bool {
        switch self {
        case .identifier:
            guard (1...64).contains(bytes.count) else { return false }
            for byte in bytes where !Self.isIdentifierByte(byte) { return false }
            return true
        case .eventID:
            guard (1...128).contains(bytes.count) else { return false }
            for byte in bytes where !(0x21...0x7E).contains(byte) { return false }
            return true
        case .domain:
            return Self.isHostName(bytes)
        }
    }

    @inline(__always)
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    static func isHostName(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard (1...253).contains(bytes.count) else { return false }
        var start = 0
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "*"), bytes[1] == UInt8(ascii: ".") {
            start = 2
        }
        guard start < bytes.count else { return false }
        var labelStart = start
        for index in start...bytes.count {
            if index == bytes.count || bytes[index] == UInt8(ascii: ".") {
                let length = index - labelStart
                guard (1...63).contains(length),
                      bytes[labelStart] != UInt8(ascii: "-"),
                      bytes[index - 1] != UInt8(ascii: "-")
                else { return false }
                labelStart = index + 1
                continue
            }
            switch bytes[index] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                continue
            default:
                return false
            }
        }
        return true
    }
}

/// A name that breaks its rule (SPEC §2).
public struct NameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field the name was given in, e.g. `account`.
    public let field: String
    /// The text given, exactly; print it with ``Printable/quoted(_:)``.
    public let value: String
    /// The rule it breaks.
    public let rule: NameRule

    /// The message, in words, for people and logs.
    public var description: String {
        "field \"\(field)\" must be \(rule.summary), got \(Printable.quoted(value))"
    }
}
