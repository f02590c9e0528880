/// Where a replay starts (stages 1 and 2): an empty platform and the start of
/// every input, or a close's snapshot with where each input was left and the
/// ids of the closed months (SPEC §7: a run with books reads what was appended
/// since the last close plus what the books keep).
struct ReplayStart {
    /// The close's snapshot, or `nil` for an empty platform.
    var snapshot: Snapshot?
    /// The ids of the closes up to the snapshot's.
    var closedIDs: ClosedIDs?
    /// Where to read on in each input the close read, by input index: its
    /// offset and the lines before it.
    var readFrom: [Int: (offset: Int64, lines: Int)] = [:]
    /// Where to stop in each input, by input index, to read the log as a
    /// later close read it (the offset of the first byte that close did not
    /// read); inputs not listed are read to their end.
    var readTo: [Int: Int64] = [:]

    /// An empty platform; every input read whole.
    static let empty = ReplayStart()

    /// The instant the snapshot is of; events before it are in it.
    var end: Int64? { snapshot?.end }
}

/// What a replay does besides replaying.
struct ReplayOptions {
    /// Apply only events before this second (the platform at an instant).
    var until: Int64?
    /// Keep the platform at this instant, with what follows it unsettled:
    /// the snapshot of a month being closed.
    var capture: Int64?
    /// Remember the first line of every id however long the log.
    var keepingEveryID = false
    /// Keep each account's applications and edges (views of one account).
    var indexingAccounts = false
    /// Keep every id registered with its first line (for the books).
    var recordingIDs = false
    /// Leave a last line without newline for later (following a log).
    var completeLinesOnly = false
    /// Keep every event replayed (from the start's end on), in the order
    /// applied, so that a later event dated before them can be replayed in
    /// its place (the ticket service's ledger).
    var keepingRecords = false
    /// Read the log once holding its records and sort them, without trying
    /// to stream it first: a log known to hold late events (SPEC §7.3),
    /// which follow events later than them, is never in time order.
    var sortingFirst = false
    /// The events that are late for the last close (SPEC §7.3), to keep
    /// those applied (``Replayed/lateRecords``); `nil` without a close.
    var late: LateWindow?
}

/// What makes an event late for the last close (SPEC §7.3): dated before the
/// end of the last closed month, and not in the log when that month was
/// closed: in an input that close did not read, or after what it read of one.
struct LateWindow: Sendable {
    /// The first second after the last closed month.
    var before: Int64
    /// Bytes the last close read of each input, by input index.
    var readBy: [Int64]

    /// The window of `close`, the last close.
    init(_ close: CloseRecord) {
        before = close.period?.end.secondsSinceEpoch ?? Int64.min
        readBy = close.inputs.map(\.bytes)
    }

    /// Whether `record` is late for that close.
    func contains(_ record: EventRecord) -> Bool {
        guard record.time < before else { return false }
        let source = Int(record.location.source)
        return source >= readBy.count || record.location.offset >= readBy[source]
    }
}

/// The platform kept at an instant (``ReplayOptions/capture``) and what
/// followed it in the log: a close's snapshot before its ids and names.
struct Captured {
    var state: PlatformState
    /// Events dated at or after the instant, in input order.
    var deferred: [EventRecord]
    /// Of the replay's applied and rule-rejected events, those dated at or
    /// after the instant (their outcome is left to the next run).
    var appliedAfter = 0
    var violatedAfter = 0
    /// Lines rejected while reading that are dated at or after the instant.
    var carriedRejections: [Rejection] = []
}
