/// What a line item bills: a service of an application, or the SSL edge of a
/// domain (SPEC §3).
enum UsageSubject: Hashable, Sendable {
    case service(Symbol<ApplicationKind>, Symbol<ServiceKind>)
    case sslEdge(Symbol<DomainKind>)
}

/// The key of one line item (SPEC §3): one per (application, service, flavor,
/// rate card) and one per (SSL edge domain, flavor, rate card), per account.
struct UsageKey: FastHashable, Sendable {
    var account: Symbol<AccountKind>
    var subject: UsageSubject
    var flavor: Flavor
    /// Index of the rate card in the ``RateCardSet``.
    var card: Int

    var fastHash: UInt64 {
        let variant = UInt64(card) << 8 | UInt64(flavor == .live ? 1 : 2)
        switch subject {
        case let .service(application, service): return mixedHash(account.index, application.index, service.index, tag: variant)
        case let .sslEdge(domain): return mixedHash(account.index, domain.index, tag: variant | 1 << 7)
        }
    }
}

/// Metered usage for one line item.
struct UsageRecord: Sendable {
    var key: UsageKey
    /// Exact MB-seconds in the window (SPEC §3).
    var mbSeconds: Int64
    /// The first second of usage, for ordering lines chronologically.
    var firstSecond: Int64
    /// The last second of usage (included): the line's `usage_end` (README, "Line items as CSV").
    var lastSecond: Int64
    /// The service's type the last time it was metered (services only).
    var serviceType: Symbol<ServiceTypeKind>
    /// The SSL edge's application the last time it was metered (edges only).
    var edgeApplication: Symbol<ApplicationKind>
    /// When that application was destroyed, if before the window's end (edges only).
    var edgeApplicationDestroyedAt: Int64?
}

/// One stretch of constant allocation that went into a line item, kept when a
/// report explains a charge (issue 5).
struct MeteredInterval: Sendable {
    var key: UsageKey
    var from: Int64
    var to: Int64
    /// Instances × MB per instance; an SSL edge counts as 1 × the card's edge MB.
    var instances: Int
    var memoryMB: Int
    var mbSeconds: Int64
    /// The event that set this allocation.
    var openedBy: LineLocation
    /// The event that ended it, or `nil` when the window's end did.
    var closedBy: LineLocation?
}

/// Stage 3's output: metered usage per line item, in a fixed order.
struct Usage: Sendable {
    var records: [UsageRecord]
    /// The intervals behind the records, when the meter was asked to keep them.
    var intervals: [MeteredInterval]
}
