/// Stage 3 of the pipeline: turns allocation changes into exact integer
/// MB-seconds per line item over a window (SPEC §3): an allocation counts from
/// the instant of the event that set it; usage is split where a rate card
/// takes over, where the flavor changes and where a billing period ends;
/// sandbox usage is free and dropped.
///
/// A meter takes every account, or only the accounts it is asked for (the
/// others' changes cost one lookup); for those it can also keep the detail
/// behind each line: its intervals (to explain a charge) and its usage day
/// by day (for the usage chart).
struct Meter: Sendable {
    /// Which accounts a meter takes.
    enum Accounts: Sendable {
        case all
        case only(FastSet<Symbol<AccountKind>>)
    }

    /// First second metered (included) and first second not metered.
    let window: Range<Int64>
    let rateCards: RateCardSet
    let accounts: Accounts
    /// Whether to keep intervals and daily usage (for one-account reports).
    let keepsDetail: Bool
    /// The billing period, when the window lies in one (the usual case).
    private let singlePeriod: BillingPeriod?

    private var usage = FastDictionary<UsageKey, UsageRecord>(capacity: 1024)
    private var intervals: [MeteredInterval] = []
    private var daily = FastDictionary<BilledResource, DailyUsageSeries>()
    /// The earliest billable second no rate card covers, if any.
    private(set) var firstUncoveredSecond: Int64?

    /// A meter over `window` (seconds since the epoch; whole days when
    /// `keepsDetail`).
    init(window: Range<Int64>, rateCards: RateCardSet, accounts: Accounts = .all, keepsDetail: Bool = false) {
        precondition(!keepsDetail || (window.upperBound - window.lowerBound) % CivilCalendar.secondsPerDay == 0,
                     "a detailed meter's window is whole days")
        self.window = window
        self.rateCards = rateCards
        self.accounts = accounts
        self.keepsDetail = keepsDetail
        let first = BillingPeriod(containing: Timestamp(secondsSinceEpoch: window.lowerBound))
        singlePeriod = window.upperBound <= first.end.secondsSinceEpoch ? first : nil
    }

    /// A meter over the billing periods `periods` (SPEC §3: one calendar month each).
    init(periods: ClosedRange<BillingPeriod>, rateCards: RateCardSet, accounts: Accounts = .all, keepsDetail: Bool = false) {
        self.init(window: periods.lowerBound.start.secondsSinceEpoch..<periods.upperBound.end.secondsSinceEpoch,
                  rateCards: rateCards, accounts: accounts, keepsDetail: keepsDetail)
    }

    /// Whether the meter takes `account`'s changes.
    @inline(__always)
    func takes(_ account: Symbol<AccountKind>) -> Bool {
        switch accounts {
        case .all: true
        case let .only(set): set.contains(account)
        }
    }

    /// Takes one allocation change: meters what the resource held until it;
    /// changes must come in order of time.
    mutating func record(_ change: AllocationChange) {
        guard let previous = change.previous, takes(change.resource.account) else { return }
        accrue(change.resource, previous, until: change.time, closedBy: change.cause)
    }

    /// The usage metered so far, with the allocations still `open` (the
    /// replayed platform's) counted on to `end` (at most the window's end) as
    /// if nothing changed: the window's end for a month-end run, an instant
    /// for cost to date. The meter itself is left as it is.
    ///
    /// - Throws: ``RateCardError`` naming the first billable second that no
    ///   rate card covers (SPEC §4).
    func usage(closing open: [(resource: BilledResource, open: OpenAllocation)], at end: Int64? = nil)
        throws(RateCardError) -> Usage {
        var closed = self
        return try closed.finish(closing: open, at: end)
    }

    /// What ``usage(closing:at:)`` gives, for a run that needs the meter no
    /// more: the open allocations are counted on in this meter itself and
    /// its records moved out, leaving it empty. Closing a copy instead copies
    /// the whole table of line items, which at 10 million events (400,000
    /// lines) was a fifth of the run's peak memory (README, "Performance").
    ///
    /// - Throws: ``RateCardError``, as ``usage(closing:at:)``.
    mutating func finish(closing open: [(resource: BilledResource, open: OpenAllocation)], at end: Int64? = nil)
        throws(RateCardError) -> Usage {
        let end = min(end ?? window.upperBound, window.upperBound)
        for (resource, current) in open where takes(resource.account) {
            accrue(resource, current, until: end, closedBy: nil)
        }
        if let uncovered = firstUncoveredSecond {
            throw RateCardError(
                file: nil, field: "effective_from",
                problem: "billable usage at \(Timestamp(secondsSinceEpoch: uncovered)) is covered by no rate card; add a card in effect from that instant or earlier")
        }
        let sortedIntervals = intervals.sorted {
            ($0.from, $0.openedBy.source, $0.openedBy.line) < ($1.from, $1.openedBy.source, $1.openedBy.line)
        }
        intervals = []
        var days: [BilledResource: DailyUsageSeries] = [:]
        for (resource, series) in daily where series.mbSeconds.contains(where: { $0 > 0 }) { days[resource] = series }
        daily = FastDictionary()
        var records: [UsageRecord] = []
        records.reserveCapacity(usage.count)
        for (_, record) in usage { records.append(record) }
        usage = FastDictionary()
        return Usage(records: records, intervals: sortedIntervals, daily: days)
    }

    /// Adds the usage of `current` from its start to `end`, clipped to the
    /// window and split at rate-card changes and period ends.
    private mutating func accrue(_ resource: BilledResource, _ current: OpenAllocation, until end: Int64,
                                 closedBy: LineLocation?) {
        let flavor = current.allocation.flavor
        guard flavor.isBilled else { return }
        let to = min(end, window.upperBound)
        rateCards.forEachSegment(from: max(current.since, window.lowerBound), to: to) { card, cardFrom, cardEnd in
            guard let card else {
                firstUncoveredSecond = min(firstUncoveredSecond ?? cardFrom, cardFrom)
                return
            }
            let (instances, memoryMB) = current.allocation.billedMemory(under: rateCards.cards[card])
            var from = cardFrom
            while from < cardEnd {
                let period = singlePeriod ?? BillingPeriod(containing: Timestamp(secondsSinceEpoch: from))
                let segmentEnd = min(cardEnd, period.end.secondsSinceEpoch)
                add(resource, current, card: card, period: period, from: from, to: segmentEnd,
                    instances: instances, memoryMB: memoryMB)
                if keepsDetail {
                    intervals.append(MeteredInterval(
                        key: Self.key(resource, current.allocation, card: card, period: period),
                        from: from, to: segmentEnd, instances: instances, memoryMB: memoryMB,
                        mbSeconds: Int64(instances) * Int64(memoryMB) * (segmentEnd - from), openedBy: current.cause,
                        closedBy: segmentEnd == to ? closedBy : nil))
                    addDaily(resource, memoryMB: Int64(instances) * Int64(memoryMB), from: from, to: segmentEnd)
                }
                from = segmentEnd
            }
        }
    }

    /// The line key of `resource` holding `allocation` under `card` in `period`.
    @inline(__always)
    static func key(_ resource: BilledResource, _ allocation: Allocation, card: Int, period: BillingPeriod) -> UsageKey {
        let subject: UsageSubject = switch resource {
        case let .service(_, application, service): .service(application, service)
        case let .sslEdge(_, domain): .sslEdge(domain)
        }
        return UsageKey(account: resource.account, subject: subject, flavor: allocation.flavor, card: card,
                        month: period.monthIndex)
    }

    private mutating func add(_ resource: BilledResource, _ current: OpenAllocation, card: Int, period: BillingPeriod,
                              from: Int64, to: Int64, instances: Int, memoryMB: Int) {
        var serviceType: Symbol<ServiceTypeKind> = .none
        var edgeApplication: Symbol<ApplicationKind> = .none
        var destroyedAt: Int64?
        switch current.allocation {
        case let .service(_, _, _, type):
            serviceType = type
        case let .sslEdge(_, application, destroyed):
            edgeApplication = application
            destroyedAt = destroyed
        }
        let mbSeconds = Int64(instances) * Int64(memoryMB) * (to - from)
        let key = Self.key(resource, current.allocation, card: card, period: period)
        let updated: Void? = usage.modify(key) { record in
            record.mbSeconds += mbSeconds
            record.firstSecond = min(record.firstSecond, from)
            record.lastSecond = max(record.lastSecond, to - 1)
            record.serviceType = serviceType
            record.edgeApplication = edgeApplication
            record.edgeApplicationDestroyedAt = destroyedAt
        }
        if updated == nil {
            usage[key] = UsageRecord(key: key, mbSeconds: mbSeconds, firstSecond: from, lastSecond: to - 1,
                                     serviceType: serviceType, edgeApplication: edgeApplication,
                                     edgeApplicationDestroyedAt: destroyedAt)
        }
    }

    /// Adds `memoryMB` held from `from` to `to` to the resource's days.
    private mutating func addDaily(_ resource: BilledResource, memoryMB: Int64, from start: Int64, to end: Int64) {
        let dayCount = Int((window.upperBound - window.lowerBound) / CivilCalendar.secondsPerDay)
        var series = daily[resource] ?? DailyUsageSeries(dayCount: dayCount)
        var from = start
        while from < end {
            let day = Int((from - window.lowerBound) / CivilCalendar.secondsPerDay)
            let dayEnd = min(end, window.lowerBound + Int64(day + 1) * CivilCalendar.secondsPerDay)
            series.mbSeconds[day] += memoryMB * (dayEnd - from)
            series.peakMB[day] = max(series.peakMB[day], memoryMB)
            from = dayEnd
        }
        daily[resource] = series
    }
}
