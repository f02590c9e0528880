extension LineItem {
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
