/// The ticket service's ledger kept warm (README "For the ticket service"):
/// the log replayed once, from the books' last close when there are books,
/// then followed. Each ``refresh()`` reads only what was appended since the
/// last look (by this process or any other writer) and applies it: in time
/// order at the end; dated earlier, in its place, replaying only the events
/// after the checkpoint before it. Questions are answered from the kept
/// platform (``ledger(at:metering:)`` gives the same ``Ledger`` a fresh
/// replay would); only the billing period a cost is asked for is metered.
///
/// Keeps each event since the base as its 56-byte record, the platform at
/// the end, and a few earlier platforms (checkpoints, built on first need).
struct WarmLedger {
    /// The platform before `records[index]` (records are in order of time).
    struct Checkpoint {
        var index: Int
        /// The time of `records[index]` (or the base's end for index 0).
        var time: Int64
        var state: PlatformState
    }

    /// A meter over one billing period, fed with every record applied.
    struct LiveMeter {
        var period: BillingPeriod
        var meter: Meter
    }

    /// Records between two checkpoints, at least (a month's first record
    /// starts one when this many records have passed since the last): each
    /// checkpoint is a copy of the platform, so they are kept few.
    var checkpointSpacing = 65_536
    /// Records between two checkpoints, at most.
    var checkpointLimit = 262_144
    /// Records applied again since the ledger was built (by replays from a
    /// checkpoint), for tests and the benchmark: what following costs.
    var recordsReplayed = 0

    let pipeline: BillingPipeline
    let inputs: [EventInput]
    let books: Books?
    /// The instant the base platform is of (a close's end), if not the empty platform.
    let baseEnd: Int64?
    /// How the lines before the reader's were accounted for (a close's).
    let baseCounts: EventCounts
    var reader: EventReader
    /// Every event since the base, in order of time, then of input.
    var records: [EventRecord]
    /// Platforms before some records; the first is the base. Only the base
    /// until a question needs an earlier platform than the last.
    var checkpoints: [Checkpoint]
    var checkpointsBuilt = false
    /// The platform after every record.
    var replayer: Replayer
    /// Each record that broke a rule of SPEC §2.2, with the rule, by its sequence.
    var violations: [Int32: (record: EventRecord, violation: RuleViolation)]
    /// Lines rejected while reading, and a close's carried ones, in input order.
    var readRejections: [Rejection] = []
    /// The rejections of records that broke a rule, once made (their line read again).
    var ruleRejections: [Int32: Rejection] = [:]
    var live: LiveMeter?
    /// The adjustment lines the next invoice will carry, with the number of
    /// late records they were computed with.
    var adjustments: (lateRecords: Int, lines: [AccountName: [LineItem]])?
    /// Records dated before the last close's end (late events, SPEC §7.3).
    var lateRecords = 0

    /// Replays `inputs` once (from the books' last close when `books` is
    /// given) and keeps what following it needs.
    ///
    /// - Parameters:
    ///   - metering: the billing period to meter along the way, if a cost
    ///     will be asked in it (saves a second pass over the records).
    /// - Throws: ``LedgerError``.
    init(_ inputs: [EventInput], books: String?, pipeline: BillingPipeline, metering period: BillingPeriod? = nil,
         onRejection: (Rejection) -> Void = { _ in }) throws(LedgerError) {
        var rejections: [Rejection] = []
        let followed: FollowedLog
        do {
            followed = try pipeline.follow(inputs, books: books, metering: period.map(MeterRequest.init(period:))) { rejection in
                onRejection(rejection)
                if case .rule = rejection.reason { return }
                rejections.append(rejection)
            }
        } catch {
            throw LedgerError(error)
        }
        var replayed = followed.replayed
        replayed.reader.progress = nil
        self.pipeline = pipeline
        self.inputs = inputs
        self.books = followed.books
        baseEnd = followed.baseEnd
        reader = replayed.reader
        records = replayed.records
        var violations: [Int32: (record: EventRecord, violation: RuleViolation)] = [:]
        if !replayed.violated.isEmpty {
            for record in replayed.records {
                if let violation = replayed.violated[record.sequence] { violations[record.sequence] = (record, violation) }
            }
        }
        self.violations = violations
        replayer = Replayer(state: replayed.state)
        checkpoints = [Checkpoint(index: 0, time: followed.baseEnd ?? Int64.min, state: followed.base)]
        readRejections = rejections
        var base = replayed.counts
        base.lines -= reader.counts.lines
        base.duplicates -= reader.counts.duplicates
        base.rejected -= reader.counts.rejected + violations.count
        base.applied -= records.count - violations.count
        baseCounts = base
        if let period, let meter = replayed.meter { live = LiveMeter(period: period, meter: meter) }
        if let closedEnd = followed.books?.lastClosedMonth?.end.secondsSinceEpoch {
            lateRecords = records.count { $0.time < closedEnd }
        }
    }

    /// The time of the last record, or the base's end.
    var frontier: Int64 { records.last?.time ?? baseEnd ?? Int64.min }

    /// The end of the last closed month, with books.
    var closedEnd: Int64? { books?.lastClosedMonth?.end.secondsSinceEpoch }

    /// Reads what was appended to the log since the last look and applies
    /// it; builds the ledger again from the books when an event dated before
    /// its base arrived.
    ///
    /// - Throws: ``LedgerError/input(_:)`` when the log can't be read or
    ///   shrank; the books' errors when built again.
    mutating func refresh(onRejection: (Rejection) -> Void = { _ in }) throws(LedgerError) {
        var batch: [EventRecord] = []
        var rejections: [Rejection] = []
        do {
            try reader.readOn(onRecord: { record, _ in batch.append(record) },
                              onRejection: { rejections.append($0) })
        } catch {
            throw .input(error)
        }
        rejections.forEach(onRejection)
        readRejections += rejections
        guard !batch.isEmpty else { return }
        if let baseEnd, batch.contains(where: { $0.time < baseEnd }) {
            self = try WarmLedger(inputs, books: books?.directory, pipeline: pipeline, metering: live?.period)
            return
        }
        if let closedEnd { lateRecords += batch.count { $0.time < closedEnd } }
        add(batch)
    }

    /// Adds records read after the others: at the end when none is earlier
    /// than the last, else merged in place and replayed from the checkpoint
    /// before the first of them.
    mutating func add(_ batch: [EventRecord]) {
        let sorted = batch.sorted { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
        guard let first = sorted.first else { return }
        if first.time >= frontier {
            for record in sorted { append(record) }
            return
        }
        let position = insertionPoint(of: first)
        var merged = Array(records[..<position])
        merged.reserveCapacity(records.count + sorted.count)
        var rest = records[position...].makeIterator()
        var next = rest.next()
        for record in sorted {
            while let current = next, (current.time, current.sequence) < (record.time, record.sequence) {
                merged.append(current)
                next = rest.next()
            }
            merged.append(record)
        }
        while let current = next {
            merged.append(current)
            next = rest.next()
        }
        records = merged
        replay(from: position)
    }

    /// Where a record belongs among the records: after every earlier one.
    func insertionPoint(of record: EventRecord) -> Int {
        var low = 0
        var high = records.count
        while low < high {
            let middle = (low + high) / 2
            if (records[middle].time, records[middle].sequence) < (record.time, record.sequence) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// Applies a record dated at or after every other, at the end.
    private mutating func append(_ record: EventRecord) {
        if checkpointsBuilt { checkpointIfDue(at: records.count, time: record.time) }
        records.append(record)
        if let period = live?.period, record.time >= period.end.secondsSinceEpoch { live = nil }
        // Taken out while fed, so that it is never copied.
        var current = live
        live = nil
        let violation = replayer.apply(record, symbols: reader.symbols) { current?.meter.record($0) }
        live = current
        if let violation { violations[record.sequence] = (record, violation) }
    }
}
