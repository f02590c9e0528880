extension ChargeExplanation {
    /// The explanation as text: a heading with the invoice, period, currency
    /// and status; then for each explained line a table of its intervals —
    /// from and the event that started it, to and the event that ended it
    /// (`ID at FILE:LINE`, or before the month, after the month, month end,
    /// rate card change), seconds, instances × MB per instance, MB-seconds —
    /// their total, the rate card, and the arithmetic from MB-seconds to the
    /// exact and the rounded amount; then the event accounting. ASCII only.
    public func text() -> String {
        var output = "Explanation of \(invoiceNumber) for \(period): \(ReportText.periodText(period)); amounts in \(currency)\n"
        output += "  Account         \(account)\n"
        output += "  Status          \(status)\(status == .held ? " (rejected events of this account may change it; tally invoice lists them)" : "")\n"
        output += "  Lines           \(lines.count == invoiceLineCount ? "all \(invoiceLineCount)" : "\(lines.count) of \(invoiceLineCount)") explained\n"
        for line in lines {
            output += "\n" + Self.text(line, of: invoiceLineCount)
        }
        return output + "\n" + ReportText.eventsLine(events) + "\n"
    }

    /// One line: its heading, its intervals and its arithmetic.
    static func text(_ line: Line, of lineCount: Int) -> String {
        let item = line.item
        var output = "Line \(line.number) of \(lineCount): "
        switch item.kind {
        case .service:
            output += "\(item.application) / \(item.service?.text ?? "") (\(item.serviceType?.text ?? ""))"
        case .sslEdge:
            output += "SSL edge \(item.domain?.text ?? "") (for application \(item.application)"
                + (item.applicationDestroyedAt.map { ", destroyed \($0)" } ?? "") + ")"
        }
        output += ", \(item.flavor), rate card \(item.rateCard.name)\n"

        var table = TextTable([
            .init(title: "From", alignment: .left),
            .init(title: "Started by", alignment: .left),
            .init(title: "To", alignment: .left),
            .init(title: "Ended by", alignment: .left),
            .init(title: "Seconds", alignment: .right),
            .init(title: "Instances x MB", alignment: .right),
            .init(title: "MB-seconds", alignment: .right),
        ], indent: 2)
        for interval in line.intervals {
            table.add([interval.from.description, startText(interval.start), interval.to.description, endText(interval.end),
                       NumberText.grouped(interval.seconds), "\(interval.instances) x \(NumberText.grouped(interval.memoryMB))",
                       NumberText.grouped(interval.mbSeconds)])
        }
        table.rule(fromColumn: 6)
        table.add(["", "", "", "", "", "Total", NumberText.grouped(line.intervalMBSeconds)])
        output += table.rendered()

        let card = item.rateCard
        let currency = item.amount.currency
        let mbSeconds = NumberText.grouped(item.mbSeconds)
        let step = Money(minorUnits: 1, currency: currency)
        output += "  Rate card   \(card.name), in effect from \(card.effectiveFrom)\(card.file.isEmpty ? "" : " (\(card.file))"): "
            + "\(item.flavor) at \(item.unitPrice) \(currency) per MB-hour, rounding \(card.rounding.rawValue)\n"
        output += "  MB-hours    \(mbSeconds) MB-seconds / 3,600 = \(NumberText.mbHours(item.mbSeconds))"
            + " (to 0.001; amounts use the exact MB-seconds)\n"
        let exact = line.exactAmountText(grouping: true)
        output += "  Amount      \(mbSeconds) MB-seconds x \(item.unitPrice) \(currency)/MB-hour / 3,600 = "
            + "\(exact) \(currency) exactly" + (exact.contains("(") ? " (digits in parentheses repeat)" : "")
            + " -> \(item.amount.formatted(grouping: true)) \(currency), rounded \(card.rounding.rawValue) to \(step)\n"
        return output
    }

    static func startText(_ start: Start) -> String {
        switch start {
        case let .event(event): "\(event)"
        case let .beforeTheMonth(event): "before the month: \(event)"
        case let .rateCardChange(event): "rate card change (set by \(event))"
        }
    }

    static func endText(_ end: End) -> String {
        switch end {
        case let .event(event): "\(event)"
        case let .afterTheMonth(event): "after the month: \(event)"
        case .monthEnd: "month end"
        case .rateCardChange: "rate card change"
        }
    }
}
