extension InvoiceRun: CSVReport {
    /// The columns of the CSV export, in order (README, "Line items as CSV").
    public static let csvColumns = [
        "period", "invoice_number", "account", "kind", "application", "service", "service_type", "domain", "flavor",
        "rate_card", "mb_seconds", "mb_hours", "unit_price", "currency", "amount", "invoice_status",
    ]

    /// The line items of every invoice as CSV for accounting: a header row of
    /// ``csvColumns``, then one row per line item, invoices by account and
    /// lines in invoice order. `kind` is `service` or `ssl_edge`; cells that
    /// don't apply are empty; `mb_seconds` is exact, `mb_hours` is MB-seconds
    /// ÷ 3600 to 0.001 (display only); `unit_price` is per MB-hour and
    /// `amount` has the currency's minor-unit digits, both without grouping;
    /// `invoice_status` is `final` or `held`. RFC 4180: CRLF line ends,
    /// quoting as needed, and cells that would start a spreadsheet formula
    /// neutralised with a leading `'` (see ``CSVText``). The same run always
    /// gives the same bytes.
    public func csv() -> String {
        var output = CSVText.record(Self.csvColumns)
        for invoice in invoices {
            for line in invoice.lines {
                output += CSVText.record([
                    period.description, invoice.number, invoice.account.text, line.kind.rawValue, line.application.text,
                    line.service?.text ?? "", line.serviceType?.text ?? "", line.domain?.text ?? "", line.flavor.rawValue,
                    line.rateCard.name, String(line.mbSeconds), NumberText.mbHours(line.mbSeconds, grouping: false),
                    line.unitPrice.description, currency.code, line.amount.description, invoice.status.rawValue,
                ])
            }
        }
        return output
    }
}
