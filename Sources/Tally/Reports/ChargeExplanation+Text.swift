extension ChargeExplanation {
    /// The explanation as text, stacked so that it fits in 120 columns: a
    /// heading with the invoice, period, currency and status; then for each
    /// explained line its subject, flavor, rate card and price, one block per
    /// interval — from and to, the event that started it and the one that
    /// ended it (`ID at FILE:LINE`, or before the month, after the month,
    /// month end, rate card change), and its seconds × instances × MB per
    /// instance = MB-seconds — the total of the intervals, and the arithmetic
    /// from MB-seconds to the exact and the rounded amount; an adjustment line
    /// of a closed month (SPEC §7.3) with the month it corrects, its figures
    /// (due − billed) and the late events behind it instead; then the event
    /// accounting. ASCII only.
    public func text() -> String {
        var output = "Explanation of \(invoiceNumber) for \(period): \(ReportText.periodText(period)); amounts in \(currency)\n"
        output += "  Account         \(account)\n"
        output += "  Status          \(status)\(status == .held ? " (rejected events of this account may change it; tally invoice lists them)" : "")\n"
        output += "  Lines           \(lines.count == invoiceLineCount ? "all \(invoiceLineCount)" : "\(lines.count) of \(invoiceLineCount)") explained\n"
        for line in lines {
            if line.item.isAdjustment {
                output += "\n" + Self.adjustmentText(line, of: invoiceLineCount, invoiceNumber: invoiceNumber, account: account)
            } else {
                output += "\n" + Self.text(line, of: invoiceLineCount, invoiceNumber: invoiceNumber)
            }
        }
        return ReportText.fitted(output + "\n" + ReportText.eventsLine(events) + "\n")
    }

    /// The width of the labels of a line's fields.
    private static let labelWidth = 12

    /// `label` padded to the label column, then `value`, wrapped under itself.
    private static func field(_ label: String, _ value: String, indent: Int) -> String {
        let prefix = label + String(repeating: " ", count: max(labelWidth - label.count, 0) + 2)
        return ReportText.wrapped(value, indent: indent, prefix: prefix, hangingIndent: prefix.count)
    }

    /// One line of the invoice numbered `invoiceNumber`: its subject, its
    /// intervals and its arithmetic.
    static func text(_ line: Line, of lineCount: Int, invoiceNumber: String) -> String {
        let item = line.item
        let card = item.rateCard
        let currency = item.amount.currency
        var output = "Line \(line.number) of \(lineCount): "
        switch item.kind {
        case .service:
            output += "\(item.application) / \(item.service?.text ?? "") (\(item.serviceType?.text ?? ""))\n"
        case .sslEdge:
            output += "SSL edge \(item.domain?.text ?? "")\n"
            output += field("Application", "\(item.application)" + (item.applicationDestroyedAt.map { ", destroyed \($0)" } ?? ""),
                            indent: 2)
        }
        output += field("Line id", item.lineID(onInvoice: invoiceNumber), indent: 2)
        output += field("Flavor", item.flavor.rawValue, indent: 2)
        output += field("Rate card", "\(card.name), in effect from \(card.effectiveFrom)" + (card.file.isEmpty ? "" : " (\(card.file))"),
                        indent: 2)
        output += field("Price", "\(item.unitPrice) \(currency) per MB-hour for \(item.flavor), rounding \(card.rounding.rawValue)",
                        indent: 2)

        for (index, interval) in line.intervals.enumerated() {
            output += "\n  Interval \(index + 1) of \(line.intervals.count): \(interval.from) to \(interval.to)\n"
            output += field("Started by", startText(interval.start), indent: 4)
            output += field("Ended by", endText(interval.end), indent: 4)
            output += field("MB-seconds", "\(NumberText.grouped(interval.seconds)) seconds x \(interval.instances) "
                            + "instance\(interval.instances == 1 ? "" : "s") x \(NumberText.grouped(interval.memoryMB)) MB"
                            + " = \(NumberText.grouped(interval.mbSeconds))", indent: 4)
        }

        let mbSeconds = NumberText.grouped(item.mbSeconds)
        let step = Money(minorUnits: 1, currency: currency)
        let exact = line.exactAmountText(grouping: true)
        output += "\n"
        output += field("Total", "\(NumberText.grouped(line.intervalMBSeconds)) MB-seconds, the sum of \(line.intervals.count) "
                        + "interval\(line.intervals.count == 1 ? "" : "s")", indent: 2)
        output += field("MB-hours", "\(mbSeconds) MB-seconds / 3,600 = \(NumberText.mbHours(item.mbSeconds))"
                        + " (to 0.001; amounts use the exact MB-seconds)", indent: 2)
        output += field("Amount", "\(mbSeconds) MB-seconds x \(item.unitPrice) \(currency)/MB-hour / 3,600 = "
                        + "\(exact) \(currency) exactly" + (exact.contains("(") ? " (digits in parentheses repeat)" : ""), indent: 2)
        output += field("", "-> \(item.amount.formatted(grouping: true)) \(currency), rounded \(card.rounding.rawValue) to \(step)",
                        indent: 2)
        return output
    }

    /// An adjustment line of a closed month (SPEC §7.3): what it corrects,
    /// its figures, which are what is due for that month now minus what was
    /// billed for it, and, explained with the books, the due and billed
    /// figures and the late events behind it (README, "Closing a month").
    static func adjustmentText(_ line: Line, of lineCount: Int, invoiceNumber: String, account: AccountName) -> String {
        let item = line.item
        let card = item.rateCard
        let currency = item.amount.currency
        let month = item.adjusts?.description ?? ""
        let correctedNumber = item.adjusts.map { Invoice.number(for: account, in: $0) } ?? ""
        var output = "Line \(line.number) of \(lineCount): adjustment of \(month), "
        switch item.kind {
        case .service:
            output += "\(item.application) / \(item.service?.text ?? "") (\(item.serviceType?.text ?? ""))\n"
        case .sslEdge:
            output += "SSL edge \(item.domain?.text ?? "")\n"
            output += field("Application", "\(item.application)" + (item.applicationDestroyedAt.map { ", destroyed \($0)" } ?? ""),
                            indent: 2)
        }
        output += field("Line id", item.lineID(onInvoice: invoiceNumber), indent: 2)
        output += field("Adjusts", "\(month), invoiced as \(correctedNumber): "
                        + "events that reached the log after \(month) was closed (late events) changed its usage; "
                        + "this line is what is due for \(month) now minus what was billed for it", indent: 2)
        output += field("Flavor", item.flavor.rawValue, indent: 2)
        output += field("Rate card", "\(card.name), in effect from \(card.effectiveFrom)" + (card.file.isEmpty ? "" : " (\(card.file))"),
                        indent: 2)
        output += field("Price", "\(item.unitPrice) \(currency) per MB-hour for \(item.flavor), rounding \(card.rounding.rawValue)",
                        indent: 2)
        output += field("Usage", "\(item.usageStart) to \(item.usageEnd), the corrected line's", indent: 2)
        output += "\n"
        if let adjustment = line.adjustment {
            output += field("Due", "\(NumberText.grouped(adjustment.dueMBSeconds)) MB-seconds, "
                            + "\(adjustment.due.formatted(grouping: true)) \(currency): what \(month) comes to now, "
                            + "from the whole log", indent: 2)
            output += field("Billed", "\(NumberText.grouped(adjustment.billedMBSeconds)) MB-seconds, "
                            + "\(adjustment.billed.formatted(grouping: true)) \(currency): the line of \(correctedNumber) "
                            + "and the adjustments of \(month) issued since", indent: 2)
        }
        output += field("MB-seconds", "\(NumberText.grouped(item.mbSeconds)) (due - billed)", indent: 2)
        output += field("MB-hours", "\(NumberText.mbHours(item.mbSeconds)) (to 0.001)", indent: 2)
        output += field("Amount", "\(item.amount.formatted(grouping: true)) \(currency): due - billed, "
                        + "each rounded once when computed; not rounded again", indent: 2)
        guard let adjustment = line.adjustment else {
            output += field("Events", "the late events behind it are listed when it is explained with the books "
                            + "(tally explain --books DIR)", indent: 2)
            return output
        }
        let resource = item.kind == .service ? "this service or its application" : "this domain or the edge's application"
        output += "\n"
        if adjustment.lateEvents.isEmpty {
            output += field("Late events", "none of this account names \(resource): the change comes from what other late "
                            + "events did to later events (one may now break a rule; see the rejected lines)", indent: 2)
        } else {
            output += field("Late events", "\(adjustment.lateEvents.count): events of this account that reached the log "
                            + "after the previous close, dated before the end of \(month), naming \(resource)", indent: 2)
        }
        for late in adjustment.lateEvents {
            output += field("Late event", "\(late.event): \(late.type) at \(late.time)", indent: 2)
        }
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
