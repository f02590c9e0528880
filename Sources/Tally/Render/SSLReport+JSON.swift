extension SSLReport {
    /// A quote as one JSON document (keys sorted, amounts as decimal strings):
    /// `account`, `application`, `domain`, `flavor`, `at`, `rate_card`,
    /// `currency`, `edge_memory_mb`, `unit_price` (per MB-hour), `hourly`,
    /// `month`, `month_hours`, `full_month`, `rest_of_month_seconds`,
    /// `rest_of_month`.
    public static func json(_ quote: SSLQuote) -> String {
        InvoiceReport.encode(QuoteDocument(
            account: quote.account.text, application: quote.application.text, domain: quote.domain.text,
            flavor: quote.flavor.rawValue, at: quote.instant.description, rateCard: quote.rateCard.name,
            currency: quote.rateCard.currency.code, edgeMemoryMB: quote.edgeMemoryMB,
            unitPrice: quote.unitPrice.description, hourly: quote.hourly.description, month: quote.month.description,
            monthHours: quote.month.hours, fullMonth: quote.fullMonth.description,
            restOfMonthSeconds: quote.restOfMonthSeconds, restOfMonth: quote.restOfMonth.description))
    }

    /// The account's SSL edges as one JSON document: `account`, `at` and
    /// `ssl_edges`, each with `domain`, `application`, `application_exists`,
    /// `application_destroyed_at` (when destroyed), `flavor`, `since` and
    /// `hourly` (a decimal string).
    public static func json(_ edges: [SSLEdgeView], hourly: [Money], account: AccountName, instant: Timestamp) -> String {
        InvoiceReport.encode(EdgeListDocument(
            account: account.text, at: instant.description,
            sslEdges: zip(edges, hourly).map { EdgeDocument($0, hourly: $1.description) }))
    }
}

struct QuoteDocument: Encodable {
    var account: String
    var application: String
    var domain: String
    var flavor: String
    var at: String
    var rateCard: String
    var currency: String
    var edgeMemoryMB: Int
    var unitPrice: String
    var hourly: String
    var month: String
    var monthHours: Int64
    var fullMonth: String
    var restOfMonthSeconds: Int64
    var restOfMonth: String

    enum CodingKeys: String, CodingKey {
        case account, application, domain, flavor, at, currency, hourly, month
        case rateCard = "rate_card"
        case edgeMemoryMB = "edge_memory_mb"
        case unitPrice = "unit_price"
        case monthHours = "month_hours"
        case fullMonth = "full_month"
        case restOfMonthSeconds = "rest_of_month_seconds"
        case restOfMonth = "rest_of_month"
    }
}

struct EdgeListDocument: Encodable {
    var account: String
    var at: String
    var sslEdges: [EdgeDocument]

    enum CodingKeys: String, CodingKey {
        case account, at
        case sslEdges = "ssl_edges"
    }
}

struct EdgeDocument: Encodable {
    var domain: String
    var application: String
    var applicationExists: Bool
    var applicationDestroyedAt: String?
    var flavor: String
    var since: String
    var hourly: String?

    enum CodingKeys: String, CodingKey {
        case domain, application, flavor, since, hourly
        case applicationExists = "application_exists"
        case applicationDestroyedAt = "application_destroyed_at"
    }

    init(_ edge: SSLEdgeView, hourly: String?) {
        domain = edge.domain.text
        application = edge.application.text
        applicationExists = edge.applicationExists
        applicationDestroyedAt = edge.applicationDestroyedAt?.description
        flavor = edge.flavor.rawValue
        since = edge.since.description
        self.hourly = hourly
    }
}
