extension AccountStatement {
    /// The statement as text: the account and instant; its applications with
    /// their services (type, instances, MB each, MB reserved, domains) and the
    /// memory reserved by billed applications; its SSL edges; the cost table
    /// (each line of the expected month-end invoice with its amount to date
    /// and expected, then the totals); and, when the account has rejected
    /// lines, a held mark and the lines.
    public func text() -> String {
        var output = "Account \(view.account) at \(view.instant)\n"
        if view.rejectedLineCount > 0 {
            output += "  ** HELD: \(ReportText.rejectedLines(view.rejectedLineCount)) of this account; figures may change once they are fixed **\n"
        }
        output += "\nApplications\n"
        if view.applications.isEmpty {
            output += "  none\n"
        } else {
            var table = TextTable([
                .init(title: "Application / service", alignment: .left), .init(title: "Type", alignment: .left),
                .init(title: "Flavor", alignment: .left), .init(title: "Instances", alignment: .right),
                .init(title: "MB each", alignment: .right), .init(title: "MB reserved", alignment: .right),
                .init(title: "Domains", alignment: .left),
            ], indent: 2)
            for application in view.applications {
                table.add([application.name.text, "", application.flavor.rawValue, "", "",
                           NumberText.grouped(application.reservedMB)])
                for service in application.services {
                    table.add(["  " + service.name.text, service.type.text, "", NumberText.grouped(service.instances),
                               NumberText.grouped(service.memoryMBPerInstance), NumberText.grouped(service.reservedMB),
                               service.domains.map(\.text).joined(separator: " ")])
                }
            }
            output += table.rendered()
            output += "  Memory reserved by live and enterprise applications: \(NumberText.grouped(view.billedReservedMB)) MB\n"
        }
        output += "\nSSL edges\n" + SSLEdgeList.table(view.sslEdges, hourly: nil)
        output += "\n" + Self.costText(cost)
        if view.rejectedLineCount > 0 {
            output += "\nRejected lines of this account (fix and replay them):\n"
            output += ReportText.rejectionList(view.rejectedLines, total: view.rejectedLineCount)
        }
        return ReportText.fitted(output)
    }

    /// The cost table: each line of the expected month-end invoice with its
    /// amount to date and expected, then the totals.
    static func costText(_ cost: AccountCost) -> String {
        let period = cost.period
        var output = "Cost in \(period) (\(ReportText.periodText(period))), \(cost.currency)\n"
        let expected = cost.expectedMonthEnd?.lines ?? []
        guard !expected.isEmpty else {
            return output + "  no billable usage this month\n"
        }
        var toDate: [LineKey: Money] = [:]
        for line in cost.monthToDate?.lines ?? [] { toDate[LineKey(line)] = line.amount }
        var table = TextTable([
            .init(title: "Line", alignment: .left), .init(title: "Flavor", alignment: .left),
            .init(title: "Rate card", alignment: .left), .init(title: "To date", alignment: .right),
            .init(title: "Expected month-end", alignment: .right),
        ], indent: 2)
        for line in expected {
            let label = line.kind == .service
                ? "\(line.application) / \(line.service?.text ?? "")"
                : "SSL edge \(line.domain?.text ?? "")"
            table.add([label, line.flavor.rawValue, line.rateCard.name,
                       toDate[LineKey(line)]?.formatted(grouping: true) ?? "-", line.amount.formatted(grouping: true)])
        }
        table.rule(fromColumn: 3)
        table.add(["Total \(cost.currency)", "", "", cost.monthToDateTotal.formatted(grouping: true),
                   cost.expectedMonthEndTotal.formatted(grouping: true)])
        output += table.rendered()
        output += "  To date: usage from \(period.start) up to \(cost.instant).\n"
        output += "  Expected month-end: if nothing changes after \(cost.instant).\n"
        return output
    }

    /// What identifies a line across the to-date and month-end invoices.
    struct LineKey: Hashable {
        var kind: LineItem.Kind
        var application: ApplicationName
        var service: ServiceName?
        var domain: DomainName?
        var flavor: Flavor
        var rateCard: String

        init(_ line: LineItem) {
            kind = line.kind
            application = line.application
            service = line.service
            domain = line.domain
            flavor = line.flavor
            rateCard = line.rateCard.name
        }
    }
}
