/// One event of the platform's event log, after its fields passed the rules
/// of SPEC §2. This is the shape the ticket service builds and appends; the
/// month-end run works on a compact internal form of the same content.
public struct Event: Sendable, Hashable {
    /// The event's unique id.
    public var id: EventID
    /// When the event takes effect, UTC, whole seconds.
    public var time: Timestamp
    /// The account the event belongs to.
    public var account: AccountName
    /// What happened, with the fields of that type.
    public var action: EventAction

    /// Makes an event.
    public init(id: EventID, time: Timestamp, account: AccountName, action: EventAction) {
        self.id = id
        self.time = time
        self.account = account
        self.action = action
    }

    /// The event's `type`.
    public var type: EventType { action.type }
}

/// What an event does, with the fields its type carries (SPEC §2).
public enum EventAction: Sendable, Hashable {
    /// `application.created`: `app` is created with `flavor`.
    case applicationCreated(app: ApplicationName, flavor: Flavor)
    /// `application.flavor_changed`: `app` changes to `flavor`.
    case applicationFlavorChanged(app: ApplicationName, flavor: Flavor)
    /// `application.destroyed`: `app` and its services and domains end.
    case applicationDestroyed(app: ApplicationName)
    /// `instances` 1–1000; `memoryMB` a multiple of 32 from 32 to 65536 (MB per instance).
    case serviceDeployed(app: ApplicationName, service: ServiceName, type: ServiceType, instances: Int, memoryMB: Int)
    /// At least one of `instances` and `memoryMB` is given.
    case serviceScaled(app: ApplicationName, service: ServiceName, instances: Int?, memoryMB: Int?)
    /// `service.destroyed`: `service` of `app` ends.
    case serviceDestroyed(app: ApplicationName, service: ServiceName)
    /// `domain.added`: `domain` is attached to `service` of `app`.
    case domainAdded(app: ApplicationName, service: ServiceName, domain: DomainName)
    /// `domain.removed`: `domain` is detached from `app`.
    case domainRemoved(app: ApplicationName, domain: DomainName)
    /// `ssl.enabled`: an SSL edge (160 MB) starts for `domain` of `app`.
    case sslEnabled(app: ApplicationName, domain: DomainName)
    /// `ssl.certificate_updated`: `domain`'s certificate is replaced; not billed.
    case sslCertificateUpdated(domain: DomainName)
    /// `ssl.disabled`: `domain`'s SSL edge stops.
    case sslDisabled(domain: DomainName)

    /// The `type` written for this action.
    public var type: EventType {
        switch self {
        case .applicationCreated: .applicationCreated
        case .applicationFlavorChanged: .applicationFlavorChanged
        case .applicationDestroyed: .applicationDestroyed
        case .serviceDeployed: .serviceDeployed
        case .serviceScaled: .serviceScaled
        case .serviceDestroyed: .serviceDestroyed
        case .domainAdded: .domainAdded
        case .domainRemoved: .domainRemoved
        case .sslEnabled: .sslEnabled
        case .sslCertificateUpdated: .sslCertificateUpdated
        case .sslDisabled: .sslDisabled
        }
    }
}
