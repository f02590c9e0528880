import Foundation

/// The `type` of an event (SPEC §2), matched exactly, case included.
public enum EventType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case applicationCreated = "application.created"
    case applicationFlavorChanged = "application.flavor_changed"
    case applicationDestroyed = "application.destroyed"
    case serviceDeployed = "service.deployed"
    case serviceScaled = "service.scaled"
    case serviceDestroyed = "service.destroyed"
    case domainAdded = "domain.added"
    case domainRemoved = "domain.removed"
    case sslEnabled = "ssl.enabled"
    case sslCertificateUpdated = "ssl.certificate_updated"
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
    case id, time, type, account, app, service
    case serviceType = "service_type"
    case instances
    case memoryMB = "memory_mb"
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
