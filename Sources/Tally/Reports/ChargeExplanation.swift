/// Why an account was charged what it was (`tally explain`, README "Reports for
/// operators"): for each explained line
/// of its invoice, every interval of constant reserved memory that made it up,
/// the events that opened and closed each interval, the rate card, and the
/// arithmetic from MB-seconds to the rounded amount. The intervals of a line
/// add up to its MB-seconds exactly. An adjustment line of a closed month
/// (SPEC §7.3) is explained by the month it corrects, its due and billed
/// figures, and the late events that touched its line (README, "Closing a
/// month"). Render with ``text()`` or ``json()``.
public struct ChargeExplanation: Report, Hashable {
    /// The account.
    public let account: AccountName
    /// The billing period.
    public let period: BillingPeriod
    /// The currency of every amount.
    public let currency: Currency
    /// The invoice explained, `INV-YYYYMM-<account>`.
    public let invoiceNumber: String
    /// The invoice's status (README, "Bad input, held invoices and strict mode").
    public let status: InvoiceStatus
    /// How many of the account's rejected lines hold the invoice (README,
    /// "Bad input"); 0 when it is final.
    public let rejectedLineCount: Int
    /// How many lines the invoice has (explained or not).
    public let invoiceLineCount: Int
    /// The lines explained, in invoice order.
    public let lines: [Line]
    /// How every line of the log was accounted for.
    public let events: EventCounts

    /// One invoice line and what made it up.
    public struct Line: Sendable, Hashable {
        /// The line's position on the invoice, from 1 (as `--line` counts).
        public let number: Int
        /// The line as the invoice shows it.
        public let item: LineItem
        /// Its intervals, earliest first; none for an adjustment line (SPEC
        /// §7.3), which is explained by ``adjustment`` instead.
        public let intervals: [Interval]
        /// For an adjustment line explained with the books: what it is the
        /// difference of and the late events behind it; `nil` otherwise.
        public let adjustment: Adjustment?

        /// A line with its intervals, and for an adjustment line its figures.
        init(number: Int, item: LineItem, intervals: [Interval], adjustment: Adjustment? = nil) {
            self.number = number
            self.item = item
            self.intervals = intervals
            self.adjustment = adjustment
        }

        /// The sum of the intervals' MB-seconds; equals `item.mbSeconds`.
        public var intervalMBSeconds: Int64 { intervals.reduce(0) { $0 + $1.mbSeconds } }

        /// `mbSeconds × unitPrice ÷ 3600` before rounding, exact (see
        /// ``UnitPrice/exactAmountText(forMBSeconds:minimumFractionDigits:grouping:)``).
        /// For an adjustment line, its amount as it is: an adjustment is the
        /// difference of two rounded amounts, never computed from its
        /// MB-seconds nor rounded again (SPEC §7.3).
        public func exactAmountText(grouping: Bool) -> String {
            if item.isAdjustment { return item.amount.formatted(grouping: grouping) }
            return item.unitPrice.exactAmountText(forMBSeconds: item.mbSeconds,
                                           minimumFractionDigits: item.amount.currency.minorUnitExponent,
                                           grouping: grouping)
        }
    }

    /// What an adjustment line (SPEC §7.3) is the difference of, and the late
    /// events taken to cause it (README, "Closing a month": late events of
    /// the account, dated before the end of the corrected month, of the
    /// line's service or domain or of its application as a whole).
    public struct Adjustment: Sendable, Hashable {
        /// MB-seconds SPEC §3 gives for the corrected month and the line's key
        /// from the whole log now.
        public let dueMBSeconds: Int64
        /// The amount due, rounded once as any line.
        public let due: Money
        /// MB-seconds billed for them: the issued line plus every adjustment
        /// of that month issued since (0 when there was none).
        public let billedMBSeconds: Int64
        /// The amount billed for them.
        public let billed: Money
        /// The late events that touched the line, in order of time.
        public let lateEvents: [LateEvent]
    }

    /// An event that reached the log after the close of the month it is
    /// dated in, or of a later month (SPEC §7.3).
    public struct LateEvent: Sendable, Hashable {
        /// Its id and where it was read.
        public let event: EventReference
        /// Its `type`.
        public let type: EventType
        /// Its `time`, UTC.
        public let time: Timestamp
    }

    /// A stretch of time over which the line's resource held one allocation
    /// under one flavor and one rate card.
    public struct Interval: Sendable, Hashable {
        /// First second counted (included).
        public let from: Timestamp
        /// First second not counted.
        public let to: Timestamp
        /// Instances (1 for an SSL edge).
        public let instances: Int
        /// MB per instance (the card's `ssl_edge_memory_mb` for an SSL edge).
        public let memoryMB: Int
        /// instances × memoryMB × seconds, exact.
        public let mbSeconds: Int64
        /// What started the interval.
        public let start: Start
        /// What ended it.
        public let end: End

        /// Whole seconds from `from` to `to`.
        public var seconds: Int64 { to.secondsSinceEpoch - from.secondsSinceEpoch }
    }

    /// An event of the log: its `id` and where it was read.
    public struct EventReference: Sendable, Hashable, CustomStringConvertible {
        /// The event's id, `nil` when its line can no longer be read or parsed.
        public let eventID: EventID?
        /// Its file and line.
        public let location: SourceLocation

        /// `ID at FILE:LINE`, with `-` for an unreadable id.
        public var description: String { "\(eventID?.text ?? "-") at \(location)" }
    }

    /// What started an interval.
    public enum Start: Sendable, Hashable {
        /// The event set the allocation at the interval's first second.
        case event(EventReference)
        /// The event set it before the period, which cuts it at its first second.
        case beforeTheMonth(EventReference)
        /// The event set it earlier; a new rate card took effect at this second.
        case rateCardChange(EventReference)

        /// The event that set the allocation.
        public var event: EventReference {
            switch self {
            case let .event(event), let .beforeTheMonth(event), let .rateCardChange(event): event
            }
        }
    }

    /// What ended an interval.
    public enum End: Sendable, Hashable {
        /// The event changed or ended the allocation at the interval's last second + 1.
        case event(EventReference)
        /// The event ended it after the period, which cuts it at its end.
        case afterTheMonth(EventReference)
        /// The allocation was still held when the period ended.
        case monthEnd
        /// A new rate card took effect; the next interval goes on under it.
        case rateCardChange

        /// The event that ended the allocation, if one did.
        public var event: EventReference? {
            switch self {
            case let .event(event), let .afterTheMonth(event): event
            case .monthEnd, .rateCardChange: nil
            }
        }
    }
}
