/// An event that breaks a rule of SPEC §2.2 given the platform's state at the
/// event's instant. Messages name the account's own things only; they never
/// say which other account holds a domain.
public enum RuleViolation: Sendable, Hashable, CustomStringConvertible {
    case applicationAlreadyExists(ApplicationName)
    case applicationNotFound(ApplicationName)
    case flavorUnchanged(ApplicationName, Flavor)
    case flavorChangeToSandbox(ApplicationName)
    case serviceNotFound(ApplicationName, ServiceName)
    case serviceTypeMismatch(ServiceName, existing: ServiceType, given: ServiceType)
    case sandboxInstances(ApplicationName, instances: Int)
    case sandboxCannotScale(ApplicationName)
    case customDomainsNeedLiveOrEnterprise(ApplicationName, Flavor)
    case domainAlreadyAttached(DomainName)
    case domainNotAttached(DomainName, ApplicationName)
    case sslEdgeAlreadyActive(DomainName)
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
