/// A validated name: an account, application, service, service type, domain
/// or event id, typed by its ``NameKind`` so that one can't be passed where
/// another is expected.
///
/// The text is checked against the kind's rule (SPEC §2) when the name is made;
/// a `Name` therefore always holds printable ASCII and is safe to print.
/// Domains are stored in lower case (SPEC §2: "compared in lower case").
public struct Name<Kind: NameKind>: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The name's text, exactly as it appears in reports.
    public let text: String

    /// Makes a name after checking its text against `Kind`'s rule.
    ///
    /// - Parameter text: the name as written in the event log or given by a caller.
    /// - Throws: ``NameError`` when the text breaks the rule of SPEC §2, with the
    ///   field name and the offending value (escaped for printing).
    public init(_ text: String) throws(NameError) {
        var bytes = Array(text.utf8)
        try Kind.rule.normalizeAndCheck(&bytes, field: Kind.fieldName)
        self.text = String(decoding: bytes, as: UTF8.self)
    }

    /// Makes a name from text that has already passed `Kind`'s rule.
    init(unchecked text: String) {
        self.text = text
    }

    /// The name's text.
    public var description: String { text }

    /// Orders names by their bytes (names are ASCII), the same in every locale.
    public static func < (lhs: Name, rhs: Name) -> Bool {
        // Names are ASCII, so String's order is their byte order: the order
        // operators expect, independent of locale (and String compares ASCII
        // with memcmp, far faster than walking the UTF-8 views).
        lhs.text < rhs.text
    }
}

/// A kind of name, with the rule its text must follow (SPEC §2).
public protocol NameKind: Sendable {
    /// The rule the text must follow.
    static var rule: NameRule { get }
    /// The event-log field that carries names of this kind, used in messages.
    static var fieldName: String { get }
}

/// An account: the customer who is invoiced (SPEC §1).
public enum AccountKind: NameKind {
    /// The rule names of this kind follow.
    public static var rule: NameRule { .identifier }
    /// The event-log field that carries names of this kind.
    public static var fieldName: String { "account" }
}

/// An application, unique in its account while it exists (SPEC §1).
public enum ApplicationKind: NameKind {
    /// The rule names of this kind follow.
    public static var rule: NameRule { .identifier }
    /// The event-log field that carries names of this kind.
    public static var fieldName: String { "app" }
}

/// A service, unique in its application (SPEC §1).
public enum ServiceKind: NameKind {
    /// The rule names of this kind follow.
    public static var rule: NameRule { .identifier }
    /// The event-log field that carries names of this kind.
    public static var fieldName: String { "service" }
}

/// A service type such as `python` or `mysql` (SPEC §1). Tally accepts any
/// identifier here, so that a new type on the platform never loses an event.
public enum ServiceTypeKind: NameKind {
    /// The rule names of this kind follow.
    public static var rule: NameRule { .identifier }
    /// The event-log field that carries names of this kind.
    public static var fieldName: String { "service_type" }
}

/// A custom domain: a host name, compared in lower case (SPEC §1, §2).
public enum DomainKind: NameKind {
    /// The rule names of this kind follow.
    public static var rule: NameRule { .domain }
    /// The event-log field that carries names of this kind.
    public static var fieldName: String { "domain" }
}

/// An event's `id`: 1–128 printable ASCII characters, unique in the log (SPEC §2).
public enum EventIDKind: NameKind {
    /// The rule names of this kind follow.
    public static var rule: NameRule { .eventID }
    /// The event-log field that carries names of this kind.
    public static var fieldName: String { "id" }
}

/// The account that is invoiced (SPEC §1).
public typealias AccountName = Name<AccountKind>
/// An application's name within its account (SPEC §1).
public typealias ApplicationName = Name<ApplicationKind>
/// A service's name within its application (SPEC §1).
public typealias ServiceName = Name<ServiceKind>
/// A service type, e.g. `python` (SPEC §1).
public typealias ServiceType = Name<ServiceTypeKind>
/// A custom domain, lower case (SPEC §1).
public typealias DomainName = Name<DomainKind>
/// An event's unique `id` (SPEC §2).
public typealias EventID = Name<EventIDKind>
