extension InvoiceRun: CSVReport {
    /// The columns of the billing export, in order (README, "Line items as
    /// CSV", which gives each one's meaning beside the equivalent column of
    /// AWS's Cost and Usage Report).
    public static let csvColumns = [
        "invoice_number", "account", "billing_period_start", "billing_period_end", "line_id", "line_type",
        "application", "service", "service_type", "domain", "flavor", "rate_card", "usage_start", "usage_end",
        "usage_quantity", "usage_unit", "mb_seconds", "unit_price", "currency", "amount", "invoice_status", "adjusts",
    ]

    /// The billing export a finance tool can load: a header row of
    /// ``csvColumns``, then one row per line item, invoices by account and
    /// lines in invoice order.
    ///
    /// - `billing_period_start` and `billing_period_end` are the period's
    ///   first second and the first second after it (SPEC §3), RFC 3339 UTC.
    /// - `line_id` is ``LineItem/lineID(onInvoice:)``; `line_type` is
    ///   `service` or `ssl_edge`, or `adjustment` for a line correcting a
    ///   closed month (SPEC §7.3), whose `service` or `domain` cell says which
    ///   kind of line it corrects; cells that don't apply are empty.
    /// - `usage_start` and `usage_end` are the first and the last second
    ///   billed on the line (both included), RFC 3339 UTC; an adjustment's
    ///   are those of the line it corrects, in the month it corrects.
    /// - `usage_quantity` is MB-seconds ÷ 3600 in `usage_unit` `MB-hour`, to
    ///   0.001 (rounded half-even, for reading); `mb_seconds` is the exact
    ///   quantity billed; `unit_price` is per MB-hour; `amount` has the
    ///   currency's minor-unit digits. No number is grouped.
    /// - `invoice_status` is `final` or `held`.
    /// - `adjusts` is the month an adjustment line corrects (`YYYY-MM`),
    ///   empty for the month's own lines; an adjustment's `mb_seconds`,
    ///   `usage_quantity` and `amount` may be negative.
    ///
    /// RFC 4180: CRLF line ends, quoting as needed, and cells that would start
    /// a spreadsheet formula neutralised with a leading `'` (see ``CSVText``);
    /// numbers are never neutralised, negative ones included.
    /// The same run always gives the same bytes.
    public func csv() -> String {
        var output = CSVText.record(Self.csvColumns)
        let periodStart = period.start.description
        let periodEnd = period.end.description
        for invoice in invoices {
            for line in invoice.lines {
                output += CSVText.record(fields: [
                    invoice.number, invoice.account.text, periodStart, periodEnd, line.lineID(onInvoice: invoice.number),
                    line.isAdjustment ? "adjustment" : line.kind.rawValue, line.application.text, line.service?.text ?? "",
                    line.serviceType?.text ?? "", line.domain?.text ?? "", line.flavor.rawValue, line.rateCard.name,
                    line.usageStart.description, line.usageEnd.description,
                ].map(CSVText.field) + [
                    CSVText.number(NumberText.mbHours(line.mbSeconds, grouping: false)), "MB-hour",
                    CSVText.number(String(line.mbSeconds)), CSVText.number(line.unitPrice.description), currency.code,
                    CSVText.number(line.amount.description), invoice.status.rawValue,
                    CSVText.field(line.adjusts?.description ?? ""),
                ])
            }
        }
        return output
    }
}
