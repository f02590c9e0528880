/// The platform as the event log describes it at one instant: applications,
/// their services, the custom domains attached platform-wide, and the active
/// SSL edges (SPEC §1). Replay changes it one event at a time.
///
/// Every table is keyed, and every walk is over one application's own
/// things: an application lists its services, domains and SSL edges (each
/// remembering its place in that list, so removing one is a swap with the
/// last), so destroying an application touches only what it had, never the
/// platform. A state made for views of one account at a time (the ticket
/// service's) also lists each account's applications and edges; the
/// month-end run does without. Each service and edge keeps its current
/// allocation's start and the event that set it, so the meter needs no
/// copy of its own.
struct PlatformState: Sendable {
    struct ApplicationKey: FastHashable, Sendable {
        var account: Symbol<AccountKind>
        var application: Symbol<ApplicationKind>

        var fastHash: UInt64 { mixedHash(account.index, application.index) }
    }

    struct ServiceKey: FastHashable, Sendable {
        var account: Symbol<AccountKind>
        var application: Symbol<ApplicationKind>
        var service: Symbol<ServiceKind>

        var fastHash: UInt64 { mixedHash(account.index, application.index, service.index, tag: 3) }
    }

    struct Application: Sendable {
        var flavor: Flavor
        /// Tells this application apart from an earlier one of the same name.
        var incarnation: Int32
        var createdAt: Int64
        var services: [Symbol<ServiceKind>] = []
        /// Attached custom domains.
        var domains: [Symbol<DomainKind>] = []
        /// Active SSL edges enabled for this application.
        var sslEdges: [Symbol<DomainKind>] = []
        /// Its place in its account's list, when accounts are indexed.
        var accountSlot: Int32 = -1
    }

    struct Service: Sendable, Equatable {
        var type: Symbol<ServiceTypeKind>
        /// Instances, 1–1000.
        var instances: UInt16
        /// MB per instance ÷ 32, 1–2048.
        var memoryUnits: UInt16
        /// When the service was deployed (its current life).
        var deployedAt: Int64
        /// When its current allocation began (deploy, scale or flavor change).
        var since: Int64
        /// The event that set its current allocation.
        var cause: LineLocation
        /// Its place in its application's list.
        var slot: Int32

        var memoryMB: Int { Int(memoryUnits) * 32 }
    }

    struct DomainAttachment: Sendable, Equatable {
        var account: Symbol<AccountKind>
        var application: Symbol<ApplicationKind>
        var service: Symbol<ServiceKind>
        /// Its place in its application's list.
        var slot: Int32
    }

    struct SSLEdge: Sendable, Equatable {
        var account: Symbol<AccountKind>
        var application: Symbol<ApplicationKind>
        var applicationIncarnation: Int32
        /// The flavor its application had when SSL was enabled; the edge is
        /// priced at it for its whole life (SPEC §3).
        var flavor: Flavor
        /// When SSL was enabled.
        var enabledAt: Int64
        /// When its current allocation began (enabled, or its application destroyed).
        var since: Int64
        /// When its application was destroyed, if it was (SPEC §1: the edge goes on).
        var applicationDestroyedAt: Int64?
        /// The event that set its current allocation.
        var cause: LineLocation
        /// Its place in its application's list (while the application exists).
        var applicationSlot: Int32
        /// Its place in its account's list, when accounts are indexed.
        var accountSlot: Int32 = -1
    }

    /// What one account has: its applications and the domains of its active SSL edges.
    struct AccountIndex: Sendable {
        var applications: [Symbol<ApplicationKind>] = []
        var sslEdges: [Symbol<DomainKind>] = []
    }

    var applications = FastDictionary<ApplicationKey, Application>(capacity: 1024)
    var services = FastDictionary<ServiceKey, Service>(capacity: 1024)
    /// Every attached domain, platform-wide (SPEC §1: one service at a time).
    var domains = FastDictionary<Symbol<DomainKind>, DomainAttachment>()
    /// Active SSL edges by domain, platform-wide.
    var sslEdges = FastDictionary<Symbol<DomainKind>, SSLEdge>()
    /// Each account's applications and edges (when ``indexesAccounts``).
    var accounts = FastDictionary<Symbol<AccountKind>, AccountIndex>()
    var nextIncarnation: Int32 = 0
    /// Whether ``accounts`` is kept.
    let indexesAccounts: Bool

    /// An empty platform; `indexingAccounts` keeps ``accounts``.
    init(indexingAccounts: Bool = false) {
        indexesAccounts = indexingAccounts
    }
}

extension Array {
    /// Appends `element` and returns its place.
    @inline(__always)
    mutating func appendReturningSlot(_ element: Element) -> Int32 {
        append(element)
        return Int32(count - 1)
    }

    /// Removes the element at `slot` by moving the last one there.
    ///
    /// - Returns: the element now at `slot`, whose stored place must change;
    ///   `nil` when the last element was removed.
    @inline(__always)
    mutating func swapRemove(at slot: Int32) -> Element? {
        let index = Int(slot)
        let last = count - 1
        if index != last { swapAt(index, last) }
        removeLast()
        return index < count ? self[index] : nil
    }
}
