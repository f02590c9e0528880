/// An account's active SSL edges at an instant, each with its price per hour
/// under the rate card in effect (`tally ssl list`, README "For the ticket
/// service"). Render with ``text()`` or ``json()``.
public struct SSLEdgeList: Report, Hashable {
    /// One edge and its price.
    public struct Entry: Sendable, Hashable {
        /// The edge.
        public let edge: SSLEdgeView
        /// One hour of it: the card's edge MB × 3,600 MB-seconds at the
        /// edge's flavor, rounded as an invoice line (SPEC §3).
        public let hourly: Money

        /// Makes an entry.
        public init(edge: SSLEdgeView, hourly: Money) {
            self.edge = edge
            self.hourly = hourly
        }
    }

    /// The account.
    public let account: AccountName
    /// The instant of the list.
    public let instant: Timestamp
    /// The active edges, by domain.
    public let entries: [Entry]

    /// Makes a list.
    public init(account: AccountName, instant: Timestamp, entries: [Entry]) {
        self.account = account
        self.instant = instant
        self.entries = entries
    }

    /// The active SSL edges of `account` in `ledger`, priced at its instant.
    ///
    /// - Throws: ``LedgerError/configuration(_:)`` when no rate card is in
    ///   effect at the ledger's instant.
    public init(of account: AccountName, in ledger: Ledger) throws(LedgerError) {
        var entries: [Entry] = []
        for edge in ledger.sslEdges(of: account) {
            entries.append(Entry(edge: edge, hourly: try ledger.hourlyPrice(of: edge)))
        }
        self.init(account: account, instant: ledger.instant, entries: entries)
    }

    /// The list as text: a heading with the account and instant, then a table
    /// of domain, application, flavor, since and price per hour, with a note
    /// under each edge whose application no longer exists.
    public func text() -> String {
        ReportText.fitted("SSL edges of account \(account) at \(instant)\n" + Self.table(entries.map(\.edge), hourly: entries.map(\.hourly)))
    }

    /// The list as one JSON document: `account`, `at` and `ssl_edges`, each
    /// with `domain`, `application`, `application_exists`,
    /// `application_destroyed_at` (when destroyed), `flavor`, `since` and
    /// `hourly` (a decimal string).
    public func json() -> String {
        ReportText.json(EdgeListDocument(
            account: account.text, at: instant.description,
            sslEdges: entries.map { EdgeDocument($0.edge, hourly: $0.hourly.description) }))
    }

    /// The edges table shared with the account statement; `hourly` (one
    /// price per edge) adds a price column.
    static func table(_ edges: [SSLEdgeView], hourly: [Money]?) -> String {
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
