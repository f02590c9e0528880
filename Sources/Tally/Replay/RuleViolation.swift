/// An event that breaks a rule of SPEC §2.2 given the platform's state at the
/// event's instant. Messages name the account's own things only; they never
/// say which other account holds a domain.
///
/// `Codable` in Swift's synthesized form (one key per case), for ``Rejection``.
public enum RuleViolation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `application.created` for an application the account already has.
    case applicationAlreadyExists(ApplicationName)
    /// An event for an application the account doesn't have (or has destroyed).
    case applicationNotFound(ApplicationName)
    /// `application.flavor_changed` to the flavor the application already has.
    case flavorUnchanged(ApplicationName, Flavor)
    /// `application.flavor_changed` to `sandbox`, which is not allowed.
    case flavorChangeToSandbox(ApplicationName)
    /// An event for a service the application doesn't have.
    case serviceNotFound(ApplicationName, ServiceName)
    /// `service.deployed` redeploying a service with another type.
    case serviceTypeMismatch(ServiceName, existing: ServiceType, given: ServiceType)
    /// `service.deployed` in a sandbox application with other than 1 instance.
    case sandboxInstances(ApplicationName, instances: Int)
    /// `service.scaled` on a sandbox application.
    case sandboxCannotScale(ApplicationName)
    /// `domain.added` or `ssl.enabled` on a sandbox application.
    case customDomainsNeedLiveOrEnterprise(ApplicationName, Flavor)
    /// `domain.added` for a domain attached anywhere on the platform.
    case domainAlreadyAttached(DomainName)
    /// An event for a domain not attached to a service of the application.
    case domainNotAttached(DomainName, ApplicationName)
    /// `ssl.enabled` for a domain whose SSL edge is still billed.
    case sslEdgeAlreadyActive(DomainName)
    /// `ssl.certificate_updated` or `ssl.disabled` with no SSL edge of the account's on the domain.
    case noActiveSSLEdge(DomainName)

    /// The message, in words, for people and logs.
    public var description: String {
        switch self {
        case let .applicationAlreadyExists(app):
            "application \(app) already exists in this account"
        case let .applicationNotFound(app):
            "application \(app) does not exist in this account"
        case let .flavorUnchanged(app, flavor):
            "application \(app) is already \(flavor)"
        case let .flavorChangeToSandbox(app):
            "application \(app) cannot change to sandbox"
        case let .serviceNotFound(app, service):
            "service \(service) does not exist in application \(app)"
        case let .serviceTypeMismatch(service, existing, given):
            "service \(service) is of type \(existing) and cannot be redeployed as \(given)"
        case let .sandboxInstances(app, instances):
            "application \(app) is sandbox, so a service has exactly 1 instance, not \(instances)"
        case let .sandboxCannotScale(app):
            "application \(app) is sandbox and cannot be scaled"
        case let .customDomainsNeedLiveOrEnterprise(app, flavor):
            "application \(app) is \(flavor); custom domains and SSL need a live or enterprise application"
        case let .domainAlreadyAttached(domain):
            "domain \(domain) is already attached to a service"
        case let .domainNotAttached(domain, app):
            "domain \(domain) is not attached to a service of application \(app)"
        case let .sslEdgeAlreadyActive(domain):
            "domain \(domain) already has an active SSL edge"
        case let .noActiveSSLEdge(domain):
            "domain \(domain) has no active SSL edge in this account"
        }
    }
}
