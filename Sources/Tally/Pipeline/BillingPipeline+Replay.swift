extension BillingPipeline {
    /// Stages 1 and 2, streamed into one another: reads `inputs` and replays
    /// their events in order of time, same-second events in input order
    /// (SPEC §2.1), feeding every allocation change to the meter `metering`
    /// asks for.
    ///
    /// A log in time order (the normal case: logs are appended as things
    /// happen) is replayed line by line as it is read; memory holds the
    /// platform's state and the ids seen, never the events. At the first event
    /// earlier than the one before it, the replay starts over: the log is read
    /// again whole, its records (56 bytes an event) sorted and replayed, and
    /// the meter starts again from its empty value. The caller never sees the
    /// first attempt.
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
    ///   - onRejection: receives each rejected line once: lines rejected while
    ///     reading as they are found, then events that break a rule of SPEC
    ///     §2.2, in order of time, once the whole log is read.
    /// - Throws: ``RunError/input(_:)`` when an input can't be read.
    func replay(_ inputs: [EventInput], until: Int64? = nil, metering request: MeterRequest? = nil,
                keepingEveryID: Bool = false, indexingAccounts: Bool = false,
                onRejection: (Rejection) -> Void) throws(RunError) -> Replayed {
        var reader = EventReader(streaming: true, keepingEveryID: keepingEveryID, foundationOnly: foundationOnly,
                                 locatedLimit: locatedLimit)
        // The accounts a meter is asked for get their symbols before the read.
        for account in request?.accounts ?? [] { _ = reader.symbols.intern(account.text, as: AccountKind.self) }
        let meter = request?.meter(rateCards: rateCards, symbols: reader.symbols)
        do {
            var (replayed, sink) = try replay(inputs, reader: reader, until: until, into: meter,
                                              indexingAccounts: indexingAccounts, onRejection: onRejection)
            replayed.meter = sink
            return replayed
        } catch {
            throw .input(error)
        }
    }

    /// Stages 1 and 2 feeding any sink of allocation changes (the meter, or a
    /// test's recorder); see ``replay(_:until:metering:keepingEveryID:onRejection:)``.
    func replay<Sink: AllocationSink>(_ inputs: [EventInput], reader: EventReader, until: Int64?, into emptySink: Sink,
                                      indexingAccounts: Bool = false,
                                      onRejection: (Rejection) -> Void) throws(InputError) -> (Replayed, Sink) {
        let empty = PlatformState(indexingAccounts: indexingAccounts)
        var reader = reader
        var sink = emptySink
        var replayer = Replayer(state: empty)
        var applied = 0
        var violations: [(record: EventRecord, violation: RuleViolation)] = []
        var end = try reader.read(inputs, onRecord: { record, symbols in
            if let until, record.time >= until { return }
            if let violation = replayer.apply(record, symbols: symbols, emit: { sink.record($0) }) {
                violations.append((record, violation))
            } else {
                applied += 1
            }
        }, onRejection: onRejection)
        if end == .complete {
            if let conflicts = try reader.settleDuplicates(inputs) {
                conflicts.forEach(onRejection)
            } else {
                // Two ids shared a 64-bit hash: read again, keeping every id.
                end = .unsorted(lines: reader.counts.lines)
            }
        }

        if case let .unsorted(lines) = end {
            var exact = EventReader(rereading: reader, reportedLines: lines)
            var records: [EventRecord] = []
            _ = try exact.read(inputs, onRecord: { record, _ in records.append(record) }, onRejection: onRejection)
            records.sort { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
            replayer = Replayer(state: empty)
            sink = emptySink
            applied = 0
            violations = []
            for record in records {
                if let until, record.time >= until { break }
                if let violation = replayer.apply(record, symbols: exact.symbols, emit: { sink.record($0) }) {
                    violations.append((record, violation))
                } else {
                    applied += 1
                }
            }
            reader = exact
        }

        var counts = reader.counts
        counts.applied = applied
        counts.rejected += violations.count
        // Their lines are read again a few thousand at a time, not all at once.
        for start in stride(from: 0, to: violations.count, by: 4096) {
            let batch = violations[start..<min(start + 4096, violations.count)]
            let lines = try reader.catalog.reread(batch.map(\.record.location))
            for ((record, violation), line) in zip(batch, lines) {
                onRejection(Rejection(
                    location: reader.catalog.location(record.location), eventID: line.eventID,
                    account: reader.symbols.name(record.account), time: Timestamp(secondsSinceEpoch: record.time),
                    reason: .rule(violation), originalLine: line.bytes))
            }
        }
        reader.finish()
        return (Replayed(reader: reader, state: replayer.state, counts: counts, meter: nil), sink)
    }
}
