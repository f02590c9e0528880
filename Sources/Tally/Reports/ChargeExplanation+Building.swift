extension ChargeExplanation {
    /// Builds the explanation of the selected lines of an account's bill,
    /// naming each interval's events by the id read again from their lines.
    ///
    /// - Throws: ``ExplainError/noInvoice(_:_:)`` or ``ExplainError/noLine(_:invoiceNumber:lineCount:)``.
    init(_ bill: AccountBill, selecting selection: ChargeSelection) throws(ExplainError) {
        let period = bill.period
        guard let invoice = bill.invoice else { throw .noInvoice(bill.account, period) }
        let selected = invoice.lines.enumerated().filter {
            selection.selects($0.element, number: $0.offset + 1, invoiceNumber: invoice.number)
        }
        guard !selected.isEmpty else {
            throw .noLine(selection, invoiceNumber: invoice.number, lineCount: invoice.lines.count)
        }
        let intervalsByKey = Dictionary(grouping: bill.usage.intervals) { $0.key }
        var references = EventReferences(replayed: bill.replayed)
        let window = period.start.secondsSinceEpoch..<period.end.secondsSinceEpoch
        var lines: [Line] = []
        for (offset, item) in selected {
            // An adjustment corrects a closed month: this month's intervals are not behind it.
            let keyed = item.isAdjustment ? nil : item.key.flatMap { intervalsByKey[$0] }
            let intervals = (keyed ?? []).map { interval in
                Interval(from: Timestamp(secondsSinceEpoch: interval.from), to: Timestamp(secondsSinceEpoch: interval.to),
                         instances: interval.instances, memoryMB: interval.memoryMB, mbSeconds: interval.mbSeconds,
                         start: references.start(of: interval, window: window),
                         end: references.end(of: interval, window: window))
            }
            let cause = item.isAdjustment
                ? bill.causes.first { $0.correction.account == bill.account && $0.correction.line == item } : nil
            lines.append(Line(number: offset + 1, item: item, intervals: intervals,
                              adjustment: cause.map { references.adjustment($0) }))
        }
        self.init(account: bill.account, period: period, currency: invoice.total.currency,
                  invoiceNumber: invoice.number, status: invoice.status,
                  rejectedLineCount: invoice.rejectedLineCount, invoiceLineCount: invoice.lines.count,
                  lines: lines, events: bill.replayed.counts)
    }
}

/// Names the events behind intervals, reading each line again once.
private struct EventReferences {
    let replayed: Replayed
    private var cache: [LineLocation: (reference: ChargeExplanation.EventReference, time: Timestamp?)] = [:]

    init(replayed: Replayed) {
        self.replayed = replayed
    }

    /// The event at `location` and its time, when its line can be read again.
    mutating func event(at location: LineLocation) -> (reference: ChargeExplanation.EventReference, time: Timestamp?) {
        if let known = cache[location] { return known }
        let line = replayed.reread(location)
        let reference = ChargeExplanation.EventReference(
            eventID: line.eventID.flatMap { try? EventID($0) }, location: replayed.location(of: location))
        cache[location] = (reference, line.time)
        return (reference, line.time)
    }

    /// An adjustment's figures, its late events named by their lines.
    mutating func adjustment(_ cause: AdjustmentCause) -> ChargeExplanation.Adjustment {
        let correction = cause.correction
        return ChargeExplanation.Adjustment(
            dueMBSeconds: correction.dueMBSeconds, due: correction.due,
            billedMBSeconds: correction.billedMBSeconds, billed: correction.billed,
            lateEvents: cause.lateRecords.map { record in
                ChargeExplanation.LateEvent(event: event(at: record.location).reference, type: record.type,
                                            time: Timestamp(secondsSinceEpoch: record.time))
            })
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
