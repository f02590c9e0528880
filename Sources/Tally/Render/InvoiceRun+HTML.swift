extension InvoiceRun: HTMLReport {
    /// The invoices as one self-contained HTML document a customer can read
    /// and print (README, "An invoice a customer can read"): inline CSS, no
    /// script, no external resource; one invoice per printed page (A4 or
    /// Letter), each with its number, account, billing period, currency and
    /// status — a held invoice marked "do not send" with its rejected lines —
    /// its lines grouped by application, then the SSL edges with their
    /// notes, each line with its usage dates and line id; then a group per
    /// closed month whose adjustments it carries (SPEC §7.3); the total — a
    /// negative one marked as a credit the account is owed — and the event
    /// accounting. Accounts held without an invoice close the
    /// document. Every value is escaped (``HTMLText``); the document is
    /// well-formed XML too. The same run always gives the same bytes.
    public func html() -> String {
        var output = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(HTMLText.escaped("Invoices for \(period)"))</title>
            <style>
            \(Self.htmlStyle)
            </style>
            </head>
            <body>

            """
        if invoices.isEmpty {
            output += "<section class=\"page empty\">\n"
                + HTMLText.element("h1", "Invoices for \(period)") + "\n"
                + HTMLText.element("p", "No account has billable usage in \(period) (\(ReportText.periodText(period))).") + "\n"
                + eventsHTML() + "</section>\n"
        }
        for invoice in invoices {
            output += html(of: invoice)
        }
        if !heldAccountsWithoutInvoice.isEmpty {
            output += "<section class=\"page operators\">\n"
                + HTMLText.element("h2", "Accounts with rejected events and no invoice") + "\n"
                + HTMLText.element("p", "For the billing team: fix and replay these lines; these accounts have nothing to send.") + "\n"
            for held in heldAccountsWithoutInvoice {
                output += HTMLText.element("h3", "\(held.account): \(ReportText.rejectedLines(held.rejectedLineCount))") + "\n"
                output += rejectionsHTML(held.rejectedLines, total: held.rejectedLineCount)
            }
            output += eventsHTML() + "</section>\n"
        }
        return output + "</body>\n</html>\n"
    }

    /// One invoice, as a page of its own.
    private func html(of invoice: Invoice) -> String {
        let held = invoice.status == .held
        var output = "<section class=\"page invoice \(invoice.status)\" id=\"\(HTMLText.escaped(invoice.number))\">\n"
        output += "<header class=\"head\">\n"
            + "<h1>Invoice <span class=\"number\">\(HTMLText.escaped(invoice.number))</span></h1>\n"
            + HTMLText.element("p", held ? "Held \u{2013} do not send" : "Final", className: "badge \(invoice.status)") + "\n"
            + "</header>\n"
        if held {
            output += "<div class=\"held-banner\">\n"
                + HTMLText.element("strong", "HELD: DO NOT SEND THIS INVOICE.") + "\n"
                + HTMLText.element("span", " \(ReportText.rejectedLines(invoice.rejectedLineCount)) of this account may change it; "
                    + "fix and replay them, then print it again.") + "\n</div>\n"
        }
        if let credit = invoice.creditText(separator: " \u{2014}") {
            output += "<div class=\"credit-banner\">\n" + HTMLText.element("strong", credit + ".") + "\n"
                + HTMLText.element("span", " The adjustments of closed months exceed this month's charges; nothing is to be paid.")
                + "\n</div>\n"
        }
        output += "<table class=\"facts\">\n<tbody>\n"
        for (label, value) in [
            ("Account", invoice.account.text),
            ("Billing period", "\(invoice.period) (\(ReportText.periodText(invoice.period)))"),
            ("Currency", currency.code),
            ("Status", held ? "held (do not send)" : "final"),
        ] {
            output += "<tr>" + HTMLText.element("th", label) + HTMLText.element("td", value) + "</tr>\n"
        }
        output += "</tbody>\n</table>\n"
        output += linesHTML(invoice)
        if held {
            output += "<div class=\"rejected\">\n"
                + HTMLText.element("h2", "Rejected lines holding this invoice") + "\n"
                + rejectionsHTML(invoice.rejectedLines, total: invoice.rejectedLineCount) + "</div>\n"
        }
        output += eventsHTML()
        return output + "</section>\n"
    }

    /// The lines table: a group per application, then the SSL edges; then a
    /// group per closed month whose adjustments the invoice carries (SPEC
    /// §7.3); then the total, and the credit when the total is negative.
    private func linesHTML(_ invoice: Invoice) -> String {
        let code = currency.code
        var output = "<table class=\"lines\">\n<thead>\n<tr class=\"running\"><th colspan=\"6\">"
            + HTMLText.escaped("\(invoice.number), \(invoice.account), \(invoice.period)") + "</th></tr>\n<tr>"
        output += HTMLText.element("th", "Service") + HTMLText.element("th", "Pricing") + HTMLText.element("th", "Usage (UTC)")
            + HTMLText.element("th", "MB-hours", className: "num") + HTMLText.element("th", "\(code) per MB-hour", className: "num")
            + HTMLText.element("th", "Amount (\(code))", className: "num")
        output += "</tr>\n</thead>\n"
        let own = invoice.ownLines
        if own.isEmpty {
            output += "<tbody>\n<tr class=\"empty\"><td colspan=\"6\">"
                + HTMLText.escaped("No usage in \(invoice.period): this invoice carries adjustments of closed months only.")
                + "</td></tr>\n</tbody>\n"
        }
        output += ownLinesHTML(own, invoice: invoice)
        for (month, lines) in invoice.adjustmentsByMonth {
            output += "<tbody class=\"adjustments\">\n<tr class=\"group\"><th colspan=\"6\">"
                + HTMLText.escaped(invoice.adjustmentHeading(for: month)) + "</th></tr>\n"
            for line in lines {
                switch line.kind {
                case .service:
                    output += rowHTML(line, invoice: invoice, name: "\(line.application) / \(line.service?.text ?? "")",
                                      type: line.serviceType?.text ?? "")
                case .sslEdge:
                    output += rowHTML(line, invoice: invoice, name: line.domain?.text ?? "", type: "SSL edge")
                    output += "<tr class=\"note\"><td colspan=\"6\">" + HTMLText.escaped(Self.edgeNote(line)) + "</td></tr>\n"
                }
            }
            output += "</tbody>\n"
        }
        output += "<tfoot>\n<tr><th colspan=\"5\">" + HTMLText.escaped("Total (\(code))") + "</th>"
            + HTMLText.element("td", invoice.total.formatted(grouping: true), className: "num") + "</tr>\n"
        if let credit = invoice.creditText(separator: " \u{2014}") {
            output += "<tr class=\"credit\"><td colspan=\"6\">" + HTMLText.escaped(credit + "; nothing is to be paid.") + "</td></tr>\n"
        }
        return output + "</tfoot>\n</table>\n"
    }

    /// The month's own lines: a group per application, then the SSL edges with their notes.
    private func ownLinesHTML(_ lines: [LineItem], invoice: Invoice) -> String {
        var output = ""
        var currentApplication: ApplicationName?
        var edgesStarted = false
        for line in lines {
            switch line.kind {
            case .service:
                if line.application != currentApplication {
                    output += (currentApplication == nil ? "" : "</tbody>\n") + "<tbody>\n"
                    output += "<tr class=\"group\"><th colspan=\"6\">" + HTMLText.escaped("Application \(line.application)") + "</th></tr>\n"
                    currentApplication = line.application
                }
                output += rowHTML(line, invoice: invoice, name: line.service?.text ?? "", type: line.serviceType?.text ?? "")
            case .sslEdge:
                if !edgesStarted {
                    output += (currentApplication == nil ? "" : "</tbody>\n") + "<tbody>\n"
                    output += "<tr class=\"group\"><th colspan=\"6\">SSL edges (custom-domain HTTPS, billed as "
                        + HTMLText.escaped("\(line.rateCard.sslEdgeMemoryMB) MB") + ")</th></tr>\n"
                    edgesStarted = true
                }
                output += rowHTML(line, invoice: invoice, name: line.domain?.text ?? "", type: "SSL edge")
                output += "<tr class=\"note\"><td colspan=\"6\">" + HTMLText.escaped(Self.edgeNote(line)) + "</td></tr>\n"
            }
        }
        if currentApplication != nil || edgesStarted { output += "</tbody>\n" }
        return output
    }

    /// What an SSL edge line says of its application.
    private static func edgeNote(_ line: LineItem) -> String {
        line.applicationDestroyedAt.map { destroyed in
            "Application \(line.application) no longer exists (destroyed \(destroyed)); "
                + "the edge is billed until SSL is disabled."
        } ?? "For application \(line.application)."
    }

    /// One line: its name, type and line id; its flavor and rate card; its
    /// first and last second billed; and its figures.
    private func rowHTML(_ line: LineItem, invoice: Invoice, name: String, type: String) -> String {
        func time(_ instant: Timestamp) -> String {
            let text = instant.description
            return "\(text.prefix(10)) \(text.dropFirst(11).prefix(8))"
        }
        return "<tr>"
            + "<td class=\"name\">" + HTMLText.element("span", name, className: "subject") + HTMLText.element("span", type, className: "detail")
            + HTMLText.element("span", line.lineID(onInvoice: invoice.number), className: "line-id") + "</td>"
            + "<td>" + HTMLText.element("span", line.flavor.rawValue, className: "flavor")
            + HTMLText.element("span", "rate card \(line.rateCard.name)", className: "detail") + "</td>"
            + "<td class=\"usage\">" + HTMLText.element("span", time(line.usageStart)) + HTMLText.element("span", "to \(time(line.usageEnd))")
            + "</td>"
            + HTMLText.element("td", line.mbHoursText, className: "num") + HTMLText.element("td", line.unitPrice.description, className: "num")
            + HTMLText.element("td", line.amount.formatted(grouping: true), className: "num") + "</tr>\n"
    }

    /// Rejected lines as a list of `FILE:LINE: ID: reason`, with a count of those not shown.
    private func rejectionsHTML(_ rejections: [Rejection], total: Int) -> String {
        var output = "<ul class=\"rejections\">\n"
        for rejection in rejections {
            output += HTMLText.element("li", rejection.description) + "\n"
        }
        if total > rejections.count {
            output += HTMLText.element("li", "\u{2026} and \(NumberText.grouped(total - rejections.count)) more "
                + "(see standard error or --rejects)", className: "more") + "\n"
        }
        return output + "</ul>\n"
    }

    /// The event accounting, as the page's footer.
    private func eventsHTML() -> String {
        "<footer>" + HTMLText.escaped("Event log of this run: " + ReportText.eventsLine(events).dropFirst("Events: ".count)
            + ". Amounts are exact: MB-seconds \u{00D7} price per MB-hour \u{00F7} 3,600, rounded once per line.") + "</footer>\n"
    }
}
