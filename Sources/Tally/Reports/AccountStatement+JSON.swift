extension AccountStatement {
    /// The statement as one JSON document (keys sorted, amounts as decimal
    /// strings, `mb_seconds` exact integers, times RFC 3339 UTC):
    /// `account`, `at`, `applications` (`name`, `flavor`, `created_at`,
    /// `reserved_mb`, `services` with `name`, `type`, `instances`,
    /// `memory_mb`, `reserved_mb`, `since`, `domains`), `ssl_edges` (as
    /// ``SSLEdgeList/json()``, without prices), `cost`
    /// (`period`, `currency`, `status`, `month_to_date` and
    /// `expected_month_end`, each with `total` and `lines` as `tally invoice
    /// --format json` writes them) and
    /// `rejected_lines`.
    public func json() -> String {
        ReportText.json(AccountDocument(
            account: view.account.text, at: view.instant.description,
            applications: view.applications.map(ApplicationDocument.init),
            sslEdges: view.sslEdges.map { EdgeDocument($0, hourly: nil) },
            cost: CostDocument(
                period: cost.period.description, currency: cost.currency.code,
                status: view.rejectedLineCount > 0 ? .held : .final,
                monthToDate: .init(total: cost.monthToDateTotal.description, invoice: cost.monthToDate),
                expectedMonthEnd: .init(total: cost.expectedMonthEndTotal.description, invoice: cost.expectedMonthEnd)),
            rejectedLines: view.rejectedLineCount))
    }
}

struct AccountDocument: Encodable {
    var account: String
    var at: String
    var applications: [ApplicationDocument]
    var sslEdges: [EdgeDocument]
    var cost: CostDocument
    var rejectedLines: Int

    enum CodingKeys: String, CodingKey {
        case account, at, applications, cost
        case sslEdges = "ssl_edges"
        case rejectedLines = "rejected_lines"
    }
}

struct ApplicationDocument: Encodable {
    struct Service: Encodable {
        var name: String
        var type: String
        var instances: Int
        var memoryMB: Int
        var reservedMB: Int64
        var since: String
        var domains: [String]

        enum CodingKeys: String, CodingKey {
            case name, type, instances, since, domains
            case memoryMB = "memory_mb"
            case reservedMB = "reserved_mb"
        }
    }

    var name: String
    var flavor: String
    var createdAt: String
    var reservedMB: Int64
    var services: [Service]

    enum CodingKeys: String, CodingKey {
        case name, flavor, services
        case createdAt = "created_at"
        case reservedMB = "reserved_mb"
    }

    init(_ application: ApplicationView) {
        name = application.name.text
        flavor = application.flavor.rawValue
        createdAt = application.createdAt.description
        reservedMB = application.reservedMB
        services = application.services.map { service in
            Service(name: service.name.text, type: service.type.text, instances: service.instances,
                    memoryMB: service.memoryMBPerInstance, reservedMB: service.reservedMB,
                    since: service.since.description, domains: service.domains.map(\.text))
        }
    }
}

struct CostDocument: Encodable {
    struct Part: Encodable {
        var total: String
        var lines: [LineDocument]

        init(total: String, invoice: Invoice?) {
            self.total = total
            lines = invoice.map { invoice in invoice.lines.map { LineDocument($0, invoiceNumber: invoice.number) } } ?? []
        }
    }

    var period: String
    var currency: String
    var status: InvoiceStatus
    var monthToDate: Part
    var expectedMonthEnd: Part

    enum CodingKeys: String, CodingKey {
        case period, currency, status
        case monthToDate = "month_to_date"
        case expectedMonthEnd = "expected_month_end"
    }
}
