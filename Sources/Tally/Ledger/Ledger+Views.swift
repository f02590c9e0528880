extension Ledger {
    /// The account at the ledger's instant: applications, services, domains,
    /// SSL edges and its rejected lines. An account the log never names is an
    /// empty view, like an account that has nothing left.
    public func account(_ account: AccountName) -> AccountView {
        let held = holds.byAccount[account]
        guard let owner = symbol(of: account) else {
            return AccountView(account: account, instant: instant, applications: [], sslEdges: [],
                               rejectedLineCount: held?.count ?? 0, rejectedLines: held?.shown ?? [])
        }
        let names = state.accounts[owner]?.applications.map { $0 } ?? []
        let applications = names
            .compactMap { name in state.applications[.init(account: owner, application: name)].map { applicationView(owner, name, $0) } }
            .sorted { $0.name < $1.name }
        return AccountView(account: account, instant: instant, applications: applications,
                           sslEdges: sslEdges(of: owner), rejectedLineCount: held?.count ?? 0,
                           rejectedLines: held?.shown ?? [])
    }

    /// The account's application named `name` at the ledger's instant.
    ///
    /// - Throws: ``LedgerError/applicationNotFound(_:account:)`` when the
    ///   account has no such application, whether or not another account has.
    public func application(_ name: ApplicationName, in account: AccountName) throws(LedgerError) -> ApplicationView {
        guard let owner = symbol(of: account), let symbol: Symbol<ApplicationKind> = symbols.lookUp(name.text),
              let application = state.applications[.init(account: owner, application: symbol)]
        else { throw .applicationNotFound(name, account: account) }
        return applicationView(owner, symbol, application)
    }

    /// The account's active SSL edges at the ledger's instant, by domain.
    public func sslEdges(of account: AccountName) -> [SSLEdgeView] {
        symbol(of: account).map(sslEdges(of:)) ?? []
    }

    /// The account's active SSL edge for `domain` at the ledger's instant.
    ///
    /// - Throws: ``LedgerError/sslEdgeNotFound(_:account:)`` when the account
    ///   has no active edge for the domain, whether or not another account has.
    public func sslEdge(for domain: DomainName, in account: AccountName) throws(LedgerError) -> SSLEdgeView {
        guard let owner = symbol(of: account), let symbol: Symbol<DomainKind> = symbols.lookUp(domain.text),
              let edge = state.sslEdges[symbol], edge.account == owner
        else { throw .sslEdgeNotFound(domain, account: account) }
        return edgeView(symbol, edge)
    }

    private func sslEdges(of owner: Symbol<AccountKind>) -> [SSLEdgeView] {
        (state.accounts[owner]?.sslEdges.map { $0 } ?? [])
            .compactMap { domain in state.sslEdges[domain].map { edgeView(domain, $0) } }
            .sorted { $0.domain < $1.domain }
    }

    private func applicationView(_ account: Symbol<AccountKind>, _ name: Symbol<ApplicationKind>,
                                 _ application: PlatformState.Application) -> ApplicationView {
        let services = application.services.compactMap { serviceName -> ServiceView? in
            let key = PlatformState.ServiceKey(account: account, application: name, service: serviceName)
            guard let service = state.services[key] else { return nil }
            return ServiceView(
                name: symbols.name(serviceName), type: symbols.name(service.type), instances: Int(service.instances),
                memoryMBPerInstance: service.memoryMB, since: Timestamp(secondsSinceEpoch: service.deployedAt),
                domains: application.domains.filter { state.domains[$0]?.service == serviceName }.map { symbols.name($0) }.sorted())
        }
        return ApplicationView(name: symbols.name(name), flavor: application.flavor,
                               createdAt: Timestamp(secondsSinceEpoch: application.createdAt),
                               services: services.sorted { $0.name < $1.name })
    }

    private func edgeView(_ domain: Symbol<DomainKind>, _ edge: PlatformState.SSLEdge) -> SSLEdgeView {
        SSLEdgeView(domain: symbols.name(domain), application: symbols.name(edge.application), flavor: edge.flavor,
                    since: Timestamp(secondsSinceEpoch: edge.enabledAt),
                    applicationDestroyedAt: edge.applicationDestroyedAt.map(Timestamp.init(secondsSinceEpoch:)))
    }
}
