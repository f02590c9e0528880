import Foundation

/// Stage 6 of the pipeline: renders an ``InvoiceRun`` as the month-end
/// reports (issue 2): text for people, JSON for tools (SPEC §6). The same run
/// always renders to the same bytes, whatever the locale or time zone.
public enum InvoiceReport {
    /// The text report: each invoice with its number, account, billing period,
    /// currency, lines grouped by application (service, type, flavor, rate card,
    /// MB-hours, unit price, amount), SSL edges after, and the total; then one
    /// line accounting for the event log.
    public static func text(_ run: InvoiceRun) -> String {
        var output = "Invoices for \(run.period): \(periodText(run.period)); amounts in \(run.currency)\n"
        if run.invoices.isEmpty {
            output += "\nNo account has billable usage in \(run.period).\n"
        }
        for invoice in run.invoices {
            output += "\n" + text(invoice)
        }
        if !run.heldAccountsWithoutInvoice.isEmpty {
            output += "\nAccounts with rejected events and no invoice (fix and replay these lines):\n"
            for held in run.heldAccountsWithoutInvoice {
                output += "  \(held.account): \(NumberText.grouped(held.rejectedLineCount)) rejected line\(held.rejectedLineCount == 1 ? "" : "s")\n"
                output += rejectionList(held.rejectedLines, total: held.rejectedLineCount)
            }
        }
        output += "\n" + eventsLine(run.events) + "\n"
        return output
    }

    /// One invoice as text; see ``text(_:)-(InvoiceRun)``.
    public static func text(_ invoice: Invoice) -> String {
        let currency = invoice.total.currency
        var output = "Invoice \(invoice.number)" + (invoice.status == .held ? "  ** HELD: rejected events; do not send **" : "") + "\n"
        output += "  Account         \(invoice.account)\n"
        output += "  Billing period  \(invoice.period) (\(periodText(invoice.period)))\n"
        output += "  Currency        \(currency)\n"
        output += "  Status          \(invoice.status)\n\n"

        var table = TextTable([
            .init(title: "Application / service", alignment: .left),
            .init(title: "Type", alignment: .left),
            .init(title: "Flavor", alignment: .left),
            .init(title: "Rate card", alignment: .left),
            .init(title: "MB-hours", alignment: .right),
            .init(title: "\(currency)/MB-hour", alignment: .right),
            .init(title: "Amount", alignment: .right),
        ], indent: 2)
        var currentApplication: ApplicationName?
        var edgeHeaderShown = false
        for line in invoice.lines {
            let numbers = [line.flavor.rawValue, line.rateCard.name, line.mbHoursText, line.unitPrice.description,
                           line.amount.formatted(grouping: true)]
            switch line.kind {
            case .service:
                if line.application != currentApplication {
                    currentApplication = line.application
                    table.add([line.application.text])
                }
                table.add(["  " + (line.service?.text ?? ""), line.serviceType?.text ?? ""] + numbers)
            case .sslEdge:
                if !edgeHeaderShown {
                    edgeHeaderShown = true
                    table.add(["SSL edges"])
                }
                table.add(["  " + (line.domain?.text ?? ""), "ssl edge"] + numbers)
                if let destroyed = line.applicationDestroyedAt {
                    table.note("application \(line.application) no longer exists (destroyed \(destroyed)); the edge is billed until SSL is disabled", indent: 4)
                } else {
                    table.note("for application \(line.application)", indent: 4)
                }
            }
        }
        table.rule(fromColumn: 6)
        table.add(["", "", "", "", "", "Total \(currency)", invoice.total.formatted(grouping: true)])
        output += table.rendered()
        if invoice.status == .held {
            output += "\n  Held by \(NumberText.grouped(invoice.rejectedLineCount)) rejected line\(invoice.rejectedLineCount == 1 ? "" : "s") of this account; fix and replay them:\n"
            output += rejectionList(invoice.rejectedLines, total: invoice.rejectedLineCount)
        }
        return output
    }

    /// Rejected lines as `    FILE:LINE: ID: reason`, with a count of those not shown.
    static func rejectionList(_ rejections: [Rejection], total: Int) -> String {
        var output = rejections.map { "    \($0)\n" }.joined()
        if total > rejections.count {
            output += "    ... and \(NumberText.grouped(total - rejections.count)) more (see standard error or --rejects)\n"
        }
        return output
    }

    /// `2026-10-01 to 2026-10-31, 744 hours, UTC`.
    static func periodText(_ period: BillingPeriod) -> String {
        let first = period.start.description.prefix(10)
        let last = Timestamp(secondsSinceEpoch: period.end.secondsSinceEpoch - 1).description.prefix(10)
        return "\(first) to \(last), \(period.hours) hours, UTC"
    }

    /// `Events: 13 lines read, 13 applied, 0 duplicates, 0 rejected`.
    static func eventsLine(_ events: EventCounts) -> String {
        "Events: \(NumberText.grouped(events.lines)) lines read, \(NumberText.grouped(events.applied)) applied, "
            + "\(NumberText.grouped(events.duplicates)) duplicates, \(NumberText.grouped(events.rejected)) rejected"
    }
}
