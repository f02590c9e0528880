extension InvoiceRun: Report {
    /// The month-end report for people: a line naming the period and currency;
    /// each invoice with its number, account, billing period, currency and
    /// status, its lines grouped by application (service, type, flavor, rate
    /// card, MB-hours, unit price, amount), SSL edges after; then, under a
    /// heading per closed month, its adjustment lines laid out the same way
    /// (SPEC §7.3; MB-hours and amounts may be negative); the total, and a
    /// line saying the account is owed a credit when the total is negative;
    /// the accounts held without an invoice; then one line accounting for the
    /// event log (SPEC §6's `events`).
    public func text() -> String {
        var output = "Invoices for \(period): \(ReportText.periodText(period)); amounts in \(currency)\n"
        if invoices.isEmpty {
            output += "\nNo account has billable usage in \(period).\n"
        }
        for invoice in invoices {
            output += "\n" + invoice.text()
        }
        if !heldAccountsWithoutInvoice.isEmpty {
            output += "\nAccounts with rejected events and no invoice (fix and replay these lines):\n"
            for held in heldAccountsWithoutInvoice {
                output += "  \(held.account): \(ReportText.rejectedLines(held.rejectedLineCount))\n"
                output += ReportText.rejectionList(held.rejectedLines, total: held.rejectedLineCount)
            }
        }
        output += "\n" + ReportText.eventsLine(events) + "\n"
        return ReportText.fitted(output)
    }
}

extension Invoice {
    /// One invoice as text, as ``InvoiceRun/text()`` shows it: the month's
    /// own lines, then the adjustments of each closed month under a heading
    /// naming it (SPEC §7.3), the total, and when the total is negative, the
    /// credit the account is owed.
    func text() -> String {
        let currency = total.currency
        var output = "Invoice \(number)" + (status == .held ? "  ** HELD: rejected events; do not send **" : "") + "\n"
        output += "  Account         \(account)\n"
        output += "  Billing period  \(period) (\(ReportText.periodText(period)))\n"
        output += "  Currency        \(currency)\n"
        output += "  Status          \(status)\n\n"

        var table = TextTable([
            .init(title: "Application / service", alignment: .left),
            .init(title: "Type", alignment: .left),
            .init(title: "Flavor", alignment: .left),
            .init(title: "Rate card", alignment: .left),
            .init(title: "MB-hours", alignment: .right),
            .init(title: "\(currency)/MB-hour", alignment: .right),
            .init(title: "Amount", alignment: .right),
        ], indent: 2)
        let own = ownLines
        if own.isEmpty {
            table.note("No usage in \(period): this invoice carries adjustments of closed months only.")
        }
        Self.add(own, to: &table)
        for (month, lines) in adjustmentsByMonth {
            table.blank()
            table.note(adjustmentHeading(for: month))
            Self.add(lines, to: &table)
        }
        table.rule(fromColumn: 6)
        table.add(["", "", "", "", "", "Total \(currency)", total.formatted(grouping: true)])
        output += table.rendered()
        if let credit = creditText() { output += "  \(credit)\n" }
        if status == .held {
            output += "\n  Held by \(ReportText.rejectedLines(rejectedLineCount)) of this account; fix and replay them:\n"
            output += ReportText.rejectionList(rejectedLines, total: rejectedLineCount)
        }
        return output
    }

    /// Adds `lines` (one group: the month's own, or one closed month's
    /// adjustments) to `table`: services under their application, then the
    /// SSL edges with their notes.
    private static func add(_ lines: [LineItem], to table: inout TextTable) {
        var currentApplication: ApplicationName?
        var edgeHeaderShown = false
        for line in lines {
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
    }
}
