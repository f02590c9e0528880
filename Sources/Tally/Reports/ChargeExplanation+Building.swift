extension ChargeExplanation {
    /// Builds the explanation of the selected lines of an account metered
    /// alone with its intervals kept, naming each interval's events by the id
    /// read again from their lines.
    ///
    /// - Throws: ``ExplainError/noInvoice(_:_:)`` or ``ExplainError/noLine(_:invoiceNumber:lineCount:)``.
    init(_ metering: AccountMetering, selecting selection: ChargeSelection, run: AccountReportRun) throws(ExplainError) {
        let period = run.monthEnd.period
        guard let invoice = metering.invoice, let account = metering.accountSymbol else {
            throw .noInvoice(metering.account, period)
        }
        let selected = invoice.lines.enumerated().filter {
            selection.selects($0.element, number: $0.offset + 1, invoiceNumber: invoice.number)
        }
        guard !selected.isEmpty else {
            throw .noLine(selection, invoiceNumber: invoice.number, lineCount: invoice.lines.count)
        }
        let intervalsByKey = Dictionary(grouping: metering.intervals, by: \.key)
        var references = EventReferences(catalog: run.log.reader.catalog)
        let window = run.window
        var lines: [Line] = []
        for (offset, item) in selected {
            var intervals: [Interval] = []
            if let subject = item.subject(symbols: run.log.reader.symbols),
               let card = run.monthEnd.rateCards.cards.firstIndex(of: item.rateCard) {
                let key = UsageKey(account: account, subject: subject, flavor: item.flavor, card: card)
                for interval in intervalsByKey[key] ?? [] {
                    intervals.append(Interval(
                        from: Timestamp(secondsSinceEpoch: interval.from), to: Timestamp(secondsSinceEpoch: interval.to),
                        instances: interval.instances, memoryMB: interval.memoryMB, mbSeconds: interval.mbSeconds,
                        start: references.start(of: interval, window: window),
                        end: references.end(of: interval, window: window)))
                }
            }
            lines.append(Line(number: offset + 1, item: item, intervals: intervals))
        }
        self.init(account: metering.account, period: period, currency: invoice.total.currency,
                  invoiceNumber: invoice.number, status: invoice.status, invoiceLineCount: invoice.lines.count,
                  lines: lines, events: metering.events)
    }
}

/// Names the events behind intervals, reading each line again once.
private struct EventReferences {
    let catalog: InputCatalog
    private var cache: [LineLocation: (reference: ChargeExplanation.EventReference, time: Timestamp?)] = [:]

    init(catalog: InputCatalog) {
        self.catalog = catalog
    }

    /// The event at `location` and its time, when its line can be read again.
    mutating func event(at location: LineLocation) -> (reference: ChargeExplanation.EventReference, time: Timestamp?) {
        if let known = cache[location] { return known }
        let line = catalog.reread(location)
        let reference = ChargeExplanation.EventReference(
            eventID: line.eventID.flatMap { try? EventID($0) }, location: catalog.location(location))
        cache[location] = (reference, line.time)
        return (reference, line.time)
    }

    /// An interval that starts later than its event cut at the period's
    /// start, or else at a rate card's start (the meter cuts only there).
    mutating func start(of interval: MeteredInterval, window: Range<Int64>) -> ChargeExplanation.Start {
        let (reference, time) = event(at: interval.openedBy)
        guard let time, time.secondsSinceEpoch < interval.from else { return .event(reference) }
        return interval.from == window.lowerBound ? .beforeTheMonth(reference) : .rateCardChange(reference)
    }

    /// An interval without a closing event ended at the period's end or at a
    /// rate card's start; one whose event came at or after the period's end
    /// was cut there.
    mutating func end(of interval: MeteredInterval, window: Range<Int64>) -> ChargeExplanation.End {
        guard let closedBy = interval.closedBy else {
            return interval.to == window.upperBound ? .monthEnd : .rateCardChange
        }
        let reference = event(at: closedBy).reference
        return interval.to == window.upperBound ? .afterTheMonth(reference) : .event(reference)
    }
}
