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
    /// One ``ContentHash`` per block of the bytes read; written as
    /// lower-case hex strings.
    var blockHashes: [UInt64]
    /// The file's stamp when its blocks were known to match the hashes, if
    /// it had settled: the next run hashes it again only when it differs.
    var stamp: FileStamp?

    enum CodingKeys: String, CodingKey {
        case name, bytes, lines, stamp
        case blockSize = "block_size"
        case blockHashes = "block_hashes"
    }

    init(name: String, bytes: Int64, lines: Int, blockSize: Int, blockHashes: [UInt64], stamp: FileStamp? = nil) {
        self.name = name
        self.bytes = bytes
        self.lines = lines
        self.blockSize = blockSize
        self.blockHashes = blockHashes
        self.stamp = stamp
    }

    /// Reads what ``encode(to:)`` writes.
    ///
    /// - Throws: `DecodingError` for a missing field, or a block hash that is not hex.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        bytes = try container.decode(Int64.self, forKey: .bytes)
        lines = try container.decode(Int.self, forKey: .lines)
        blockSize = try container.decode(Int.self, forKey: .blockSize)
        var hashes = try container.nestedUnkeyedContainer(forKey: .blockHashes)
        var values: [UInt64] = []
        values.reserveCapacity(hashes.count ?? 0)
        while !hashes.isAtEnd {
            let text = try hashes.decode(String.self)
            guard let value = UInt64(text, radix: 16) else {
                throw DecodingError.dataCorruptedError(in: hashes, debugDescription: "not a block hash: \(Printable.quoted(text))")
            }
            values.append(value)
        }
        blockHashes = values
        stamp = try container.decodeIfPresent(FileStamp.self, forKey: .stamp)
    }

    /// Writes the input with its block hashes as lower-case hex strings.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(lines, forKey: .lines)
        try container.encode(blockSize, forKey: .blockSize)
        try container.encode(blockHashes.map { String($0, radix: 16) }, forKey: .blockHashes)
        try container.encodeIfPresent(stamp, forKey: .stamp)
    }
}
