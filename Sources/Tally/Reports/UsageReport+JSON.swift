extension UsageReport {
    /// The report as one JSON document (keys sorted, the same bytes on every
    /// run): `account`, `period`, `currency`, `invoice`, `status` (absent when
    /// there is no invoice), `rejected_lines`, `rows` — each with `kind`,
    /// `application`, `service`, `service_type`, `domain`, `peak_mb`,
    /// `mb_seconds` (exact), `mb_hours` (3 decimals, display only), `amount`
    /// and `days`: per day its `date`, `mb_seconds`, `mb_hours` and `peak_mb` —
    /// then the totals `mb_seconds`, `mb_hours`, `total`, and `events`. When
    /// the invoice carries adjustment lines of closed months (SPEC §7.3),
    /// `adjustments` lists them, without days, each as `tally invoice
    /// --format json` writes it (with `adjusts`, the month it corrects, and
    /// `line_id`); the totals count them, so `rows` and `adjustments` add up
    /// to `mb_seconds` and `total`.
    public func json() -> String {
        ReportText.json(UsageDocument(
            account: account.text, period: period.description, currency: currency.code, invoice: invoiceNumber,
            status: status, rejectedLines: rejectedLineCount,
            rows: rows.map { row in
                UsageRowDocument(
                    kind: row.kind, application: row.application.text, service: row.service?.text,
                    serviceType: row.serviceType?.text, domain: row.domain?.text, peakMB: row.peakMB,
                    mbSeconds: row.mbSeconds, mbHours: NumberText.mbHours(row.mbSeconds, grouping: false),
                    amount: row.amount.description,
                    days: row.dailyMBSeconds.indices.map { index in
                        UsageDayDocument(
                            date: String(period.start.adding(seconds: Int64(index) * CivilCalendar.secondsPerDay).description.prefix(10)),
                            mbSeconds: row.dailyMBSeconds[index],
                            mbHours: NumberText.mbHours(row.dailyMBSeconds[index], grouping: false),
                            peakMB: row.dailyPeakMB[index])
                    })
            },
            adjustments: adjustments.isEmpty ? nil : adjustments.map { LineDocument($0, invoiceNumber: invoiceNumber) },
            mbSeconds: mbSeconds, mbHours: NumberText.mbHours(mbSeconds, grouping: false), total: total.description,
            events: events))
    }
}

struct UsageDocument: Encodable {
    var account: String
    var period: String
    var currency: String
    var invoice: String
    var status: InvoiceStatus?
    var rejectedLines: Int
    var rows: [UsageRowDocument]
    /// Present only when the invoice has adjustment lines.
    var adjustments: [LineDocument]?
    var mbSeconds: Int64
    var mbHours: String
    var total: String
    var events: EventCounts

    enum CodingKeys: String, CodingKey {
        case account, period, currency, invoice, status, rows, total, events, adjustments
        case rejectedLines = "rejected_lines"
        case mbSeconds = "mb_seconds"
        case mbHours = "mb_hours"
    }
}

struct UsageRowDocument: Encodable {
    var kind: LineItem.Kind
    var application: String
    var service: String?
    var serviceType: String?
    var domain: String?
    var peakMB: Int64
    var mbSeconds: Int64
    var mbHours: String
    var amount: String
    var days: [UsageDayDocument]

    enum CodingKeys: String, CodingKey {
        case kind, application, service, domain, amount, days
        case serviceType = "service_type"
        case peakMB = "peak_mb"
        case mbSeconds = "mb_seconds"
        case mbHours = "mb_hours"
    }
}

struct UsageDayDocument: Encodable {
    var date: String
    var mbSeconds: Int64
    var mbHours: String
    var peakMB: Int64

    enum CodingKeys: String, CodingKey {
        case date
        case mbSeconds = "mb_seconds"
        case mbHours = "mb_hours"
        case peakMB = "peak_mb"
    }
}
