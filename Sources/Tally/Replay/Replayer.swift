/// Stage 2 of the pipeline: applies events in order of time (then input
/// order) to the ``PlatformState``, checking each against SPEC §2.2, and
/// reports every change of an allocation as an ``AllocationChange`` carrying
/// what the resource held before, so the meter keeps no copy of the state.
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
        apply(record, emit: emit).map { $0.violation(of: record, symbols) }
    }

    /// Applies one event, as ``apply(_:symbols:emit:)``, the rule it breaks
    /// not yet named (no names table needed).
    mutating func apply(_ record: EventRecord, emit: (AllocationChange) -> Void) -> RuleBreach? {
        let key = PlatformState.ApplicationKey(account: record.account, application: record.application)
        let serviceKey = PlatformState.ServiceKey(account: record.account, application: record.application, service: record.service)
        let time = record.time
        let cause = record.location

        /// The change of a service from `previous` to `allocation`.
        func serviceChange(_ service: Symbol<ServiceKind>, from previous: OpenAllocation?,
                           to allocation: Allocation?) -> AllocationChange {
            AllocationChange(resource: .service(record.account, record.application, service), time: time,
                             allocation: allocation, cause: cause, previous: previous)
        }
        func held(_ service: PlatformState.Service, flavor: Flavor) -> OpenAllocation {
            OpenAllocation(allocation: .service(flavor: flavor, instances: Int(service.instances), memoryMB: service.memoryMB,
                                                type: service.type),
                           since: service.since, cause: service.cause)
        }

        switch record.type {
        case .applicationCreated:
            guard !state.applications.contains(key) else { return .applicationAlreadyExists }
            state.addApplication(key, flavor: record.flavor!, at: time)

        case .applicationFlavorChanged:
            guard let (current, services) = state.applications.modify(key, { ($0.flavor, $0.services) })
            else { return .applicationNotFound }
            let flavor = record.flavor!
            guard flavor != current else { return .flavorUnchanged(flavor) }
            guard flavor != .sandbox else { return .flavorChangeToSandbox }
            state.applications.modify(key) { $0.flavor = flavor }
            for name in services.sorted(by: { $0.index < $1.index }) {
                let serviceKey = PlatformState.ServiceKey(account: record.account, application: record.application, service: name)
                guard let before = state.services.modify(serviceKey, { service -> PlatformState.Service in
                    defer {
                        service.since = time
                        service.cause = cause
                    }
                    return service
                }) else { continue }
                emit(serviceChange(name, from: held(before, flavor: current), to: held(before, flavor: flavor).allocation))
            }

        case .applicationDestroyed:
            guard let application = state.removeApplication(key) else { return .applicationNotFound }
            for name in application.services.sorted(by: { $0.index < $1.index }) {
                let serviceKey = PlatformState.ServiceKey(account: record.account, application: record.application, service: name)
                guard let service = state.services.removeValue(forKey: serviceKey) else { continue }
                emit(serviceChange(name, from: held(service, flavor: application.flavor), to: nil))
            }
            for domain in application.domains { state.domains.removeValue(forKey: domain) }
            // Only this application's own edges: they go on (SPEC §1), now without it.
            for domain in application.sslEdges.sorted(by: { $0.index < $1.index }) {
                guard let before = state.sslEdges.modify(domain, { edge -> PlatformState.SSLEdge in
                    defer {
                        edge.applicationDestroyedAt = time
                        edge.since = time
                        edge.cause = cause
                        edge.applicationSlot = -1
                    }
                    return edge
                }) else { continue }
                var after = before
                after.applicationDestroyedAt = time
                emit(AllocationChange(resource: .sslEdge(record.account, domain), time: time, allocation: after.allocation,
                                      cause: cause, previous: OpenAllocation(allocation: before.allocation, since: before.since,
                                                                            cause: before.cause)))
            }

        case .serviceDeployed:
            guard let flavor = state.applications.modify(key, { $0.flavor }) else { return .applicationNotFound }
            let existing = state.services[serviceKey]
            if let existing, existing.type != record.serviceType {
                return .serviceTypeMismatch(existing: existing.type)
            }
            if flavor == .sandbox, record.instances != 1 {
                return .sandboxInstances(Int32(record.instances))
            }
            let service = PlatformState.Service(
                type: record.serviceType, instances: record.instances, memoryUnits: record.memoryUnits,
                deployedAt: existing?.deployedAt ?? time, since: time, cause: cause, slot: existing?.slot ?? -1)
            if existing != nil {
                state.services[serviceKey] = service
            } else {
                state.addService(serviceKey, service)
            }
            emit(serviceChange(record.service, from: existing.map { held($0, flavor: flavor) },
                               to: held(service, flavor: flavor).allocation))

        case .serviceScaled:
            guard let flavor = state.applications.modify(key, { $0.flavor }) else { return .applicationNotFound }
            guard state.services.contains(serviceKey) else { return .serviceNotFound }
            guard flavor != .sandbox else { return .sandboxCannotScale }
            let (before, after) = state.services.modify(serviceKey) { service -> (PlatformState.Service, PlatformState.Service) in
                let before = service
                if record.instances != 0 { service.instances = record.instances }
                if record.memoryUnits != 0 { service.memoryUnits = record.memoryUnits }
                service.since = time
                service.cause = cause
                return (before, service)
            }!
            emit(serviceChange(record.service, from: held(before, flavor: flavor), to: held(after, flavor: flavor).allocation))

        case .serviceDestroyed:
            guard let flavor = state.applications.modify(key, { $0.flavor }) else { return .applicationNotFound }
            guard let service = state.removeService(serviceKey) else {
                return .serviceNotFound
            }
            let attached = state.applications.modify(key) { $0.domains } ?? []
            for domain in attached where state.domains[domain]?.service == record.service { state.detach(domain) }
            emit(serviceChange(record.service, from: held(service, flavor: flavor), to: nil))

        case .domainAdded:
            guard let flavor = state.applications.modify(key, { $0.flavor }) else { return .applicationNotFound }
            guard state.services.contains(serviceKey) else { return .serviceNotFound }
            guard flavor.allowsCustomDomains else { return .customDomainsNeedLiveOrEnterprise(flavor) }
            guard !state.domains.contains(record.domain) else { return .domainAlreadyAttached }
            state.attach(record.domain, to: serviceKey)

        case .domainRemoved:
            guard state.applications.contains(key) else { return .applicationNotFound }
            guard let attachment = state.domains[record.domain], attachment.account == record.account,
                  attachment.application == record.application
            else { return .domainNotAttached }
            state.detach(record.domain)

        case .sslEnabled:
            if let breach = sslBreach(record) { return breach }
            guard let (flavor, incarnation) = state.applications.modify(key, { ($0.flavor, $0.incarnation) })
            else { return .applicationNotFound }
            let edge = PlatformState.SSLEdge(
                account: record.account, application: record.application, applicationIncarnation: incarnation,
                flavor: flavor, enabledAt: time, since: time, cause: cause, applicationSlot: -1)
            state.addEdge(record.domain, edge)
            emit(AllocationChange(resource: .sslEdge(record.account, record.domain), time: time,
                                  allocation: edge.allocation, cause: cause, previous: nil))

        case .sslCertificateUpdated:
            if let breach = sslBreach(record) { return breach }

        case .sslDisabled:
            if let breach = sslBreach(record) { return breach }
            guard let edge = state.removeEdge(record.domain) else { return .noActiveSSLEdge }
            emit(AllocationChange(resource: .sslEdge(record.account, record.domain), time: time, allocation: nil,
                                  cause: cause, previous: OpenAllocation(allocation: edge.allocation, since: edge.since,
                                                                        cause: edge.cause)))
        }
        return nil
    }

    /// The rule of SPEC §2.2 an SSL event (`ssl.enabled`,
    /// `ssl.certificate_updated`, `ssl.disabled`) would break on the platform
    /// as it is, without changing it: the rules ``apply(_:symbols:emit:)``
    /// checks for those events, so that a question ("may this be
    /// recorded?") costs no copy of the platform.
    func sslViolation(_ record: EventRecord, symbols: SymbolTable) -> RuleViolation? {
        sslBreach(record).map { $0.violation(of: record, symbols) }
    }

    /// ``sslViolation(_:symbols:)``, the rule not yet named.
    func sslBreach(_ record: EventRecord) -> RuleBreach? {
        switch record.type {
        case .sslEnabled:
            let key = PlatformState.ApplicationKey(account: record.account, application: record.application)
            guard let application = state.applications[key] else { return .applicationNotFound }
            guard let attachment = state.domains[record.domain], attachment.account == record.account,
                  attachment.application == record.application
            else { return .domainNotAttached }
            guard application.flavor.allowsCustomDomains else {
                return .customDomainsNeedLiveOrEnterprise(application.flavor)
            }
            guard !state.sslEdges.contains(record.domain) else { return .sslEdgeAlreadyActive }
        case .sslCertificateUpdated, .sslDisabled:
            guard let edge = state.sslEdges[record.domain], edge.account == record.account else {
                return .noActiveSSLEdge
            }
        default:
            preconditionFailure("sslBreach(_:) is for SSL events, not \(record.type)")
        }
        return nil
    }
}
