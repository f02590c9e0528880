/// The rule of SPEC §2.2 an event breaks, as the replay finds it: the kind
/// of ``RuleViolation``, with the figures that are not names of the event's
/// own. The names come from the event's record when the message is needed
/// (``violation(of:_:)``), so a replay keeps 16 bytes a broken event, and
/// needs no names table while it runs (a replay on its own thread, while
/// the reading thread still adds names).
enum RuleBreach: Sendable, Hashable {
    case applicationAlreadyExists
    case applicationNotFound
    case flavorUnchanged(Flavor)
    case flavorChangeToSandbox
    case serviceNotFound
    /// The service's type on the platform (the event's is the given one).
    case serviceTypeMismatch(existing: Symbol<ServiceTypeKind>)
    case sandboxInstances(Int32)
    case sandboxCannotScale
    case customDomainsNeedLiveOrEnterprise(Flavor)
    case domainAlreadyAttached
    case domainNotAttached
    case sslEdgeAlreadyActive
    case noActiveSSLEdge

    /// The violation, named: the application, service, domain and service
    /// type are those of `record`, looked up in `symbols`.
    func violation(of record: EventRecord, _ symbols: SymbolTable) -> RuleViolation {
        let application = { symbols.name(record.application) }
        switch self {
        case .applicationAlreadyExists: return .applicationAlreadyExists(application())
        case .applicationNotFound: return .applicationNotFound(application())
        case let .flavorUnchanged(flavor): return .flavorUnchanged(application(), flavor)
        case .flavorChangeToSandbox: return .flavorChangeToSandbox(application())
        case .serviceNotFound: return .serviceNotFound(application(), symbols.name(record.service))
        case let .serviceTypeMismatch(existing):
            return .serviceTypeMismatch(symbols.name(record.service), existing: symbols.name(existing),
                                        given: symbols.name(record.serviceType))
        case let .sandboxInstances(instances): return .sandboxInstances(application(), instances: Int(instances))
        case .sandboxCannotScale: return .sandboxCannotScale(application())
        case let .customDomainsNeedLiveOrEnterprise(flavor): return .customDomainsNeedLiveOrEnterprise(application(), flavor)
        case .domainAlreadyAttached: return .domainAlreadyAttached(symbols.name(record.domain))
        case .domainNotAttached: return .domainNotAttached(symbols.name(record.domain), application())
        case .sslEdgeAlreadyActive: return .sslEdgeAlreadyActive(symbols.name(record.domain))
        case .noActiveSSLEdge: return .noActiveSSLEdge(symbols.name(record.domain))
        }
    }
}
