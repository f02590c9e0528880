/// What a close records about itself in its `close.json` (README, "Closing a
/// month"): the month, when it was closed, what it read of each input (to
/// refuse a log whose closed part changed, SPEC §7.2), and the figures a
/// later run needs to decide where to start from.
struct CloseRecord: Codable, Sendable, Equatable {
    /// The books' format version this close was written in.
    var format: Int
    /// The month closed, `YYYY-MM`.
    var month: String
    /// When it was closed (the clock or `--at`), RFC 3339.
    var closedAt: String
    /// What the close read of each input, in input order.
    var inputs: [ClosedInput]
    /// The earliest time of the late events this close took in (events dated
    /// before the end of the month closed before it that were not in the log
    /// then), in seconds since the epoch; `nil` when there were none. A
    /// snapshot of an earlier close is good to start from only when no later
    /// close took in a late event dated before its end.
    var lateFrom: Int64?
    /// How many ids `ids.bin` lists.
    var ids: Int
    /// How every line read up to this close was accounted for.
    var events: EventCounts

    /// The month closed.
    var period: BillingPeriod? { BillingPeriod(month) }

    enum CodingKeys: String, CodingKey {
        case format, month, inputs, ids, events
        case closedAt = "closed_at"
        case lateFrom = "late_from"
    }
}

/// What a close read of one input.
struct ClosedInput: Codable, Sendable, Equatable {
    /// The input as given on the command line.
    var name: String
    /// Bytes read: the input must still begin with exactly these.
    var bytes: Int64
    /// Lines in those bytes, blank ones included.
    var lines: Int
    /// The size of the blocks hashed.
    var blockSize: Int
    /// One ``ContentHash`` per block of the bytes read, as lower-case hex.
    var blockHashes: [String]

    enum CodingKeys: String, CodingKey {
        case name, bytes, lines
        case blockSize = "block_size"
        case blockHashes = "block_hashes"
    }
}
