extension SSLQuote: Report {
    /// The quote as text: the domain, application and account; then the
    /// instant, rate card, edge memory and price, and the amounts per hour,
    /// for the full month and for the rest of the month.
    public func text() -> String {
        let currency = rateCard.currency
        var table = TextTable([.init(title: "", alignment: .left), .init(title: "", alignment: .left)], indent: 2)
        table.add(["At", instant.description])
        table.add(["Rate card", "\(rateCard.name) (\(currency), \(rateCard.rounding.rawValue))"])
        table.add(["Edge", "\(edgeMemoryMB) MB at \(flavor), \(unitPrice) \(currency)/MB-hour"])
        table.add(["Hourly", "\(hourly.formatted(grouping: true)) \(currency)"])
        table.add(["Full month", "\(fullMonth.formatted(grouping: true)) \(currency) (\(month), \(month.hours) hours)"])
        table.add(["Rest of month", "\(restOfMonth.formatted(grouping: true)) \(currency) (to \(month.end), "
                   + "\(NumberText.mbHours(restOfMonthSeconds)) hours)"])
        return ReportText.fitted("SSL quote for \(domain), application \(application), account \(account)\n"
            + table.rendered(header: false))
    }

    /// The quote as one JSON document (keys sorted, amounts as decimal strings):
    /// `account`, `application`, `domain`, `flavor`, `at`, `rate_card`,
    /// `currency`, `edge_memory_mb`, `unit_price` (per MB-hour), `hourly`,
    /// `month`, `month_hours`, `full_month`, `rest_of_month_seconds`,
    /// `rest_of_month`.
    public func json() -> String {
        ReportText.json(QuoteDocument(
            account: account.text, application: application.text, domain: domain.text,
            flavor: flavor.rawValue, at: instant.description, rateCard: rateCard.name,
            currency: rateCard.currency.code, edgeMemoryMB: edgeMemoryMB,
            unitPrice: unitPrice.description, hourly: hourly.description, month: month.description,
            monthHours: month.hours, fullMonth: fullMonth.description,
            restOfMonthSeconds: restOfMonthSeconds, restOfMonth: restOfMonth.description))
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
