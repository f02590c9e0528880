extension UsageReport: CSVReport {
    /// The columns of the usage CSV before the days (README, "Memory over the month").
    public static let csvColumns = [
        "account", "period", "invoice_number", "invoice_status", "line_type", "application", "service", "service_type",
        "domain", "peak_mb", "mb_seconds", "mb_hours", "amount", "currency",
    ]

    /// The report as CSV: a header row of ``csvColumns`` followed by one
    /// column per day of the period, named by its date (`2026-10-01` …), then
    /// one row per row of the chart (a service, or an SSL edge), in invoice
    /// order: the row's figures as in the JSON (`peak_mb`, exact
    /// `mb_seconds`, `mb_hours` to 0.001, the sum of its lines' `amount`),
    /// and under each date the MB-seconds billed that UTC day. An account
    /// without billable usage gives the header only. `invoice_status` is
    /// `final`, `held`, or empty without an invoice. Adjustment lines of
    /// closed months (SPEC §7.3) have no days and are not rows of the chart:
    /// they are not in this CSV (`tally invoice --format csv` gives them).
    /// RFC 4180 as the invoice export.
    public func csv() -> String {
        let dates = (0..<period.days).map { day in
            String(period.start.adding(seconds: Int64(day) * CivilCalendar.secondsPerDay).description.prefix(10))
        }
        var output = CSVText.record(Self.csvColumns + dates)
        for row in rows {
            output += CSVText.record([
                account.text, period.description, invoiceNumber, status?.rawValue ?? "", row.kind.rawValue,
                row.application.text, row.service?.text ?? "", row.serviceType?.text ?? "", row.domain?.text ?? "",
                String(row.peakMB), String(row.mbSeconds), NumberText.mbHours(row.mbSeconds, grouping: false),
                row.amount.description, currency.code,
            ] + row.dailyMBSeconds.map { String($0) })
        }
        return output
    }
}
