/// The platform as the event log describes it at one instant: applications
/// with their services and domains, domain attachments platform-wide, and the
/// active SSL edges (SPEC §1). Replay changes it one event at a time.
struct PlatformState: Sendable {
    struct ApplicationKey: FastHashable, Sendable {
        var account: Symbol<AccountKind>
        var application: Symbol<ApplicationKind>

        var fastHash: UInt64 { mixedHash(account.index, application.index) }
    }

    struct Service: Sendable, Equatable {
        var type: Symbol<ServiceTypeKind>
        var instances: Int
        var memoryMB: Int
        /// When the service was deployed (its current life).
        var since: Int64
    }

    struct Application: Sendable {
        var flavor: Flavor
        /// Tells this application apart from an earlier one of the same name.
        var incarnation: Int
        var createdAt: Int64
        var services = FastDictionary<Symbol<ServiceKind>, Service>()
        /// Attached domains and the service each is attached to.
        var domains = FastDictionary<Symbol<DomainKind>, Symbol<ServiceKind>>()
    }

    struct DomainAttachment: Sendable, Equatable {
        var account: Symbol<AccountKind>
        var application: Symbol<ApplicationKind>
        var service: Symbol<ServiceKind>
    }

    struct SSLEdge: Sendable, Equatable {
        var account: Symbol<AccountKind>
        var application: Symbol<ApplicationKind>
        var applicationIncarnation: Int
        /// The flavor its application had when SSL was enabled; the edge is
        /// priced at it for its whole life (SPEC §3).
        var flavor: Flavor
        var since: Int64
        /// When its application was destroyed, if it was (SPEC §1: the edge goes on).
        var applicationDestroyedAt: Int64?
    }

    var applications = FastDictionary<ApplicationKey, Application>(capacity: 1024)
    /// Every attached domain, platform-wide (SPEC §1: one service at a time).
    var domains = FastDictionary<Symbol<DomainKind>, DomainAttachment>()
    /// Active SSL edges by domain, platform-wide.
    var sslEdges = FastDictionary<Symbol<DomainKind>, SSLEdge>()
    var nextIncarnation = 0
}
