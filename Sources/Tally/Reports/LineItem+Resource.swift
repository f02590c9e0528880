extension LineItem {
    /// What the line bills, by the symbols of a run: the service of an
    /// application, or the SSL edge of a domain; `nil` when a name is not in
    /// `symbols`.
    func subject(symbols: SymbolTable) -> UsageSubject? {
        switch kind {
        case .service:
            guard let application = symbols.lookUp(application.text, as: ApplicationKind.self),
                  let serviceName = service, let service = symbols.lookUp(serviceName.text, as: ServiceKind.self)
            else { return nil }
            return .service(application, service)
        case .sslEdge:
            guard let domainName = domain, let domain = symbols.lookUp(domainName.text, as: DomainKind.self)
            else { return nil }
            return .sslEdge(domain)
        }
    }

    /// Whether `other` bills the same service, or the same SSL edge.
    func billsSameResource(as other: LineItem) -> Bool {
        switch (kind, other.kind) {
        case (.service, .service): application == other.application && service == other.service
        case (.sslEdge, .sslEdge): domain == other.domain
        default: false
        }
    }
}

extension BilledResource {
    /// The resource of `account` that `subject` names.
    init(account: Symbol<AccountKind>, subject: UsageSubject) {
        switch subject {
        case let .service(application, service): self = .service(account, application, service)
        case let .sslEdge(domain): self = .sslEdge(account, domain)
        }
    }
}
