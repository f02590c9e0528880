/// A second consumer of the allocation changes that feed ``Meter``: billed
/// memory per resource per day, for the usage chart (issue 5). For each
/// service and SSL edge it sums the MB-seconds billed on each UTC day of the
/// window and keeps the most MB reserved at any second of that day. Like the
/// meter, it counts an allocation from the instant of the event that set it,
/// closes open allocations at the window's end and leaves sandbox usage out
/// (SPEC §3); an SSL edge reserves the `ssl_edge_memory_mb` of the card in
/// effect at each instant.
struct DailyUsageMeter: Sendable {
    /// Seconds in a day; every day of a billing period in UTC has exactly this many.
    static let secondsPerDay: Int64 = 86_400

    /// First second metered (included) and first second not metered: whole days.
    let window: Range<Int64>
    let rateCards: RateCardSet

    private var open: [BilledResource: (allocation: Allocation, since: Int64)] = [:]
    private var series: [BilledResource: DailyUsageSeries] = [:]

    /// Makes a meter over `window`, whose length must be a whole number of days.
    init(window: Range<Int64>, rateCards: RateCardSet) {
        precondition((window.upperBound - window.lowerBound) % Self.secondsPerDay == 0, "the window is not whole days")
        self.window = window
        self.rateCards = rateCards
    }

    /// The number of days in the window.
    var dayCount: Int { Int((window.upperBound - window.lowerBound) / Self.secondsPerDay) }

    /// Takes one allocation change; changes must come in order of time.
    mutating func record(_ change: AllocationChange) {
        if let current = open[change.resource] {
            accrue(change.resource, current.allocation, from: current.since, until: change.time)
        }
        open[change.resource] = change.allocation.map { ($0, change.time) }
    }

    /// Closes every open allocation at the window's end and returns the
    /// series of every resource with billed usage in the window.
    mutating func finish() -> [BilledResource: DailyUsageSeries] {
        for (resource, current) in open {
            accrue(resource, current.allocation, from: current.since, until: window.upperBound)
        }
        open = [:]
        return series.filter { $0.value.mbSeconds.contains { $0 > 0 } }
    }

    /// Adds `allocation` held from `start` to `end`, clipped to the window and
    /// split at rate-card changes (an SSL edge's MB is the card's) and days.
    private mutating func accrue(_ resource: BilledResource, _ allocation: Allocation, from start: Int64, until end: Int64) {
        guard allocation.flavor.isBilled else { return }
        var entry = series[resource] ?? DailyUsageSeries(dayCount: dayCount)
        rateCards.forEachSegment(from: max(start, window.lowerBound), to: min(end, window.upperBound)) { card, segmentStart, segmentEnd in
            // No card prices this piece; the meter reports it as a configuration error.
            guard let card else { return }
            let billed = allocation.billedMemory(under: rateCards.cards[card])
            let memoryMB = Int64(billed.instances) * Int64(billed.memoryMB)
            var from = segmentStart
            while from < segmentEnd {
                let day = Int((from - window.lowerBound) / Self.secondsPerDay)
                let dayEnd = min(segmentEnd, window.lowerBound + Int64(day + 1) * Self.secondsPerDay)
                entry.mbSeconds[day] += memoryMB * (dayEnd - from)
                entry.peakMB[day] = max(entry.peakMB[day], memoryMB)
                from = dayEnd
            }
        }
        series[resource] = entry
    }
}

/// One resource's billed memory, day by day (issue 5).
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
