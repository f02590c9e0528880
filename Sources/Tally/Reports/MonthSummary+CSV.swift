extension MonthSummary: CSVReport {
    /// The columns of the summary's CSV, in order (README, "The month at a glance").
    public static let csvColumns = [
        "period", "currency", "section", "name", "count", "count_of", "mb_seconds", "mb_hours", "amount", "account", "status",
    ]

    /// The summary as CSV: a header row of ``csvColumns``, then one row per
    /// row of the text report, by `section`:
    ///
    /// - `invoices`: `final`, `held` and `all`, counting invoices;
    /// - `accounts`: `held_without_invoice`, counting accounts (no figures);
    /// - `flavor`: one row per flavor billed, counting lines;
    /// - `service_type`: one row per service type, and `ssl_edge` for the SSL
    ///   edges' lines, counting lines; each of these two sections adds up to
    ///   `invoices`/`all`;
    /// - `ssl_edges`: `billed` and `application_destroyed`, counting edges
    ///   (the second without MB-seconds);
    /// - `largest_invoices`: one row per invoice, named by its number, with
    ///   its `account`, `status` and line count, and its total as `amount`.
    ///
    /// When the invoices carry adjustments of closed months (SPEC §7.3), two
    /// more sections follow `ssl_edges`: `usage` (one row, `month`: the
    /// month's own lines, which the `flavor` and the `service_type` rows then
    /// add up to) and `adjustments` (one row per month corrected, named
    /// `YYYY-MM`, counting lines; figures possibly negative). `usage` plus
    /// the `adjustments` rows is `invoices`/`all`.
    ///
    /// `mb_seconds` is exact, `mb_hours` MB-seconds ÷ 3600 to 0.001 (for
    /// reading), `amount` a sum of rounded line amounts with the currency's
    /// minor-unit digits; cells that don't apply are empty. RFC 4180 as the
    /// invoice export.
    public func csv() -> String {
        var output = CSVText.record(Self.csvColumns)
        func row(_ section: String, _ name: String, count: Int, of unit: String, mbSeconds: Int64?, amount: Money?,
                 account: String = "", status: String = "") {
            output += CSVText.record(fields: [
                period.description, currency.code, section, name, String(count), unit,
            ].map(CSVText.field) + [
                CSVText.number(mbSeconds.map { String($0) } ?? ""),
                CSVText.number(mbSeconds.map { NumberText.mbHours($0, grouping: false) } ?? ""),
                CSVText.number(amount?.description ?? ""),
            ] + [account, status].map(CSVText.field))
        }
        for (name, group) in [("final", issued), ("held", held), ("all", billed)] {
            row("invoices", name, count: group.count, of: "invoices", mbSeconds: group.mbSeconds, amount: group.amount)
        }
        row("accounts", "held_without_invoice", count: heldAccountsWithoutInvoice, of: "accounts", mbSeconds: nil, amount: nil)
        for group in byFlavor {
            row("flavor", group.name, count: group.count, of: "lines", mbSeconds: group.mbSeconds, amount: group.amount)
        }
        for group in byServiceType {
            row("service_type", group.name, count: group.count, of: "lines", mbSeconds: group.mbSeconds, amount: group.amount)
        }
        if sslEdges.lines > 0 {
            row("service_type", "ssl_edge", count: sslEdges.lines, of: "lines", mbSeconds: sslEdges.mbSeconds, amount: sslEdges.amount)
        }
        row("ssl_edges", "billed", count: sslEdges.edges, of: "edges", mbSeconds: sslEdges.mbSeconds, amount: sslEdges.amount)
        row("ssl_edges", "application_destroyed", count: sslEdges.edgesWithoutApplication, of: "edges", mbSeconds: nil,
            amount: sslEdges.amountWithoutApplication)
        if !adjustments.isEmpty {
            row("usage", "month", count: usage.count, of: "lines", mbSeconds: usage.mbSeconds, amount: usage.amount)
            for group in adjustments {
                row("adjustments", group.name, count: group.count, of: "lines", mbSeconds: group.mbSeconds, amount: group.amount)
            }
        }
        for invoice in largestInvoices {
            row("largest_invoices", invoice.number, count: invoice.lineCount, of: "lines", mbSeconds: nil, amount: invoice.total,
                account: invoice.account.text, status: invoice.status.rawValue)
        }
        return output
    }
}
