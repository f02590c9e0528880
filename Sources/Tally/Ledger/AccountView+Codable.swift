extension AccountView: Codable {
    private enum CodingKeys: String, CodingKey {
        case account, at, applications
        case sslEdges = "ssl_edges"
        case billedReservedMB = "billed_reserved_mb"
        case rejectedLineCount = "rejected_line_count"
        case rejectedLines = "rejected_lines"
    }

    /// Encodes the view with snake-case keys: `account`, `at` (the instant),
    /// `applications`, `ssl_edges`, `billed_reserved_mb` (computed, ignored
    /// when decoding), `rejected_line_count` and `rejected_lines`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(account, forKey: .account)
        try container.encode(instant, forKey: .at)
        try container.encode(applications, forKey: .applications)
        try container.encode(sslEdges, forKey: .sslEdges)
        try container.encode(billedReservedMB, forKey: .billedReservedMB)
        try container.encode(rejectedLineCount, forKey: .rejectedLineCount)
        try container.encode(rejectedLines, forKey: .rejectedLines)
    }

    /// Decodes what ``encode(to:)`` writes.
    ///
    /// - Throws: `DecodingError` for a missing field or a malformed value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(account: try container.decode(AccountName.self, forKey: .account),
                  instant: try container.decode(Timestamp.self, forKey: .at),
                  applications: try container.decode([ApplicationView].self, forKey: .applications),
                  sslEdges: try container.decode([SSLEdgeView].self, forKey: .sslEdges),
                  rejectedLineCount: try container.decode(Int.self, forKey: .rejectedLineCount),
                  rejectedLines: try container.decode([Rejection].self, forKey: .rejectedLines))
    }
}

extension ApplicationView: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, flavor, services
        case createdAt = "created_at"
        case reservedMB = "reserved_mb"
    }

    /// Encodes the application as `name`, `flavor`, `created_at`, `services`
    /// and `reserved_mb` (computed, ignored when decoding).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(flavor, forKey: .flavor)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(services, forKey: .services)
        try container.encode(reservedMB, forKey: .reservedMB)
    }

    /// Decodes what ``encode(to:)`` writes.
    ///
    /// - Throws: `DecodingError` for a missing field or a malformed value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(ApplicationName.self, forKey: .name),
                  flavor: try container.decode(Flavor.self, forKey: .flavor),
                  createdAt: try container.decode(Timestamp.self, forKey: .createdAt),
                  services: try container.decode([ServiceView].self, forKey: .services))
    }
}

extension ServiceView: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, type, instances, since, domains
        case memoryMB = "memory_mb"
        case reservedMB = "reserved_mb"
    }

    /// Encodes the service as `name`, `type`, `instances`, `memory_mb` (per
    /// instance), `since`, `domains` and `reserved_mb` (computed, ignored when
    /// decoding).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(instances, forKey: .instances)
        try container.encode(memoryMBPerInstance, forKey: .memoryMB)
        try container.encode(since, forKey: .since)
        try container.encode(domains, forKey: .domains)
        try container.encode(reservedMB, forKey: .reservedMB)
    }

    /// Decodes what ``encode(to:)`` writes.
    ///
    /// - Throws: `DecodingError` for a missing field or a malformed value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(ServiceName.self, forKey: .name),
                  type: try container.decode(ServiceType.self, forKey: .type),
                  instances: try container.decode(Int.self, forKey: .instances),
                  memoryMBPerInstance: try container.decode(Int.self, forKey: .memoryMB),
                  since: try container.decode(Timestamp.self, forKey: .since),
                  domains: try container.decode([DomainName].self, forKey: .domains))
    }
}

extension SSLEdgeView: Codable {
    private enum CodingKeys: String, CodingKey {
        case domain, application, flavor, since
        case applicationDestroyedAt = "application_destroyed_at"
        case applicationExists = "application_exists"
    }

    /// Encodes the edge as `domain`, `application`, `flavor`, `since`,
    /// `application_destroyed_at` (when destroyed) and `application_exists`
    /// (computed, ignored when decoding).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(domain, forKey: .domain)
        try container.encode(application, forKey: .application)
        try container.encode(flavor, forKey: .flavor)
        try container.encode(since, forKey: .since)
        try container.encodeIfPresent(applicationDestroyedAt, forKey: .applicationDestroyedAt)
        try container.encode(applicationExists, forKey: .applicationExists)
    }

    /// Decodes what ``encode(to:)`` writes.
    ///
    /// - Throws: `DecodingError` for a missing field or a malformed value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(domain: try container.decode(DomainName.self, forKey: .domain),
                  application: try container.decode(ApplicationName.self, forKey: .application),
                  flavor: try container.decode(Flavor.self, forKey: .flavor),
                  since: try container.decode(Timestamp.self, forKey: .since),
                  applicationDestroyedAt: try container.decodeIfPresent(Timestamp.self, forKey: .applicationDestroyedAt))
    }
}
