/// A line of the event log that was rejected, with everything an operator needs
/// to find, fix and replay it (SPEC §2.2; README, "Bad input, held invoices and
/// strict mode").
public struct Rejection: Sendable, Hashable, CustomStringConvertible {
    /// The file and line it was read from.
    public let location: SourceLocation
    /// The event's `id` when it could be read and follows its rule.
    public let eventID: String?
    /// The account when it could be read and follows its rule.
    public let account: AccountName?
    /// The event's time when it could be read.
    public let time: Timestamp?
    /// Why it was rejected.
    public let reason: RejectionReason
    /// The line exactly as read, without its LF or CRLF (cut at 1 MiB for an
    /// over-long line).
    public let originalLine: [UInt8]

    /// Makes a rejection.
    public init(location: SourceLocation, eventID: String?, account: AccountName?, time: Timestamp?,
                reason: RejectionReason, originalLine: [UInt8]) {
        self.location = location
        self.eventID = eventID
        self.account = account
        self.time = time
        self.reason = reason
        self.originalLine = originalLine
    }

    /// The same rejection holding `line` as its original line.
    func with(originalLine line: [UInt8]) -> Rejection {
        Rejection(location: location, eventID: eventID, account: account, time: time, reason: reason, originalLine: line)
    }

    /// `FILE:LINE: ID: reason` (README, "Event log and rate cards"), with `-`
    /// when the id is unreadable.
    public var description: String {
        "\(location): \(eventID ?? "-"): \(reason)"
    }
}

/// How every non-blank line read was accounted for (SPEC §6):
/// `lines` = `applied` + `duplicates` + `rejected`.
public struct EventCounts: Sendable, Hashable, Codable {
    /// Non-blank lines read.
    public var lines: Int
    /// Events that took effect.
    public var applied: Int
    /// Exact duplicates of an earlier line's event, ignored (SPEC §2.1).
    public var duplicates: Int
    /// Lines rejected, for any reason.
    public var rejected: Int

    /// Makes counts.
    public init(lines: Int = 0, applied: Int = 0, duplicates: Int = 0, rejected: Int = 0) {
        self.lines = lines
        self.applied = applied
        self.duplicates = duplicates
        self.rejected = rejected
    }

    /// Whether every line is accounted for exactly once.
    public var isBalanced: Bool { lines == applied + duplicates + rejected }
}
