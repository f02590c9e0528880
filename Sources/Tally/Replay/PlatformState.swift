/// The platform as the event log describes it at one instant: applications
/// with their services and domains, domain attachments platform-wide, and the
/// active SSL edges (SPEC §1). Replay changes it one event at a time.
///
/// Every lookup the replay makes is by key, never by a walk over the
/// platform: an application lists the SSL edges enabled for it, so its
/// destruction touches only those; an account lists its applications and
/// edges, so a view of one account touches only that account's things.
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
        /// The event that set its current allocation, for explaining a charge.
        var cause: LineLocation
    }

    struct Application: Sendable {
        var flavor: Flavor
        /// Tells this application apart from an earlier one of the same name.
        var incarnation: Int
        var createdAt: Int64
        var services = FastDictionary<Symbol<ServiceKind>, Service>()
        /// Attached domains and the service each is attached to.
        var domains = FastDictionary<Symbol<DomainKind>, Symbol<ServiceKind>>()
        /// The active SSL edges enabled for this application, by domain.
        var sslEdges = FastSet<Symbol<DomainKind>>()
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
        /// The event that set its current allocation, for explaining a charge.
        var cause: LineLocation
    }

    /// What one account has: the names of its applications and the domains
    /// of its active SSL edges.
    struct AccountIndex: Sendable {
        var applications = FastSet<Symbol<ApplicationKind>>()
        var sslEdges = FastSet<Symbol<DomainKind>>()

        var isEmpty: Bool { applications.isEmpty && sslEdges.isEmpty }
    }

    var applications = FastDictionary<ApplicationKey, Application>(capacity: 1024)
    /// Every attached domain, platform-wide (SPEC §1: one service at a time).
    var domains = FastDictionary<Symbol<DomainKind>, DomainAttachment>()
    /// Active SSL edges by domain, platform-wide.
    var sslEdges = FastDictionary<Symbol<DomainKind>, SSLEdge>()
    /// Each account's applications and edges.
    var accounts = FastDictionary<Symbol<AccountKind>, AccountIndex>(capacity: 1024)
    var nextIncarnation = 0
}

extension PlatformState {
    /// Adds `application` to its account's index.
    mutating func index(_ key: ApplicationKey) {
        if accounts.modify(key.account, { $0.applications.insert(key.application) }) == nil {
            var index = AccountIndex()
            index.applications.insert(key.application)
            accounts[key.account] = index
        }
    }

    /// Removes `application` from its account's index.
    mutating func unindex(_ key: ApplicationKey) {
        let empty = accounts.modify(key.account) { index -> Bool in
            index.applications.remove(key.application)
            return index.isEmpty
        }
        if empty == true { accounts[key.account] = nil }
    }

    /// Adds the SSL edge of `domain` to its account's and application's indexes.
    mutating func indexEdge(_ domain: Symbol<DomainKind>, of edge: SSLEdge) {
        if accounts.modify(edge.account, { $0.sslEdges.insert(domain) }) == nil {
            var index = AccountIndex()
            index.sslEdges.insert(domain)
            accounts[edge.account] = index
        }
        let key = ApplicationKey(account: edge.account, application: edge.application)
        applications.modify(key) { application in
            if application.incarnation == edge.applicationIncarnation { application.sslEdges.insert(domain) }
        }
    }

    /// Removes the SSL edge of `domain` from its account's and application's indexes.
    mutating func unindexEdge(_ domain: Symbol<DomainKind>, of edge: SSLEdge) {
        let empty = accounts.modify(edge.account) { index -> Bool in
            index.sslEdges.remove(domain)
            return index.isEmpty
        }
        if empty == true { accounts[edge.account] = nil }
        let key = ApplicationKey(account: edge.account, application: edge.application)
        applications.modify(key) { application in
            if application.incarnation == edge.applicationIncarnation { application.sslEdges.remove(domain) }
        }
    }
}
