extension PlatformState {
    /// Adds an application (and to its account's list).
    mutating func addApplication(_ key: ApplicationKey, flavor: Flavor, at time: Int64) {
        var application = Application(flavor: flavor, incarnation: nextIncarnation, createdAt: time)
        nextIncarnation += 1
        if indexesAccounts {
            application.accountSlot = modifyAccount(key.account) { $0.applications.appendReturningSlot(key.application) }
        }
        applications[key] = application
    }

    /// Removes an application from the table (and from its account's list);
    /// its services, domains and edges are the caller's to settle first.
    mutating func removeApplication(_ key: ApplicationKey) -> Application? {
        guard let application = applications.removeValue(forKey: key) else { return nil }
        if indexesAccounts, application.accountSlot >= 0 {
            let moved = modifyAccount(key.account) { $0.applications.swapRemove(at: application.accountSlot) }
            if let moved { applications.modify(.init(account: key.account, application: moved)) { $0.accountSlot = application.accountSlot } }
            dropAccountIfEmpty(key.account)
        }
        return application
    }

    /// Adds a new service to its application's list.
    mutating func addService(_ key: ServiceKey, _ service: Service) {
        var service = service
        let appKey = ApplicationKey(account: key.account, application: key.application)
        service.slot = applications.modify(appKey) { $0.services.appendReturningSlot(key.service) } ?? -1
        services[key] = service
    }

    /// Removes a service and takes it off its application's list.
    mutating func removeService(_ key: ServiceKey) -> Service? {
        guard let service = services.removeValue(forKey: key) else { return nil }
        let appKey = ApplicationKey(account: key.account, application: key.application)
        if let moved = applications.modify(appKey, { $0.services.swapRemove(at: service.slot) }) ?? nil {
            services.modify(.init(account: key.account, application: key.application, service: moved)) { $0.slot = service.slot }
        }
        return service
    }

    /// Attaches `domain` to a service, platform-wide and in its application's list.
    mutating func attach(_ domain: Symbol<DomainKind>, to key: ServiceKey) {
        let appKey = ApplicationKey(account: key.account, application: key.application)
        let slot = applications.modify(appKey) { $0.domains.appendReturningSlot(domain) } ?? -1
        domains[domain] = DomainAttachment(account: key.account, application: key.application, service: key.service, slot: slot)
    }

    /// Detaches `domain` from its service.
    mutating func detach(_ domain: Symbol<DomainKind>) {
        guard let attachment = domains.removeValue(forKey: domain) else { return }
        let appKey = ApplicationKey(account: attachment.account, application: attachment.application)
        if let moved = applications.modify(appKey, { $0.domains.swapRemove(at: attachment.slot) }) ?? nil {
            domains.modify(moved) { $0.slot = attachment.slot }
        }
    }

    /// Adds the SSL edge of `domain` to the platform and to its
    /// application's and account's lists.
    mutating func addEdge(_ domain: Symbol<DomainKind>, _ edge: SSLEdge) {
        var edge = edge
        let appKey = ApplicationKey(account: edge.account, application: edge.application)
        edge.applicationSlot = applications.modify(appKey) { $0.sslEdges.appendReturningSlot(domain) } ?? -1
        if indexesAccounts {
            edge.accountSlot = modifyAccount(edge.account) { $0.sslEdges.appendReturningSlot(domain) }
        }
        sslEdges[domain] = edge
    }

    /// Removes the SSL edge of `domain` (SSL disabled) from the platform and
    /// from its application's (if it still exists) and account's lists.
    mutating func removeEdge(_ domain: Symbol<DomainKind>) -> SSLEdge? {
        guard let edge = sslEdges.removeValue(forKey: domain) else { return nil }
        if edge.applicationDestroyedAt == nil {
            let appKey = ApplicationKey(account: edge.account, application: edge.application)
            if let moved = applications.modify(appKey, { $0.sslEdges.swapRemove(at: edge.applicationSlot) }) ?? nil {
                sslEdges.modify(moved) { $0.applicationSlot = edge.applicationSlot }
            }
        }
        if indexesAccounts, edge.accountSlot >= 0 {
            if let moved = modifyAccount(edge.account, { $0.sslEdges.swapRemove(at: edge.accountSlot) }) {
                sslEdges.modify(moved) { $0.accountSlot = edge.accountSlot }
            }
            dropAccountIfEmpty(edge.account)
        }
        return edge
    }

    /// Changes `account`'s index, making it when missing.
    private mutating func modifyAccount<Result>(_ account: Symbol<AccountKind>, _ body: (inout AccountIndex) -> Result) -> Result {
        if let result = accounts.modify(account, body) { return result }
        var index = AccountIndex()
        let result = body(&index)
        accounts[account] = index
        return result
    }

    private mutating func dropAccountIfEmpty(_ account: Symbol<AccountKind>) {
        if accounts.modify(account, { $0.applications.isEmpty && $0.sslEdges.isEmpty }) == true {
            accounts.removeValue(forKey: account)
        }
    }
}

extension PlatformState {
    /// Every allocation held now, with when it began and the event that set
    /// it: each service (at its application's flavor, sandbox included) and
    /// each active SSL edge; only `account`'s when given.
    func openAllocations(of account: Symbol<AccountKind>? = nil) -> [(resource: BilledResource, open: OpenAllocation)] {
        var open: [(resource: BilledResource, open: OpenAllocation)] = []
        for (key, service) in services where account == nil || key.account == account {
            guard let flavor = applications[.init(account: key.account, application: key.application)]?.flavor else { continue }
            open.append((.service(key.account, key.application, key.service),
                         OpenAllocation(allocation: .service(flavor: flavor, instances: Int(service.instances),
                                                             memoryMB: service.memoryMB, type: service.type),
                                        since: service.since, cause: service.cause)))
        }
        for (domain, edge) in sslEdges where account == nil || edge.account == account {
            open.append((.sslEdge(edge.account, domain), OpenAllocation(allocation: edge.allocation, since: edge.since, cause: edge.cause)))
        }
        return open
    }
}

extension PlatformState.SSLEdge {
    /// What the edge holds: the card's edge MB at the flavor it was enabled at.
    var allocation: Allocation {
        .sslEdge(flavor: flavor, application: application, applicationDestroyedAt: applicationDestroyedAt)
    }
}
