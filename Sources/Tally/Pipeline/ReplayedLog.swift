/// The event log read and replayed: the shared first half of every run
/// (month-end, account view, reports). Reads the inputs, orders the events by
/// time then input order (SPEC §2.1), replays them, and hands every allocation
/// change to `onChange` in order of time.
struct ReplayedLog {
    var reader: EventReader
    var replayer = Replayer()
    var counts: EventCounts

    /// Reads and replays `inputs`.
    ///
    /// - Parameters:
    ///   - until: when given, only events before this second are replayed (a
    ///     view of the platform at an instant); later ones are read and checked
    ///     for field rules but neither applied nor counted as applied.
    ///   - foundationOnly: parse every line with Foundation (for comparisons).
    ///   - onChange: receives each allocation change, in order of time.
    ///   - onRejection: receives each rejected line as it is found.
    /// - Throws: ``InputError`` when an input can't be read.
    init(
        _ inputs: [EventInput], until: Int64? = nil, foundationOnly: Bool = false,
        onChange: (AllocationChange) -> Void,
        onRejection: (Rejection) -> Void
    ) throws(InputError) {
        reader = EventReader(foundationOnly: foundationOnly)
        var records: [EventRecord] = []
        try reader.read(inputs, onRecord: { records.append($0) }, onRejection: onRejection)
        var isSorted = true
        for index in records.indices.dropFirst() where records[index].time < records[index - 1].time {
            isSorted = false
            break
        }
        if !isSorted {
            records.sort { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
        }
        counts = reader.counts
        for record in records {
            if let until, record.time >= until { break }
            if let violation = replayer.apply(record, symbols: reader.symbols, emit: onChange) {
                counts.rejected += 1
                onRejection(Self.rejection(of: record, violation, reader: reader))
            } else {
                counts.applied += 1
            }
        }
        reader.finish()
    }

    /// The rejection of a replayed event, its line read again for its id.
    static func rejection(of record: EventRecord, _ violation: RuleViolation, reader: EventReader) -> Rejection {
        let original = reader.catalog.reread(record.location)
        return Rejection(
            location: reader.catalog.location(record.location), eventID: original.eventID,
            account: reader.symbols.name(record.account), time: Timestamp(secondsSinceEpoch: record.time),
            reason: .rule(violation), originalLine: original.bytes)
    }
}
