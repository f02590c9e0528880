import Foundation

/// The `type` of an event (SPEC §2), matched exactly, case included.
public enum EventType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// An application is created with its flavor (SPEC §2.1).
    case applicationCreated = "application.created"
    /// An application changes flavor; never to `sandbox` (SPEC §2.2).
    case applicationFlavorChanged = "application.flavor_changed"
    /// An application and all its services and domains end; its SSL edges are still billed.
    case applicationDestroyed = "application.destroyed"
    /// A service is deployed, or redeployed with the same type, with its instances and MB per instance.
    case serviceDeployed = "service.deployed"
    /// A service changes its instances, its MB per instance, or both.
    case serviceScaled = "service.scaled"
    /// A service ends; its domains are detached.
    case serviceDestroyed = "service.destroyed"
    /// A custom domain is attached to a service of a live or enterprise application.
    case domainAdded = "domain.added"
    /// A custom domain is detached; an SSL edge on it is still billed.
    case domainRemoved = "domain.removed"
    /// Custom-domain SSL is enabled: an SSL edge, billed as 160 MB, starts (SPEC §1).
    case sslEnabled = "ssl.enabled"
    /// A domain's certificate is replaced; billing does not change.
    case sslCertificateUpdated = "ssl.certificate_updated"
    /// Custom-domain SSL is disabled: the domain's SSL edge stops being billed.
    case sslDisabled = "ssl.disabled"

    /// The name as written in the event log.
    public var description: String { rawValue }

    /// The fields this type needs besides `id`, `time`, `type` and `account`
    /// (SPEC §2). `service.scaled` needs `instances` or `memory_mb` or both,
    /// which the reader checks on its own.
    var requiredFields: [EventField] {
        switch self {
        case .applicationCreated, .applicationFlavorChanged: [.app, .flavor]
        case .applicationDestroyed: [.app]
        case .serviceDeployed: [.app, .service, .serviceType, .instances, .memoryMB]
        case .serviceScaled, .serviceDestroyed: [.app, .service]
        case .domainAdded: [.app, .service, .domain]
        case .domainRemoved, .sslEnabled: [.app, .domain]
        case .sslCertificateUpdated, .sslDisabled: [.domain]
        }
    }
}

/// A field of the event log that Tally reads (SPEC §2). Other fields are ignored.
public enum EventField: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The event id, RFC 3339 time, type, account, application and service names.
    case id, time, type, account, app, service
    /// The service's type, e.g. `python` (`service_type`).
    case serviceType = "service_type"
    /// The service's instance count.
    case instances
    /// MB per instance (`memory_mb`).
    case memoryMB = "memory_mb"
    /// The custom domain, and the application's flavor.
    case domain, flavor

    /// The name as written in the event log.
    public var description: String { rawValue }

    /// The position of the field in a fixed-size table of fields.
    var slot: Int {
        switch self {
        case .id: 0
        case .time: 1
        case .type: 2
        case .account: 3
        case .app: 4
        case .service: 5
        case .serviceType: 6
        case .instances: 7
        case .memoryMB: 8
        case .domain: 9
        case .flavor: 10
        }
    }

    /// How many fields Tally reads.
    static let slotCount = 11
}

extension EventType {
    private static let names: [(bytes: [UInt8], type: EventType)] = allCases.map { (Array($0.rawValue.utf8), $0) }

    /// The type whose name is `bytes` exactly, without making a `String`.
    init?(bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress else { return nil }
        for entry in Self.names where entry.bytes.count == bytes.count
            && entry.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, start, bytes.count) }) == 0 {
            self = entry.type
            return
        }
        return nil
    }
}
