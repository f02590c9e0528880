extension MonthSummary {
    /// The summary as one JSON document (keys sorted, the same bytes on every
    /// run): `period`, `currency`; `invoices` with `issued`, `held`, `billed`
    /// (each `count`, `mb_seconds`, `mb_hours`, `amount`) and
    /// `held_accounts_without_invoice`; `lines`; `by_flavor` and
    /// `by_service_type` (each `name`, `lines`, `mb_seconds`, `mb_hours`,
    /// `amount`; SSL edges are not in `by_service_type`); `ssl_edges` (`edges`,
    /// `lines`, `mb_seconds`, `mb_hours`, `amount`,
    /// `edges_without_application`, `amount_without_application`);
    /// `largest_invoices` (`number`, `account`, `status`, `lines`, `total`);
    /// `events`. When the invoices carry adjustments of closed months (SPEC
    /// §7.3), also `usage` (the month's own lines: `lines`, `mb_seconds`,
    /// `mb_hours`, `amount`) and `adjustments` (one per month corrected,
    /// earliest first: `month`, `lines`, `mb_seconds`, `mb_hours`, `amount`,
    /// possibly negative); `lines`, `by_flavor`, `by_service_type` and
    /// `ssl_edges` then count the month's own lines, which add up to `usage`,
    /// and `usage` plus the adjustments is `invoices.billed`. Amounts are
    /// decimal strings, MB-seconds exact integers, MB-hours 3-decimal strings
    /// for display.
    public func json() -> String {
        func invoices(_ group: Group) -> SummaryInvoicesDocument {
            SummaryInvoicesDocument(count: group.count, mbSeconds: group.mbSeconds,
                                    mbHours: NumberText.mbHours(group.mbSeconds, grouping: false), amount: group.amount.description)
        }
        func lines(_ group: Group) -> SummaryGroupDocument {
            SummaryGroupDocument(name: group.name, lines: group.count, mbSeconds: group.mbSeconds,
                                 mbHours: NumberText.mbHours(group.mbSeconds, grouping: false), amount: group.amount.description)
        }
        return ReportText.json(SummaryDocument(
            period: period.description, currency: currency.code,
            invoices: .init(issued: invoices(issued), held: invoices(held), billed: invoices(billed),
                            heldAccountsWithoutInvoice: heldAccountsWithoutInvoice),
            lines: lineCount, byFlavor: byFlavor.map(lines), byServiceType: byServiceType.map(lines),
            sslEdges: .init(edges: sslEdges.edges, lines: sslEdges.lines, mbSeconds: sslEdges.mbSeconds,
                            mbHours: NumberText.mbHours(sslEdges.mbSeconds, grouping: false), amount: sslEdges.amount.description,
                            edgesWithoutApplication: sslEdges.edgesWithoutApplication,
                            amountWithoutApplication: sslEdges.amountWithoutApplication.description),
            usage: adjustments.isEmpty ? nil : .init(lines: usage.count, mbSeconds: usage.mbSeconds,
                                                     mbHours: NumberText.mbHours(usage.mbSeconds, grouping: false),
                                                     amount: usage.amount.description),
            adjustments: adjustments.isEmpty ? nil : adjustments.map {
                .init(month: $0.name, lines: $0.count, mbSeconds: $0.mbSeconds,
                      mbHours: NumberText.mbHours($0.mbSeconds, grouping: false), amount: $0.amount.description)
            },
            largestInvoices: largestInvoices.map {
                .init(number: $0.number, account: $0.account.text, status: $0.status, lines: $0.lineCount, total: $0.total.description)
            },
            events: events))
    }
}

struct SummaryDocument: Encodable {
    struct Invoices: Encodable {
        var issued: SummaryInvoicesDocument
        var held: SummaryInvoicesDocument
        var billed: SummaryInvoicesDocument
        var heldAccountsWithoutInvoice: Int

        enum CodingKeys: String, CodingKey {
            case issued, held, billed
            case heldAccountsWithoutInvoice = "held_accounts_without_invoice"
        }
    }

    struct Edges: Encodable {
        var edges: Int
        var lines: Int
        var mbSeconds: Int64
        var mbHours: String
        var amount: String
        var edgesWithoutApplication: Int
        var amountWithoutApplication: String

        enum CodingKeys: String, CodingKey {
            case edges, lines, amount
            case mbSeconds = "mb_seconds"
            case mbHours = "mb_hours"
            case edgesWithoutApplication = "edges_without_application"
            case amountWithoutApplication = "amount_without_application"
        }
    }

    struct Usage: Encodable {
        var lines: Int
        var mbSeconds: Int64
        var mbHours: String
        var amount: String

        enum CodingKeys: String, CodingKey {
            case lines, amount
            case mbSeconds = "mb_seconds"
            case mbHours = "mb_hours"
        }
    }

    struct Adjustment: Encodable {
        var month: String
        var lines: Int
        var mbSeconds: Int64
        var mbHours: String
        var amount: String

        enum CodingKeys: String, CodingKey {
            case month, lines, amount
            case mbSeconds = "mb_seconds"
            case mbHours = "mb_hours"
        }
    }

    struct Ranked: Encodable {
        var number: String
        var account: String
        var status: InvoiceStatus
        var lines: Int
        var total: String
    }

    var period: String
    var currency: String
    var invoices: Invoices
    var lines: Int
    var byFlavor: [SummaryGroupDocument]
    var byServiceType: [SummaryGroupDocument]
    var sslEdges: Edges
    /// Present only when there are adjustments.
    var usage: Usage?
    /// Present only when there are adjustments.
    var adjustments: [Adjustment]?
    var largestInvoices: [Ranked]
    var events: EventCounts

    enum CodingKeys: String, CodingKey {
        case period, currency, invoices, lines, events, usage, adjustments
        case byFlavor = "by_flavor"
        case byServiceType = "by_service_type"
        case sslEdges = "ssl_edges"
        case largestInvoices = "largest_invoices"
    }
}

struct SummaryInvoicesDocument: Encodable {
    var count: Int
    var mbSeconds: Int64
    var mbHours: String
    var amount: String

    enum CodingKeys: String, CodingKey {
        case count, amount
        case mbSeconds = "mb_seconds"
        case mbHours = "mb_hours"
    }
}

struct SummaryGroupDocument: Encodable {
    var name: String
    var lines: Int
    var mbSeconds: Int64
    var mbHours: String
    var amount: String

    enum CodingKeys: String, CodingKey {
        case name, lines, amount
        case mbSeconds = "mb_seconds"
        case mbHours = "mb_hours"
    }
}
