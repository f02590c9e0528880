/// What support does to a custom domain's SSL edge through a ticket (README,
/// "For the ticket service"): one of the three SSL events of SPEC §2, without
/// its id, time and account.
public enum SSLAction: Sendable, Hashable {
    /// `ssl.enabled`: put the domain's certificate on a pair of edge servers,
    /// billed as the rate card's `ssl_edge_memory_mb` (160 MB) at the
    /// application's flavor from then on (SPEC §1, §3).
    case enable(application: ApplicationName, domain: DomainName)
    /// `ssl.certificate_updated`: a new certificate on the domain's edge;
    /// changes nothing that is billed (SPEC §2.2). When `application` is given,
    /// the edge must have been enabled for that application (a guard against
    /// acting on the wrong domain; the event written names only the domain).
    case updateCertificate(domain: DomainName, application: ApplicationName? = nil)
    /// `ssl.disabled`: the edge's billing ends at the event's instant
    /// (SPEC §2.2). `application` is a guard, as for ``updateCertificate(domain:application:)``.
    case disable(domain: DomainName, application: ApplicationName? = nil)

    /// The custom domain the action is about.
    public var domain: DomainName {
        switch self {
        case let .enable(_, domain), let .updateCertificate(domain, _), let .disable(domain, _): domain
        }
    }

    /// The application named: the one to enable SSL for, or the guard.
    public var application: ApplicationName? {
        switch self {
        case let .enable(application, _): application
        case let .updateCertificate(_, application), let .disable(_, application): application
        }
    }

    /// The event's `type`: `ssl.enabled`, `ssl.certificate_updated` or `ssl.disabled`.
    public var type: EventType { eventAction.type }

    /// The event action written to the log (SPEC §2): the guard application
    /// of an update or disable is not part of it.
    public var eventAction: EventAction {
        switch self {
        case let .enable(application, domain): .sslEnabled(app: application, domain: domain)
        case let .updateCertificate(domain, _): .sslCertificateUpdated(domain: domain)
        case let .disable(domain, _): .sslDisabled(domain: domain)
        }
    }

    /// The event for `account` at `time` with `id`.
    public func event(id: EventID, account: AccountName, at time: Timestamp) -> Event {
        Event(id: id, time: time, account: account, action: eventAction)
    }
}
