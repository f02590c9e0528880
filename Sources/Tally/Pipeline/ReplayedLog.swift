/// The event log read and replayed: the shared first half of every run
/// (month-end, account views, reports). Events take effect in order of time,
/// same-second events in input order (SPEC §2.1).
///
/// A log in time order (the normal case) is replayed in one pass as it is
/// read, holding only the platform's state, never the events (issue 6). At
/// the first event earlier than the one before it, the pass stops, the
/// consumer is told to start over (`onRestart`), and the log is read again
/// whole, its records (56 bytes an event) sorted and replayed.
struct ReplayedLog {
    var reader: EventReader
    var replayer = Replayer()
    var counts: EventCounts
    /// Whether the log was out of time order, so read twice and sorted.
    private(set) var neededSorting: Bool

    /// Reads and replays `inputs`.
    ///
    /// - Parameters:
    ///   - until: when given, only events before this second are replayed (a
    ///     view of the platform at an instant); later ones are read and checked
    ///     for field rules but neither applied nor counted as applied.
    ///   - keepingEveryID: remember the first line of every id however long
    ///     the log (see ``DuplicateRegistry``), e.g. to read more events after.
    ///   - foundationOnly: parse every line with Foundation (for comparisons).
    ///   - locatedLimit: for tests, when the id registry starts keeping only hashes.
    ///   - onChange: receives each allocation change, in order of time.
    ///   - onRestart: called when the log turns out not to be in time order,
    ///     before the changes are given again from the start: forget the
    ///     changes received so far.
    ///   - onRejection: receives each rejected line once: lines rejected while
    ///     reading as they are found, then events that break a rule of SPEC
    ///     §2.2, in order of time, once the whole log is read.
    /// - Throws: ``InputError`` when an input can't be read.
    init(
        _ inputs: [EventInput], until: Int64? = nil, keepingEveryID: Bool = false, foundationOnly: Bool = false,
        locatedLimit: Int = DuplicateRegistry.locatedLimit,
        onChange: (AllocationChange) -> Void,
        onRestart: () -> Void,
        onRejection: (Rejection) -> Void
    ) throws(InputError) {
        var streaming = EventReader(streaming: true, keepingEveryID: keepingEveryID, foundationOnly: foundationOnly,
                                    locatedLimit: locatedLimit)
        var replayer = Replayer()
        var applied = 0
        var violations: [(record: EventRecord, violation: RuleViolation)] = []
        var end = try streaming.read(inputs, onRecord: { record, symbols in
            if let until, record.time >= until { return }
            if let violation = replayer.apply(record, symbols: symbols, emit: onChange) {
                violations.append((record, violation))
            } else {
                applied += 1
            }
        }, onRejection: onRejection)
        if end == .complete {
            if let conflicts = try streaming.settleDuplicates(inputs) {
                conflicts.forEach(onRejection)
            } else {
                // Two ids shared a 64-bit hash: read again, keeping every id.
                end = .unsorted(lines: streaming.counts.lines)
            }
        }

        if case let .unsorted(lines) = end {
            onRestart()
            var exact = EventReader(rereading: streaming, reportedLines: lines)
            var records: [EventRecord] = []
            _ = try exact.read(inputs, onRecord: { record, _ in records.append(record) }, onRejection: onRejection)
            records.sort { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
            replayer = Replayer()
            applied = 0
            violations = []
            for record in records {
                if let until, record.time >= until { break }
                if let violation = replayer.apply(record, symbols: exact.symbols, emit: onChange) {
                    violations.append((record, violation))
                } else {
                    applied += 1
                }
            }
            streaming = exact
            neededSorting = true
        } else {
            neededSorting = false
        }

        reader = streaming
        self.replayer = replayer
        counts = streaming.counts
        counts.applied = applied
        counts.rejected += violations.count
        // Their lines are read again a few thousand at a time, not all at once.
        for start in stride(from: 0, to: violations.count, by: 4096) {
            let batch = violations[start..<min(start + 4096, violations.count)]
            let lines = try streaming.catalog.reread(batch.map(\.record.location))
            for ((record, violation), line) in zip(batch, lines) {
                onRejection(Self.rejection(of: record, violation, line: line, reader: streaming))
            }
        }
        streaming.finish()
    }

    /// The rejection of a replayed event, its line read again for its id.
    static func rejection(of record: EventRecord, _ violation: RuleViolation, line original: RereadLine,
                          reader: EventReader) -> Rejection {
        Rejection(
            location: reader.catalog.location(record.location), eventID: original.eventID,
            account: reader.symbols.name(record.account), time: Timestamp(secondsSinceEpoch: record.time),
            reason: .rule(violation), originalLine: original.bytes)
    }
}
