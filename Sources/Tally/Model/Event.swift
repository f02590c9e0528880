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
    case applicationCreated(app: ApplicationName, flavor: Flavor)
    case applicationFlavorChanged(app: ApplicationName, flavor: Flavor)
    case applicationDestroyed(app: ApplicationName)
    /// `instances` 1–1000; `memoryMB` a multiple of 32 from 32 to 65536 (MB per instance).
    case serviceDeployed(app: ApplicationName, service: ServiceName, type: ServiceType, instances: Int, memoryMB: Int)
    /// At least one of `instances` and `memoryMB` is given.
    case serviceScaled(app: ApplicationName, service: ServiceName, instances: Int?, memoryMB: Int?)
    case serviceDestroyed(app: ApplicationName, service: ServiceName)
    case domainAdded(app: ApplicationName, service: ServiceName, domain: DomainName)
    case domainRemoved(app: ApplicationName, domain: DomainName)
    case sslEnabled(app: ApplicationName, domain: DomainName)
    case sslCertificateUpdated(domain: DomainName)
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
