/// Renders the answers of the `tally ssl` commands (issue 4): quotes, the
/// SSL edges of an account, and what recording an event did. Text for
/// people, JSON (``SSLReport/json(_:)-(SSLQuote)`` and siblings) for programs.
public enum SSLReport {
    /// A quote as text: the instant, rate card, price per hour, full month and
    /// rest of the month.
    public static func text(_ quote: SSLQuote) -> String {
        let currency = quote.rateCard.currency
        var table = TextTable([.init(title: "", alignment: .left), .init(title: "", alignment: .left)], indent: 2)
        table.add(["At", quote.instant.description])
        table.add(["Rate card", "\(quote.rateCard.name) (\(currency), \(quote.rateCard.rounding.rawValue))"])
        table.add(["Edge", "\(quote.edgeMemoryMB) MB at \(quote.flavor), \(quote.unitPrice) \(currency)/MB-hour"])
        table.add(["Hourly", "\(quote.hourly.formatted(grouping: true)) \(currency)"])
        table.add(["Full month", "\(quote.fullMonth.formatted(grouping: true)) \(currency) (\(quote.month), \(quote.month.hours) hours)"])
        table.add(["Rest of month", "\(quote.restOfMonth.formatted(grouping: true)) \(currency) (to \(quote.month.end), "
                   + "\(NumberText.mbHours(quote.restOfMonthSeconds)) hours)"])
        return "SSL quote for \(quote.domain), application \(quote.application), account \(quote.account)\n"
            + table.rendered(header: false)
    }

    /// The account's SSL edges at `instant` as text, each with its hourly price.
    public static func text(_ edges: [SSLEdgeView], hourly: [Money], account: AccountName, instant: Timestamp) -> String {
        "SSL edges of account \(account) at \(instant)\n" + edgeTable(edges, hourly: hourly)
    }

    /// What recording an event did, as one line: `recorded: …` or
    /// `already recorded: …`.
    public static func text(_ outcome: RecordingOutcome, path: String) -> String {
        let event = outcome.event
        var subject = "\(event.type) for \(domain(of: event.action))"
        if case let .sslEnabled(app, _) = event.action { subject += " (application \(app))" }
        switch outcome {
        case .recorded:
            return "recorded: \(subject), account \(event.account), at \(event.time), id \(event.id); appended to \(path)\n"
        case .alreadyRecorded:
            return "already recorded: id \(event.id) is in \(path) with the same content; nothing written\n"
        }
    }

    /// The edges table shared with the account report; `hourly` (one price per
    /// edge) adds a price column.
    static func edgeTable(_ edges: [SSLEdgeView], hourly: [Money]?) -> String {
        guard !edges.isEmpty else { return "  no active SSL edges\n" }
        var columns: [TextTable.Column] = [
            .init(title: "Domain", alignment: .left), .init(title: "Application", alignment: .left),
            .init(title: "Flavor", alignment: .left), .init(title: "Since", alignment: .left),
        ]
        if let currency = hourly?.first?.currency { columns.append(.init(title: "\(currency)/hour", alignment: .right)) }
        var table = TextTable(columns, indent: 2)
        for (index, edge) in edges.enumerated() {
            var cells = [edge.domain.text, edge.application.text, edge.flavor.rawValue, edge.since.description]
            if let hourly { cells.append(hourly[index].formatted(grouping: true)) }
            table.add(cells)
            if let destroyed = edge.applicationDestroyedAt {
                table.note("application \(edge.application) no longer exists (destroyed \(destroyed)); the edge is billed until SSL is disabled", indent: 2)
            }
        }
        return table.rendered()
    }

    private static func domain(of action: EventAction) -> String {
        switch action {
        case let .sslEnabled(_, domain), let .sslCertificateUpdated(domain), let .sslDisabled(domain): domain.text
        default: "-"
        }
    }
}
