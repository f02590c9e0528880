/// Something billed by reserved memory: a service, or an SSL edge (SPEC §1).
enum BilledResource: FastHashable, Sendable {
    case service(Symbol<AccountKind>, Symbol<ApplicationKind>, Symbol<ServiceKind>)
    case sslEdge(Symbol<AccountKind>, Symbol<DomainKind>)

    var fastHash: UInt64 {
        switch self {
        case let .service(account, application, service): mixedHash(account.index, application.index, service.index, tag: 1)
        case let .sslEdge(account, domain): mixedHash(account.index, domain.index, tag: 2)
        }
    }

    var account: Symbol<AccountKind> {
        switch self {
        case let .service(account, _, _), let .sslEdge(account, _): account
        }
    }
}

/// What a resource holds from an instant on.
enum Allocation: Equatable, Sendable {
    /// A service: `instances` × `memoryMB` MB, billed under `flavor`.
    case service(flavor: Flavor, instances: Int, memoryMB: Int, type: Symbol<ServiceTypeKind>)
    /// An SSL edge: the rate card's `ssl_edge_memory_mb`, billed under the
    /// flavor its application had when SSL was enabled.
    case sslEdge(flavor: Flavor, application: Symbol<ApplicationKind>, applicationDestroyedAt: Int64?)

    var flavor: Flavor {
        switch self {
        case let .service(flavor, _, _, _), let .sslEdge(flavor, _, _): flavor
        }
    }
}

/// An allocation a resource holds, since when, and the event that set it.
struct OpenAllocation: Sendable {
    var allocation: Allocation
    var since: Int64
    var cause: LineLocation
}

/// Stage 2's output: from `time` on, `resource` holds `allocation` (`nil`:
/// nothing, no longer billed), because of the event at `cause`; until then
/// it held `previous` (`nil`: nothing).
struct AllocationChange: Sendable {
    var resource: BilledResource
    var time: Int64
    var allocation: Allocation?
    var cause: LineLocation
    var previous: OpenAllocation?
}
