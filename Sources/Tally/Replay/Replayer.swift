/// Stage 2 of the pipeline: applies events in order of time (then input
/// order) to the ``PlatformState``, checking each against SPEC §2.2, and
/// reports every change of a billed allocation as an ``AllocationChange``.
struct Replayer: Sendable {
    private(set) var state: PlatformState

    /// A replayer going on from `state` (an empty platform by default).
    init(state: PlatformState = PlatformState()) {
        self.state = state
    }

    /// Applies one event.
    ///
    /// - Parameters:
    ///   - record: the event; must not be earlier than the last one applied.
    ///   - symbols: the names the record refers to, for messages.
    ///   - emit: receives the allocation changes the event causes.
    /// - Returns: the rule the event breaks, in which case nothing changed.
    mutating func apply(_ record: EventRecord, symbols: SymbolTable, emit: (AllocationChange) -> Void) -> RuleViolation? {
        let key = PlatformState.ApplicationKey(account: record.account, application: record.application)
        let appName = { symbols.name(record.application) }
        let time = record.time
        let cause = record.location

        func serviceChange(_ service: Symbol<ServiceKind>, _ allocation: Allocation?) -> AllocationChange {
            AllocationChange(resource: .service(record.account, record.application, service), time: time,
                             allocation: allocation, cause: cause)
        }

        switch record.type {
        case .applicationCreated:
            guard state.applications[key] == nil else { return .applicationAlreadyExists(appName()) }
            state.applications[key] = PlatformState.Application(
                flavor: record.flavor!, incarnation: state.nextIncarnation, createdAt: time)
            state.nextIncarnation += 1
            state.index(key)

        case .applicationFlavorChanged:
            guard let current = state.applications[key]?.flavor else { return .applicationNotFound(appName()) }
            let flavor = record.flavor!
            guard flavor != current else { return .flavorUnchanged(appName(), flavor) }
            guard flavor != .sandbox else { return .flavorChangeToSandbox(appName()) }
            let services = state.applications.modify(key) { application -> [(key: Symbol<ServiceKind>, value: PlatformState.Service)] in
                application.flavor = flavor
                return application.services.sorted { $0.key.index < $1.key.index }
            } ?? []
            for (name, service) in services {
                emit(serviceChange(name, .service(flavor: flavor, instances: service.instances,
                                                  memoryMB: service.memoryMB, type: service.type)))
            }
            state.applications.modify(key) { application in
                for name in application.services.keysInOrder { application.services.modify(name) { $0.cause = cause } }
            }

        case .applicationDestroyed:
            guard let application = state.applications.removeValue(forKey: key) else { return .applicationNotFound(appName()) }
            state.unindex(key)
            for name in application.services.keysInOrder.sorted(by: { $0.index < $1.index }) {
                emit(serviceChange(name, nil))
            }
            for domain in application.domains.keysInOrder { state.domains[domain] = nil }
            // Only this application's own edges: they go on (SPEC §1), now without it.
            for domain in application.sslEdges.sorted(by: { $0.index < $1.index }) {
                guard let edge = state.sslEdges.modify(domain, { edge -> PlatformState.SSLEdge in
                    edge.applicationDestroyedAt = time
                    edge.cause = cause
                    return edge
                }) else { continue }
                emit(AllocationChange(resource: .sslEdge(record.account, domain), time: time,
                                      allocation: .sslEdge(flavor: edge.flavor, application: edge.application,
                                                           applicationDestroyedAt: time),
                                      cause: cause))
            }

        case .serviceDeployed:
            guard let flavor = state.applications[key]?.flavor else { return .applicationNotFound(appName()) }
            let instances = record.instanceCount!
            let memoryMB = record.memoryMB!
            let existing = state.applications.modify(key) { $0.services[record.service] } ?? nil
            if let existing, existing.type != record.serviceType {
                return .serviceTypeMismatch(symbols.name(record.service), existing: symbols.name(existing.type),
                                            given: symbols.name(record.serviceType))
            }
            if flavor == .sandbox, instances != 1 {
                return .sandboxInstances(appName(), instances: instances)
            }
            let service = PlatformState.Service(type: record.serviceType, instances: instances, memoryMB: memoryMB,
                                                since: existing?.since ?? time, cause: cause)
            state.applications.modify(key) { $0.services[record.service] = service }
            emit(serviceChange(record.service, .service(flavor: flavor, instances: instances,
                                                        memoryMB: memoryMB, type: record.serviceType)))

        case .serviceScaled:
            guard let flavor = state.applications[key]?.flavor else { return .applicationNotFound(appName()) }
            guard state.applications.modify(key, { $0.services[record.service] != nil }) == true else {
                return .serviceNotFound(appName(), symbols.name(record.service))
            }
            guard flavor != .sandbox else { return .sandboxCannotScale(appName()) }
            let scaled = state.applications.modify(key) { application in
                application.services.modify(record.service) { service in
                    if let instances = record.instanceCount { service.instances = instances }
                    if let memoryMB = record.memoryMB { service.memoryMB = memoryMB }
                    service.cause = cause
                    return service
                }
            }
            if let service = scaled ?? nil {
                emit(serviceChange(record.service, .service(flavor: flavor, instances: service.instances,
                                                            memoryMB: service.memoryMB, type: service.type)))
            }

        case .serviceDestroyed:
            guard state.applications[key] != nil else { return .applicationNotFound(appName()) }
            let removedDomains = state.applications.modify(key) { application -> [Symbol<DomainKind>]? in
                guard application.services.removeValue(forKey: record.service) != nil else { return nil }
                let domains = application.domains.filter { $0.value == record.service }.map(\.key)
                for domain in domains { application.domains.removeValue(forKey: domain) }
                return domains
            } ?? nil
            guard let removedDomains else { return .serviceNotFound(appName(), symbols.name(record.service)) }
            for domain in removedDomains { state.domains[domain] = nil }
            emit(serviceChange(record.service, nil))

        case .domainAdded:
            // Facts read into plain values, so no copy of the application outlives the check.
            guard let (flavor, hasService) = state.applications.modify(key, { ($0.flavor, $0.services[record.service] != nil) })
            else { return .applicationNotFound(appName()) }
            guard hasService else { return .serviceNotFound(appName(), symbols.name(record.service)) }
            guard flavor.allowsCustomDomains else { return .customDomainsNeedLiveOrEnterprise(appName(), flavor) }
            guard state.domains[record.domain] == nil else { return .domainAlreadyAttached(symbols.name(record.domain)) }
            state.applications.modify(key) { $0.domains[record.domain] = record.service }
            state.domains[record.domain] = PlatformState.DomainAttachment(
                account: record.account, application: record.application, service: record.service)

        case .domainRemoved:
            guard state.applications[key] != nil else { return .applicationNotFound(appName()) }
            let removed = state.applications.modify(key) { $0.domains.removeValue(forKey: record.domain) } ?? nil
            guard removed != nil else { return .domainNotAttached(symbols.name(record.domain), appName()) }
            state.domains[record.domain] = nil

        case .sslEnabled:
            guard let (flavor, incarnation, attached) = state.applications.modify(
                key, { ($0.flavor, $0.incarnation, $0.domains[record.domain] != nil) })
            else { return .applicationNotFound(appName()) }
            guard attached else { return .domainNotAttached(symbols.name(record.domain), appName()) }
            guard flavor.allowsCustomDomains else { return .customDomainsNeedLiveOrEnterprise(appName(), flavor) }
            guard state.sslEdges[record.domain] == nil else { return .sslEdgeAlreadyActive(symbols.name(record.domain)) }
            let edge = PlatformState.SSLEdge(
                account: record.account, application: record.application,
                applicationIncarnation: incarnation, flavor: flavor, since: time, cause: cause)
            state.sslEdges[record.domain] = edge
            state.indexEdge(record.domain, of: edge)
            emit(AllocationChange(resource: .sslEdge(record.account, record.domain), time: time,
                                  allocation: .sslEdge(flavor: flavor, application: record.application,
                                                       applicationDestroyedAt: nil),
                                  cause: cause))

        case .sslCertificateUpdated:
            guard let edge = state.sslEdges[record.domain], edge.account == record.account else {
                return .noActiveSSLEdge(symbols.name(record.domain))
            }

        case .sslDisabled:
            guard let edge = state.sslEdges[record.domain], edge.account == record.account else {
                return .noActiveSSLEdge(symbols.name(record.domain))
            }
            state.sslEdges[record.domain] = nil
            state.unindexEdge(record.domain, of: edge)
            emit(AllocationChange(resource: .sslEdge(record.account, record.domain), time: time,
                                  allocation: nil, cause: cause))
        }
        return nil
    }
}
