extension ChargeExplanation {
    /// The explanation as one JSON document (keys sorted, the same bytes on
    /// every run): `account`, `period`, `currency`, `invoice`, `status`,
    /// `invoice_lines`, `events` and `lines` — each with `line` (its position
    /// from 1), the invoice line's fields as `tally invoice --format json`
    /// writes them (`kind`, `line_id`, `application`, `service`,
    /// `service_type`, `domain`, `flavor`, `rate_card`, `unit_price`,
    /// `mb_seconds`, `mb_hours`, `amount`) plus `exact_amount` (repeating
    /// digits in parentheses), `rounding`, `rate_card_effective_from` and
    /// `intervals`: `from`, `to`, `seconds`, `instances`, `memory_mb`,
    /// `mb_seconds`, and `start` / `end` with a `reason` (`event`,
    /// `before_the_month`, `after_the_month`, `month_end`, `rate_card_change`)
    /// and, when an event is named, `event` {`id`, `file`, `line`}. An
    /// adjustment line of a closed month (SPEC §7.3) has `adjusts` (the month
    /// it corrects), no `exact_amount` (its amount is due − billed, not
    /// computed from its MB-seconds) and no intervals; explained with the
    /// books, it has `due` and `billed` (each `mb_seconds` and `amount`) and
    /// `late_events`, each with `id`, `file`, `line`, `type` and `time`.
    public func json() -> String {
        ReportText.json(ExplanationDocument(
            account: account.text, period: period.description, currency: currency.code, invoice: invoiceNumber,
            status: status, invoiceLines: invoiceLineCount,
            lines: lines.map { ExplainedLineDocument($0, invoiceNumber: invoiceNumber) }, events: events))
    }
}

struct ExplanationDocument: Encodable {
    var account: String
    var period: String
    var currency: String
    var invoice: String
    var status: InvoiceStatus
    var invoiceLines: Int
    var lines: [ExplainedLineDocument]
    var events: EventCounts

    enum CodingKeys: String, CodingKey {
        case account, period, currency, invoice, status, lines, events
        case invoiceLines = "invoice_lines"
    }
}

struct ExplainedLineDocument: Encodable {
    var line: Int
    var item: LineDocument
    /// `nil` for an adjustment line.
    var exactAmount: String?
    var rounding: RoundingMode
    var rateCardEffectiveFrom: String
    var intervals: [IntervalDocument]
    /// For an adjustment line explained with the books.
    var due: FiguresDocument?
    var billed: FiguresDocument?
    var lateEvents: [LateEventDocument]?

    enum CodingKeys: String, CodingKey {
        case line, rounding, intervals, due, billed
        case exactAmount = "exact_amount"
        case rateCardEffectiveFrom = "rate_card_effective_from"
        case lateEvents = "late_events"
    }

    struct FiguresDocument: Encodable {
        var mbSeconds: Int64
        var amount: String

        enum CodingKeys: String, CodingKey {
            case amount
            case mbSeconds = "mb_seconds"
        }
    }

    struct LateEventDocument: Encodable {
        var id: String?
        var file: String
        var line: Int
        var type: String
        var time: String
    }

    init(_ line: ChargeExplanation.Line, invoiceNumber: String) {
        self.line = line.number
        item = LineDocument(line.item, invoiceNumber: invoiceNumber)
        exactAmount = line.item.isAdjustment ? nil : line.exactAmountText(grouping: false)
        rounding = line.item.rateCard.rounding
        rateCardEffectiveFrom = line.item.rateCard.effectiveFrom.description
        intervals = line.intervals.map(IntervalDocument.init)
        if let adjustment = line.adjustment {
            due = FiguresDocument(mbSeconds: adjustment.dueMBSeconds, amount: adjustment.due.description)
            billed = FiguresDocument(mbSeconds: adjustment.billedMBSeconds, amount: adjustment.billed.description)
            lateEvents = adjustment.lateEvents.map { late in
                LateEventDocument(id: late.event.eventID?.text, file: late.event.location.file, line: late.event.location.line,
                                  type: late.type.rawValue, time: late.time.description)
            }
        }
    }

    /// The invoice line's own fields, as `tally invoice --format json` writes them, then this document's.
    func encode(to encoder: any Encoder) throws {
        try item.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encodeIfPresent(exactAmount, forKey: .exactAmount)
        try container.encode(rounding, forKey: .rounding)
        try container.encode(rateCardEffectiveFrom, forKey: .rateCardEffectiveFrom)
        try container.encode(intervals, forKey: .intervals)
        try container.encodeIfPresent(due, forKey: .due)
        try container.encodeIfPresent(billed, forKey: .billed)
        try container.encodeIfPresent(lateEvents, forKey: .lateEvents)
    }
}

struct IntervalDocument: Encodable {
    struct Boundary: Encodable {
        var reason: String
        var event: EventDocument?
    }

    struct EventDocument: Encodable {
        var id: String?
        var file: String
        var line: Int
    }

    var from: String
    var to: String
    var seconds: Int64
    var instances: Int
    var memoryMB: Int
    var mbSeconds: Int64
    var start: Boundary
    var end: Boundary

    enum CodingKeys: String, CodingKey {
        case from, to, seconds, instances, start, end
        case memoryMB = "memory_mb"
        case mbSeconds = "mb_seconds"
    }

    init(_ interval: ChargeExplanation.Interval) {
        func event(_ reference: ChargeExplanation.EventReference) -> EventDocument {
            EventDocument(id: reference.eventID?.text, file: reference.location.file, line: reference.location.line)
        }
        from = interval.from.description
        to = interval.to.description
        seconds = interval.seconds
        instances = interval.instances
        memoryMB = interval.memoryMB
        mbSeconds = interval.mbSeconds
        switch interval.start {
        case let .event(reference): start = Boundary(reason: "event", event: event(reference))
        case let .beforeTheMonth(reference): start = Boundary(reason: "before_the_month", event: event(reference))
        case let .rateCardChange(reference): start = Boundary(reason: "rate_card_change", event: event(reference))
        }
        switch interval.end {
        case let .event(reference): end = Boundary(reason: "event", event: event(reference))
        case let .afterTheMonth(reference): end = Boundary(reason: "after_the_month", event: event(reference))
        case .monthEnd: end = Boundary(reason: "month_end")
        case .rateCardChange: end = Boundary(reason: "rate_card_change")
        }
    }
}
