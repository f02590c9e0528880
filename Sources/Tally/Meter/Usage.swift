/// What a line item bills: a service of an application, or the SSL edge of a
/// domain (SPEC §3).
enum UsageSubject: Hashable, Sendable {
    case service(Symbol<ApplicationKind>, Symbol<ServiceKind>)
    case sslEdge(Symbol<DomainKind>)
}

/// The key of one line item (SPEC §3): one per (application, service, flavor,
/// rate card) and one per (SSL edge domain, flavor, rate card), per account
/// and billing period.
struct UsageKey: FastHashable, Sendable {
    var account: Symbol<AccountKind>
    var subject: UsageSubject
    var flavor: Flavor
    /// Index of the rate card in the ``RateCardSet``.
    var card: Int
    /// The billing period, as ``BillingPeriod/monthIndex``.
    var month: Int32

    var fastHash: UInt64 {
        let variant = UInt64(card) << 8 | UInt64(flavor == .live ? 1 : 2) | UInt64(UInt32(bitPattern: month)) << 32
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
    /// The first second billed on the line.
    var firstSecond: Int64
    /// The last second billed on the line.
    var lastSecond: Int64
    /// The service's type the last time it was metered (services only).
    var serviceType: Symbol<ServiceTypeKind>
    /// The SSL edge's application the last time it was metered (edges only).
    var edgeApplication: Symbol<ApplicationKind>
    /// When that application was destroyed, if before the window's end (edges only).
    var edgeApplicationDestroyedAt: Int64?
}

/// One stretch of constant allocation that went into a line item, kept when a
/// report explains a charge.
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

/// One resource's billed memory, day by day (for the usage chart).
struct DailyUsageSeries: Sendable, Hashable {
    /// MB-seconds billed on each day, the window's first day first.
    var mbSeconds: [Int64]
    /// The most MB reserved at any second of each day; 0 on a day with none.
    var peakMB: [Int64]

    init(dayCount: Int) {
        mbSeconds = Array(repeating: 0, count: dayCount)
        peakMB = Array(repeating: 0, count: dayCount)
    }
}

/// Stage 3's output: metered usage per line item, in no particular order
/// (the assembler orders lines, SPEC §6), and, for a detailed meter, the
/// intervals behind them (by start) and each resource's usage day by day.
struct Usage: Sendable {
    var records: [UsageRecord]
    var intervals: [MeteredInterval] = []
    var daily: [BilledResource: DailyUsageSeries] = [:]
}

extension Usage {
    /// This usage with each resource's days cut to `month`, for a detailed
    /// meter whose window began at `meteredFrom` (a day's start, at or
    /// before the month's): the chart of one month from a run that metered
    /// closed months before it (SPEC §7.3).
    func days(of month: BillingPeriod, meteredFrom: Int64) -> Usage {
        let first = Int((month.start.secondsSinceEpoch - meteredFrom) / CivilCalendar.secondsPerDay)
        guard first > 0 else { return self }
        var cut = self
        cut.daily = daily.mapValues { series in
            var days = DailyUsageSeries(dayCount: month.days)
            let available = max(0, min(month.days, series.mbSeconds.count - first))
            days.mbSeconds[0..<available] = series.mbSeconds[first..<first + available]
            days.peakMB[0..<available] = series.peakMB[first..<first + available]
            return days
        }.filter { $0.value.mbSeconds.contains { $0 > 0 } }
        return cut
    }
}
