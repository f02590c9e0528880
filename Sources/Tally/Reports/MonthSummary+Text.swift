extension MonthSummary {
    /// The summary as text: a heading with the period and currency; invoices
    /// issued, held and in all (count, MB-hours, amount); the same by flavor
    /// and by service type (SSL edges as type `ssl edge`), each with a total;
    /// when the invoices carry adjustments of closed months (SPEC §7.3), the
    /// month's usage and the adjustments apart (flavor and service type
    /// count the month's own lines) and a table of the adjustments per month
    /// corrected; the SSL edges; the largest invoices; the event accounting. Widths fit
    /// the longest value; the same run always renders to the same text.
    public func text() -> String {
        var output = "Month summary for \(period): \(ReportText.periodText(period)); amounts in \(currency)\n\n"
        output += table("Invoices", [issued.renamed("Issued (final)"), held.renamed("Held")], total: billed, countTitle: "Count")
        if heldAccountsWithoutInvoice > 0 {
            output += "  Accounts with rejected events and no invoice: \(NumberText.grouped(heldAccountsWithoutInvoice)) (tally invoice lists them)\n"
        }
        let lineTotal = usage
        if adjustments.isEmpty {
            output += "\n  Billed: " + figures(billed.mbSeconds, lines: lineCount, amount: billed.amount) + "\n\n"
        } else {
            let corrections = adjustmentTotal
            output += "\n  Usage of \(period): " + figures(usage.mbSeconds, lines: usage.count, amount: usage.amount) + "\n"
            output += "  Adjustments of closed months: "
                + figures(corrections.mbSeconds, lines: corrections.count, amount: corrections.amount) + "\n"
            output += "  Billed: \(usage.amount.formatted(grouping: true)) + (\(corrections.amount.formatted(grouping: true))) = "
                + "\(billed.amount.formatted(grouping: true)) \(currency), the invoices' total\n"
            output += "  By flavor and by service type count the month's own lines; the adjustments follow them.\n\n"
        }
        output += table("By flavor", byFlavor, total: lineTotal, countTitle: "Lines") + "\n"
        let edgeRow = Group(name: "ssl edge", count: sslEdges.lines, mbSeconds: sslEdges.mbSeconds, amount: sslEdges.amount)
        output += table("By service type", byServiceType + (sslEdges.lines > 0 ? [edgeRow] : []), total: lineTotal, countTitle: "Lines")
        if !adjustments.isEmpty {
            output += "\n" + table("Adjustments (late events)", adjustments, total: adjustmentTotal, countTitle: "Lines")
        }

        var edges = TextTable([
            .init(title: "SSL edges", alignment: .left),
            .init(title: "Edges", alignment: .right),
            .init(title: "Amount", alignment: .right),
        ], indent: 2)
        edges.add(["Billed", NumberText.grouped(sslEdges.edges), sslEdges.amount.formatted(grouping: true)])
        edges.add(["Application no longer exists", NumberText.grouped(sslEdges.edgesWithoutApplication),
                   sslEdges.amountWithoutApplication.formatted(grouping: true)])
        output += "\n" + edges.rendered()

        var largest = TextTable([
            .init(title: "Largest invoices", alignment: .left),
            .init(title: "Account", alignment: .left),
            .init(title: "Status", alignment: .left),
            .init(title: "Lines", alignment: .right),
            .init(title: "Total", alignment: .right),
        ], indent: 2)
        for invoice in largestInvoices {
            largest.add([invoice.number, invoice.account.text, invoice.status.rawValue, NumberText.grouped(invoice.lineCount),
                         invoice.total.formatted(grouping: true)])
        }
        output += "\n" + (largestInvoices.isEmpty ? "  No invoices in \(period).\n" : largest.rendered())
        return ReportText.fitted(output + "\n" + ReportText.eventsLine(events) + "\n")
    }

    /// `3,084,442.667 MB-hours (11,103,993,600 MB-seconds) in 8 lines, 578.33 USD`.
    private func figures(_ mbSeconds: Int64, lines: Int, amount: Money) -> String {
        "\(NumberText.mbHours(mbSeconds)) MB-hours (\(NumberText.grouped(mbSeconds)) MB-seconds) "
            + "in \(NumberText.grouped(lines)) line\(lines == 1 ? "" : "s"), \(amount.formatted(grouping: true)) \(currency)"
    }

    /// A table of groups with count, MB-hours and amount, a rule and a total row.
    private func table(_ title: String, _ groups: [Group], total: Group, countTitle: String) -> String {
        var table = TextTable([
            .init(title: title, alignment: .left),
            .init(title: countTitle, alignment: .right),
            .init(title: "MB-hours", alignment: .right),
            .init(title: "Amount", alignment: .right),
        ], indent: 2)
        func add(_ name: String, _ group: Group) {
            table.add([name, NumberText.grouped(group.count), NumberText.mbHours(group.mbSeconds),
                       group.amount.formatted(grouping: true)])
        }
        for group in groups { add(group.name, group) }
        table.rule(fromColumn: 1)
        add("Total", total)
        return table.rendered()
    }
}

extension MonthSummary.Group {
    /// The same figures under another name.
    func renamed(_ name: String) -> MonthSummary.Group {
        MonthSummary.Group(name: name, count: count, mbSeconds: mbSeconds, amount: amount)
    }
}
