/// Stage 2 of the pipeline: applies events in order of time (then input
/// order) to the ``PlatformState``, checking each against SPEC §2.2, and
/// reports every change of a billed allocation as an ``AllocationChange``.
struct Replayer: Sendable {
    private(set) var state = PlatformState()

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

        case .applicationFlavorChanged:
            guard var application = state.applications[key] else { return .applicationNotFound(appName()) }
            let flavor = record.flavor!
            guard flavor != application.flavor else { return .flavorUnchanged(appName(), flavor) }
            guard flavor != .sandbox else { return .flavorChangeToSandbox(appName()) }
            application.flavor = flavor
            state.applications[key] = application
            for (name, service) in application.services.sorted(by: { $0.key.index < $1.key.index }) {
                emit(serviceChange(name, .service(flavor: flavor, instances: service.instances,
                                                  memoryMB: service.memoryMB, type: service.type)))
            }

        case .applicationDestroyed:
            guard let application = state.applications.removeValue(forKey: key) else { return .applicationNotFound(appName()) }
            for name in application.services.keys.sorted(by: { $0.index < $1.index }) {
                emit(serviceChange(name, nil))
            }
            for domain in application.domains.keys { state.domains[domain] = nil }
            for (domain, edge) in state.sslEdges.sorted(by: { $0.key.index < $1.key.index })
            where edge.account == record.account && edge.applicationIncarnation == application.incarnation {
                var destroyed = edge
                destroyed.applicationDestroyedAt = time
                state.sslEdges[domain] = destroyed
                emit(AllocationChange(resource: .sslEdge(record.account, domain), time: time,
                                      allocation: .sslEdge(flavor: edge.flavor, application: edge.application,
                                                           applicationDestroyedAt: time),
                                      cause: cause))
            }

        case .serviceDeployed:
            guard var application = state.applications[key] else { return .applicationNotFound(appName()) }
            let instances = record.instanceCount!
            let memoryMB = record.memoryMB!
            if let existing = application.services[record.service], existing.type != record.serviceType {
                return .serviceTypeMismatch(symbols.name(record.service), existing: symbols.name(existing.type),
                                            given: symbols.name(record.serviceType))
            }
            if application.flavor == .sandbox, instances != 1 {
                return .sandboxInstances(appName(), instances: instances)
            }
            let since = application.services[record.service]?.since ?? time
            application.services[record.service] = PlatformState.Service(
                type: record.serviceType, instances: instances, memoryMB: memoryMB, since: since)
            state.applications[key] = application
            emit(serviceChange(record.service, .service(flavor: application.flavor, instances: instances,
                                                        memoryMB: memoryMB, type: record.serviceType)))

        case .serviceScaled:
            guard var application = state.applications[key] else { return .applicationNotFound(appName()) }
            guard var service = application.services[record.service] else {
                return .serviceNotFound(appName(), symbols.name(record.service))
            }
            guard application.flavor != .sandbox else { return .sandboxCannotScale(appName()) }
            if let instances = record.instanceCount { service.instances = instances }
            if let memoryMB = record.memoryMB { service.memoryMB = memoryMB }
            application.services[record.service] = service
            state.applications[key] = application
            emit(serviceChange(record.service, .service(flavor: application.flavor, instances: service.instances,
                                                        memoryMB: service.memoryMB, type: service.type)))

        case .serviceDestroyed:
            guard var application = state.applications[key] else { return .applicationNotFound(appName()) }
            guard application.services.removeValue(forKey: record.service) != nil else {
                return .serviceNotFound(appName(), symbols.name(record.service))
            }
            for (domain, service) in application.domains where service == record.service {
                application.domains[domain] = nil
                state.domains[domain] = nil
            }
            state.applications[key] = application
            emit(serviceChange(record.service, nil))

        case .domainAdded:
            guard var application = state.applications[key] else { return .applicationNotFound(appName()) }
            guard application.services[record.service] != nil else {
                return .serviceNotFound(appName(), symbols.name(record.service))
            }
            guard application.flavor.allowsCustomDomains else {
                return .customDomainsNeedLiveOrEnterprise(appName(), application.flavor)
            }
            guard state.domains[record.domain] == nil else { return .domainAlreadyAttached(symbols.name(record.domain)) }
            application.domains[record.domain] = record.service
            state.applications[key] = application
            state.domains[record.domain] = PlatformState.DomainAttachment(
                account: record.account, application: record.application, service: record.service)

        case .domainRemoved:
            guard var application = state.applications[key] else { return .applicationNotFound(appName()) }
            guard application.domains.removeValue(forKey: record.domain) != nil else {
                return .domainNotAttached(symbols.name(record.domain), appName())
            }
            state.applications[key] = application
            state.domains[record.domain] = nil

        case .sslEnabled:
            guard let application = state.applications[key] else { return .applicationNotFound(appName()) }
            guard application.domains[record.domain] != nil else {
                return .domainNotAttached(symbols.name(record.domain), appName())
            }
            guard application.flavor.allowsCustomDomains else {
                return .customDomainsNeedLiveOrEnterprise(appName(), application.flavor)
            }
            guard state.sslEdges[record.domain] == nil else { return .sslEdgeAlreadyActive(symbols.name(record.domain)) }
            state.sslEdges[record.domain] = PlatformState.SSLEdge(
                account: record.account, application: record.application,
                applicationIncarnation: application.incarnation, flavor: application.flavor, since: time)
            emit(AllocationChange(resource: .sslEdge(record.account, record.domain), time: time,
                                  allocation: .sslEdge(flavor: application.flavor, application: record.application,
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
            emit(AllocationChange(resource: .sslEdge(record.account, record.domain), time: time,
                                  allocation: nil, cause: cause))
        }
        return nil
    }
}
