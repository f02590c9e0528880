extension UsageReport {
    /// The report as text: a heading with the period and currency, then one
    /// row per service (grouped under its application) and per SSL edge, each
    /// with its type, a chart of the month with one column per day (see
    /// ``ChartRamp``, scaled to the row's own peak), its peak MB, MB-hours and
    /// amount, and the totals; then the event accounting. Widths fit the
    /// longest value; the same report always renders to the same text. The
    /// chart is drawn with ``ramp``: block characters for UTF-8 output, ASCII
    /// otherwise. Adjustment lines of closed months (SPEC §7.3) follow the
    /// chart's rows, one row each without days, naming the month they
    /// correct; the total counts them.
    public func text() -> String {
        var output = "Usage of \(account) in \(period): \(ReportText.periodText(period)); amounts in \(currency)\n"
        guard !rows.isEmpty || !adjustments.isEmpty else {
            output += "\nNo billable usage for \(account) in \(period).\n"
            if rejectedLineCount > 0 { output += heldNote }
            return ReportText.fitted(output + "\n" + ReportText.eventsLine(events) + "\n")
        }
        output += "Invoice \(invoiceNumber), status \(status ?? .final)\n\n"
        let characters = ramp.characters
        if rows.isEmpty {
            output += "No usage in \(period): the invoice carries adjustments of closed months only.\n\n"
        } else {
            output += "Each column is one day (UTC): the average MB reserved that day as a share of the row's peak MB;\n"
            output += "blank: none, \(characters[1]) at most 1/\(ramp.levels) of the peak, \(characters[ramp.levels]) more than \(ramp.levels - 1)/\(ramp.levels).\n\n"
        }

        var table = TextTable([
            .init(title: "Application / service", alignment: .left),
            .init(title: "Type", alignment: .left),
            .init(title: ChartRamp.ruler(days: period.days), alignment: .left),
            .init(title: "Peak MB", alignment: .right),
            .init(title: "MB-hours", alignment: .right),
            .init(title: "Amount", alignment: .right),
        ], indent: 2)
        var currentApplication: ApplicationName?
        var edgeHeaderShown = false
        for row in rows {
            let figures = [ramp.chart(dailyMBSeconds: row.dailyMBSeconds, peakMB: row.peakMB),
                           NumberText.grouped(row.peakMB), NumberText.mbHours(row.mbSeconds), row.amount.formatted(grouping: true)]
            switch row.kind {
            case .service:
                if row.application != currentApplication {
                    currentApplication = row.application
                    table.add([row.application.text])
                }
                table.add(["  " + (row.service?.text ?? ""), row.serviceType?.text ?? ""] + figures)
            case .sslEdge:
                if !edgeHeaderShown {
                    edgeHeaderShown = true
                    table.add(["SSL edges"])
                }
                table.add(["  " + (row.domain?.text ?? ""), "ssl edge"] + figures)
            }
        }
        if !adjustments.isEmpty {
            if !rows.isEmpty { table.blank() }
            table.note("Adjustments of closed months (late events): no days, they correct another month's usage")
            for line in adjustments {
                let subject = switch line.kind {
                case .service: "\(line.application) / \(line.service?.text ?? "")"
                case .sslEdge: line.domain?.text ?? ""
                }
                table.add(["  " + subject, line.kind == .service ? line.serviceType?.text ?? "" : "ssl edge",
                           "adjusts \(line.adjusts?.description ?? "")", "", NumberText.mbHours(line.mbSeconds),
                           line.amount.formatted(grouping: true)])
            }
        }
        table.rule(fromColumn: 4)
        table.add(["", "", "", "Total \(currency)", NumberText.mbHours(mbSeconds), total.formatted(grouping: true)])
        output += table.rendered()
        if status == .held { output += "\n" + heldNote }
        return ReportText.fitted(output + "\n" + ReportText.eventsLine(events) + "\n")
    }

    /// Says how many rejected lines hold the account's bill.
    private var heldNote: String {
        "Held by \(NumberText.grouped(rejectedLineCount)) rejected line\(rejectedLineCount == 1 ? "" : "s") of this account; "
            + "fix and replay them (tally invoice lists them).\n"
    }
}
