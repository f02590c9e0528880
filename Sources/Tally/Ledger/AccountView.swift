/// One account at an instant (README, "For the ticket service"): its
/// applications with their services and domains, and its SSL edges. Only the
/// account's own things appear.
public struct AccountView: Sendable, Hashable {
    /// The account.
    public let account: AccountName
    /// The instant of the view (events up to and including its second applied).
    public let instant: Timestamp
    /// The applications that exist at the instant, by name.
    public let applications: [ApplicationView]
    /// The active SSL edges, by domain; an edge outlives its application (SPEC §1).
    public let sslEdges: [SSLEdgeView]
    /// How many of the account's lines, dated up to the instant or undated,
    /// were rejected; the view and its costs may change once they are fixed.
    public let rejectedLineCount: Int
    /// The first of those lines (at most 20).
    public let rejectedLines: [Rejection]

    /// Memory reserved by the services of billed (live and enterprise)
    /// applications, in MB; SSL edges not included.
    public var billedReservedMB: Int64 {
        applications.filter(\.flavor.isBilled).reduce(0) { $0 + $1.reservedMB }
    }
}

/// An application at an instant (SPEC §1).
public struct ApplicationView: Sendable, Hashable {
    /// The application's name, unique in its account while it exists.
    public let name: ApplicationName
    /// Its flavor at the instant.
    public let flavor: Flavor
    /// When it was created.
    public let createdAt: Timestamp
    /// Its services, by name.
    public let services: [ServiceView]

    /// Memory reserved by its services: the sum of instances × MB per instance, in MB.
    public var reservedMB: Int64 { services.reduce(0) { $0 + $1.reservedMB } }

    /// Its custom domains, by name, each with the service it is attached to.
    public var domains: [(domain: DomainName, service: ServiceName)] {
        services.flatMap { service in service.domains.map { ($0, service.name) } }.sorted { $0.domain < $1.domain }
    }
}

/// A service at an instant (SPEC §1).
public struct ServiceView: Sendable, Hashable {
    /// The service's name, unique in its application.
    public let name: ServiceName
    /// Its type, e.g. `python`.
    public let type: ServiceType
    /// Instances, 1–1000.
    public let instances: Int
    /// Memory reserved per instance, in MB (a multiple of 32 from 32 to 65536).
    public let memoryMBPerInstance: Int
    /// When it was deployed (redeploys and scaling keep this date).
    public let since: Timestamp
    /// The custom domains attached to it, by name.
    public let domains: [DomainName]

    /// Memory reserved: instances × MB per instance, in MB (SPEC §1).
    public var reservedMB: Int64 { Int64(instances) * Int64(memoryMBPerInstance) }
}

/// An active SSL edge at an instant (SPEC §1): a pair of edge servers for one
/// domain, billed as the rate card's `ssl_edge_memory_mb` until `ssl.disabled`.
public struct SSLEdgeView: Sendable, Hashable {
    /// The custom domain.
    public let domain: DomainName
    /// The application SSL was enabled for.
    public let application: ApplicationName
    /// The flavor that application had when SSL was enabled; the edge is
    /// priced at it for its whole life (SPEC §3).
    public let flavor: Flavor
    /// When SSL was enabled.
    public let since: Timestamp
    /// When the application was destroyed, if it was; the edge is still
    /// billed until SSL is disabled (SPEC §1).
    public let applicationDestroyedAt: Timestamp?

    /// Whether the application SSL was enabled for still exists.
    public var applicationExists: Bool { applicationDestroyedAt == nil }
}
