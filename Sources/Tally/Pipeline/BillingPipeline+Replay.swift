extension BillingPipeline {
    /// Stages 1 and 2, streamed into one another: reads `inputs` and replays
    /// their events in order of time, same-second events in input order
    /// (SPEC §2.1), feeding every allocation change to the meter `metering`
    /// asks for; see ``replay(_:reader:start:options:into:onRejection:)``.
    ///
    /// - Parameters:
    ///   - until: when given, only events before this second are applied (the
    ///     platform at an instant); later ones are read and checked for the
    ///     field rules, but neither applied nor counted as applied.
    ///   - metering: the meter to feed, if any.
    ///   - keepingEveryID: remember the first line of every id however long
    ///     the log, so that more events can be read after it (the appender).
    ///   - indexingAccounts: keep each account's applications and edges, for
    ///     views of one account (the ticket service).
    ///   - onRejection: receives each rejected line once, in input order.
    /// - Throws: ``RunError/input(_:)`` when an input can't be read.
    func replay(_ inputs: [EventInput], until: Int64? = nil, metering request: MeterRequest? = nil,
                keepingEveryID: Bool = false, indexingAccounts: Bool = false,
                onRejection: (Rejection) -> Void) throws(RunError) -> Replayed {
        let options = ReplayOptions(until: until, keepingEveryID: keepingEveryID, indexingAccounts: indexingAccounts)
        guard case let .replayed(replayed, _) = try replay(inputs, from: .empty, options: options, metering: request,
                                                           onRejection: onRejection)
        else { preconditionFailure("a replay from the empty platform has no late event") }
        return replayed
    }

    /// Stages 1 and 2 from `start` (the empty platform or a close's
    /// snapshot), with the meter `metering` asks for.
    ///
    /// - Returns: the replay, with its meter; or, when it started from a
    ///   close, the time of the earliest late event if there is one.
    /// - Throws: ``RunError/input(_:)`` when an input can't be read.
    func replay(_ inputs: [EventInput], from start: ReplayStart, options: ReplayOptions, metering request: MeterRequest?,
                onRejection: (Rejection) -> Void) throws(RunError) -> ReplayOutcome<Meter?> {
        var reader = EventReader(streaming: true, keepingEveryID: options.keepingEveryID, foundationOnly: foundationOnly,
                                 locatedLimit: locatedLimit)
        reader.progress = progress
        if let snapshot = start.snapshot {
            reader.symbols = snapshot.names
            reader.firstSequence = snapshot.nextSequence
            reader.nextSequence = snapshot.nextSequence
        }
        // The accounts a meter is asked for get their symbols before the read.
        for account in request?.accounts ?? [] { _ = reader.symbols.intern(account.text, as: AccountKind.self) }
        let meter = request?.meter(rateCards: rateCards, symbols: reader.symbols)
        do {
            switch try replay(inputs, reader: reader, start: start, options: options, into: meter, onRejection: onRejection) {
            case let .replayed(replayed, sink):
                var withMeter = replayed
                withMeter.meter = sink
                return .replayed(withMeter, sink)
            case let .late(time):
                return .late(time)
            }
        } catch {
            throw .input(error)
        }
    }

    /// Stages 1 and 2 feeding any sink of allocation changes (the meter, or a
    /// test's recorder).
    ///
    /// A log in time order (the normal case: logs are appended as things
    /// happen) is replayed line by line as it is read; memory holds the
    /// platform's state and the ids seen, never the events. At the first event
    /// earlier than the one before it, the replay starts over: the log is read
    /// again, its records (56 bytes an event) sorted and replayed, and the
    /// sink starts again from its empty value. A replay from a close applies
    /// the close's unsettled events first, then what follows in the log; an
    /// event dated before the close's end is late, and the replay ends
    /// without a result (the caller starts from an earlier close).
    func replay<Sink: AllocationSink>(_ inputs: [EventInput], reader: EventReader, start: ReplayStart = .empty,
                                      options: ReplayOptions = ReplayOptions(), into emptySink: Sink,
                                      onRejection: (Rejection) -> Void) throws(InputError) -> ReplayOutcome<Sink> {
        var reader = reader
        reader.closedIDs = start.closedIDs
        reader.starts = start.readFrom
        reader.stops = start.readTo
        reader.recordingIDs = options.recordingIDs
        reader.completeLinesOnly = options.completeLinesOnly
        let base = start.snapshot?.state ?? PlatformState(indexingAccounts: options.indexingAccounts)
        let deferred = start.snapshot?.deferred ?? []
        var order = RejectionOrder(inputs: inputs)
        func hold(_ rejection: Rejection) { order.add(rejection, overflow: onRejection) }

        var pass = ReplayPass(base: base, sink: emptySink, options: options, baseEnd: start.end)
        for record in deferred { pass.apply(record) }
        reader.lastTime = deferred.last?.time ?? Int64.min
        var end: EventReader.End
        if options.sortingFirst {
            // Known to be out of time order: read once, holding the records, instead of streaming first.
            end = .unsorted(lines: 0)
        } else {
            end = try read(inputs, with: &reader, into: &pass, onRejection: { hold($0) })
        }
        if end == .complete, pass.late == nil {
            if let conflicts = try reader.settleDuplicates(inputs) {
                conflicts.forEach { hold($0) }
            } else {
                // Two ids shared a 64-bit hash: read again, keeping every id.
                end = .unsorted(lines: reader.counts.lines)
            }
        }

        if case let .unsorted(lines) = end, pass.late == nil {
            var exact = EventReader(rereading: reader, reportedLines: lines)
            var records = deferred
            _ = try exact.read(inputs, onRecord: { record, _ in records.append(record) }, onRejection: { hold($0) })
            records.sort { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
            pass = ReplayPass(base: base, sink: emptySink, options: options, baseEnd: start.end)
            for record in records { pass.apply(record) }
            reader = exact
        }
        if let late = pass.late {
            reader.finish()
            return .late(late)
        }

        var counts = start.snapshot?.counts ?? EventCounts()
        counts.lines += reader.counts.lines
        counts.duplicates += reader.counts.duplicates
        counts.rejected += reader.counts.rejected + pass.violations.count
        counts.applied += pass.applied
        // Their lines are read again a few thousand at a time, not all at once.
        for first in stride(from: 0, to: pass.violations.count, by: 4096) {
            let batch = pass.violations[first..<min(first + 4096, pass.violations.count)]
            let lines = try reader.catalog.reread(batch.map(\.record.location))
            for ((record, breach), line) in zip(batch, lines) {
                hold(Rejection(
                    location: reader.catalog.location(record.location), eventID: line.eventID,
                    account: reader.symbols.name(record.account), time: Timestamp(secondsSinceEpoch: record.time),
                    reason: .rule(breach.violation(of: record, reader.symbols)), originalLine: line.bytes))
            }
        }
        // A close's rejected lines dated after its month hold later invoices.
        for rejection in start.snapshot?.carriedRejections ?? [] { hold(rejection) }
        var captured = pass.captured
        order.emit { rejection in
            if let capture = options.capture, captured != nil, let time = rejection.time, time.secondsSinceEpoch >= capture {
                if case .rule = rejection.reason {} else { captured?.carriedRejections.append(rejection) }
            }
            onRejection(rejection)
        }
        reader.finish()
        var replayed = Replayed(reader: reader, state: pass.replayer.state, counts: counts, meter: nil, captured: captured)
        replayed.lateRecords = pass.lateRecords
        if options.keepingRecords {
            replayed.records = pass.records
            replayed.violated = Dictionary(pass.violations.map { ($0.record.sequence, $0.breach.violation(of: $0.record, reader.symbols)) },
                                           uniquingKeysWith: { first, _ in first })
        }
        return .replayed(replayed, pass.sink)
    }
}

/// One pass of the replay over records in order of time: applies them,
/// feeds the sink, counts, keeps the rule violations, and takes the
/// platform at the capture instant and the events after it.
struct ReplayPass<Sink: AllocationSink> {
    var replayer: Replayer
    var sink: Sink
    let options: ReplayOptions
    /// The end of the close the replay starts from: an event before it is late.
    let baseEnd: Int64?
    var applied = 0
    var violations: [(record: EventRecord, breach: RuleBreach)] = []
    var captured: Captured?
    /// The earliest late event's time, if any.
    var late: Int64?
    /// Every record applied (or held back by `until`), when keeping records.
    var records: [EventRecord] = []
    /// The late events applied, when the options give a ``LateWindow``.
    var lateRecords: [EventRecord] = []

    init(base: PlatformState, sink: Sink, options: ReplayOptions, baseEnd: Int64?) {
        replayer = Replayer(state: base)
        self.sink = sink
        self.options = options
        self.baseEnd = baseEnd
    }

    mutating func apply(_ record: EventRecord) {
        if let baseEnd, record.time < baseEnd {
            late = min(late ?? record.time, record.time)
            return
        }
        guard late == nil else { return }
        if options.keepingRecords { records.append(record) }
        var after = false
        if let capture = options.capture, record.time >= capture {
            if captured == nil { captured = Captured(state: replayer.state, deferred: []) }
            captured?.deferred.append(record)
            after = true
        }
        if let until = options.until, record.time >= until { return }
        if let breach = replayer.apply(record, emit: { sink.record($0) }) {
            violations.append((record, breach))
            if after { captured?.violatedAfter += 1 }
        } else {
            applied += 1
            if after { captured?.appliedAfter += 1 }
            if let late = options.late, late.contains(record) { lateRecords.append(record) }
        }
    }
}
