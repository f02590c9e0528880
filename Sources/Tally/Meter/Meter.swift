/// Stage 3 of the pipeline: turns allocation changes into exact integer
/// MB-seconds per line item over a window (SPEC §3): an allocation counts from
/// the instant of the event that set it; usage is split where a rate card
/// takes over and where the flavor changes; sandbox usage is free and dropped.
struct Meter: Sendable {
    /// First second metered (included) and first second not metered.
    let window: Range<Int64>
    let rateCards: RateCardSet
    /// Keep the intervals of this account's usage (for explaining a charge).
    let keepIntervalsOf: Symbol<AccountKind>?

    private struct Open: Sendable {
        var allocation: Allocation
        var since: Int64
        var cause: LineLocation
    }

    private var open = FastDictionary<BilledResource, Open>(capacity: 1024)
    private var usage = FastDictionary<UsageKey, UsageRecord>(capacity: 1024)
    private var intervals: [MeteredInterval] = []
    /// The earliest billable second no rate card covers, if any.
    private(set) var firstUncoveredSecond: Int64?

    init(window: Range<Int64>, rateCards: RateCardSet, keepIntervalsOf account: Symbol<AccountKind>? = nil) {
        self.window = window
        self.rateCards = rateCards
        self.keepIntervalsOf = account
    }

    /// Forgets every change taken so far, to take them again from the start.
    mutating func restart() {
        self = Meter(window: window, rateCards: rateCards, keepIntervalsOf: keepIntervalsOf)
    }

    /// Takes one allocation change; changes must come in order of time.
    mutating func record(_ change: AllocationChange) {
        if let current = open[change.resource] {
            accrue(change.resource, current, until: change.time, closedBy: change.cause)
        }
        if let allocation = change.allocation {
            open[change.resource] = Open(allocation: allocation, since: change.time, cause: change.cause)
        } else {
            open[change.resource] = nil
        }
    }

    /// Closes every open allocation at the window's end and returns the usage.
    ///
    /// - Throws: ``RateCardError`` naming the first billable second that no
    ///   rate card covers (SPEC §4).
    mutating func finish() throws(RateCardError) -> Usage {
        for (resource, current) in open {
            accrue(resource, current, until: window.upperBound, closedBy: nil)
        }
        open = FastDictionary()
        if let uncovered = firstUncoveredSecond {
            throw RateCardError(
                file: nil, field: "effective_from",
                problem: "billable usage at \(Timestamp(secondsSinceEpoch: uncovered)) is covered by no rate card; add a card in effect from that instant or earlier")
        }
        let records = usage.map(\.value).sorted { lhs, rhs in
            (lhs.key.account.index, lhs.firstSecond, lhs.key.card, lhs.key.flavor)
                < (rhs.key.account.index, rhs.firstSecond, rhs.key.card, rhs.key.flavor)
        }
        intervals.sort { ($0.from, $0.openedBy.source, $0.openedBy.line) < ($1.from, $1.openedBy.source, $1.openedBy.line) }
        return Usage(records: records, intervals: intervals)
    }

    /// Adds the usage of `current` from its start to `end`, clipped to the
    /// window and split at rate-card boundaries.
    private mutating func accrue(_ resource: BilledResource, _ current: Open, until end: Int64, closedBy: LineLocation?) {
        let flavor = current.allocation.flavor
        guard flavor.isBilled else { return }
        let to = min(end, window.upperBound)
        rateCards.forEachSegment(from: max(current.since, window.lowerBound), to: to) { card, from, segmentEnd in
            guard let card else {
                firstUncoveredSecond = min(firstUncoveredSecond ?? from, from)
                return
            }
            let (instances, memoryMB) = current.allocation.billedMemory(under: rateCards.cards[card])
            let subject: UsageSubject
            var serviceType: Symbol<ServiceTypeKind> = .none
            var edgeApplication: Symbol<ApplicationKind> = .none
            var destroyedAt: Int64?
            switch (resource, current.allocation) {
            case let (.service(_, application, service), .service(_, _, _, type)):
                subject = .service(application, service)
                serviceType = type
            case let (.sslEdge(_, domain), .sslEdge(_, application, destroyed)):
                subject = .sslEdge(domain)
                edgeApplication = application
                destroyedAt = destroyed
            default:
                preconditionFailure("allocation does not match its resource")
            }
            let mbSeconds = Int64(instances) * Int64(memoryMB) * (segmentEnd - from)
            let key = UsageKey(account: resource.account, subject: subject, flavor: flavor, card: card)
            let updated: Void? = usage.modify(key) { record in
                record.mbSeconds += mbSeconds
                record.firstSecond = min(record.firstSecond, from)
                record.lastSecond = max(record.lastSecond, segmentEnd - 1)
                record.serviceType = serviceType
                record.edgeApplication = edgeApplication
                record.edgeApplicationDestroyedAt = destroyedAt
            }
            if updated == nil {
                usage[key] = UsageRecord(key: key, mbSeconds: mbSeconds, firstSecond: from, lastSecond: segmentEnd - 1, serviceType: serviceType,
                                         edgeApplication: edgeApplication, edgeApplicationDestroyedAt: destroyedAt)
            }
            if keepIntervalsOf == resource.account {
                intervals.append(MeteredInterval(
                    key: key, from: from, to: segmentEnd, instances: instances, memoryMB: memoryMB,
                    mbSeconds: mbSeconds, openedBy: current.cause, closedBy: segmentEnd == to ? closedBy : nil))
            }
        }
    }
}
