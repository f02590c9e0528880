/// Why an SSL request is refused (README, "For the ticket service"), with a
/// message support can paste into the ticket. The rules are those of SPEC §2.2,
/// checked by the same replay that bills the log (``RuleViolation``), so a
/// request is refused exactly when its event would be rejected from the log.
public enum SSLRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The event would break a rule of SPEC §2.2 at its instant. For
    /// `ssl.enabled` the possible violations are, in the order checked:
    /// ``RuleViolation/applicationNotFound(_:)``,
    /// ``RuleViolation/domainNotAttached(_:_:)``,
    /// ``RuleViolation/customDomainsNeedLiveOrEnterprise(_:_:)`` (a sandbox
    /// application; given instead of "not attached", since a sandbox
    /// application can have no domain) and
    /// ``RuleViolation/sslEdgeAlreadyActive(_:)``; for
    /// `ssl.certificate_updated` and `ssl.disabled`,
    /// ``RuleViolation/noActiveSSLEdge(_:)``.
    case rule(RuleViolation)
    /// An update or disable named an application, and the domain's edge was
    /// enabled for another application of the account.
    case edgeOfAnotherApplication(DomainName, enabledFor: ApplicationName, given: ApplicationName)

    /// The message, in words, for people and logs.
    public var description: String {
        switch self {
        case let .rule(violation):
            "\(violation)" + Self.advice(for: violation)
        case let .edgeOfAnotherApplication(domain, enabledFor, given):
            "the SSL edge of domain \(domain) was enabled for application \(enabledFor), not \(given); check the ticket's application and domain"
        }
    }

    /// What to do about a violation, for the ticket.
    private static func advice(for violation: RuleViolation) -> String {
        switch violation {
        case .applicationNotFound:
            "; check the application's name against the account's applications"
        case .domainNotAttached:
            "; the customer must add the domain to a service of that application before SSL can be enabled"
        case .customDomainsNeedLiveOrEnterprise(_, .sandbox):
            "; the customer must move the application to live or enterprise first"
        case .sslEdgeAlreadyActive:
            "; a domain has one SSL edge at a time: to change the certificate of this account's edge use ssl update, or disable the edge first"
        case .noActiveSSLEdge:
            "; check the domain against the account's SSL edges"
        default:
            ""
        }
    }
}
