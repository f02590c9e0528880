/// The month-end run seen from one account at a time, for the reports that
/// look inside an account's bill (issue 5: the usage chart, explaining a
/// charge). The log is read and replayed once, like ``MonthEndRun``, and
/// every allocation change is kept by account; ``metering(of:)`` then meters
/// and prices one account alone, keeping the intervals behind its lines and
/// its usage day by day.
///
/// Changes are kept because an account's symbol is known only once the log
/// has been read, while ``Meter`` must know whose intervals to keep before the
/// first change. The cost is memory for one change per billed event.
struct AccountReportRun {
    let monthEnd: MonthEndRun
    /// The log as read and replayed: names, inputs (to read lines again) and counts.
    let log: ReplayedLog
    /// The rejected lines that hold invoices.
    let holds: HoldList
    private let changesByAccount: [Symbol<AccountKind>: [AllocationChange]]

    /// Reads and replays `inputs`.
    ///
    /// - Parameters:
    ///   - rereadable: hold standard input in memory so that events' lines can
    ///     be read again after the run (for naming events by id).
    ///   - onRejection: receives each rejected line as it is found.
    /// - Throws: ``RunError/input(_:)`` when an input can't be read.
    init(_ monthEnd: MonthEndRun, inputs: [EventInput], rereadable: Bool,
         onRejection: (Rejection) -> Void) throws(RunError) {
        self.monthEnd = monthEnd
        var holds = HoldList(periodEnd: monthEnd.period.end.secondsSinceEpoch)
        var changes: [Symbol<AccountKind>: [AllocationChange]] = [:]
        do {
            var readable = inputs
            if rereadable {
                readable = []
                for input in inputs { readable.append(try input.rereadable()) }
            }
            log = try ReplayedLog(readable, onChange: { changes[$0.resource.account, default: []].append($0) },
                                  onRestart: { changes = [:] },
                                  onRejection: {
                                      holds.note($0)
                                      onRejection($0)
                                  })
        } catch {
            throw .input(error)
        }
        self.holds = holds
        changesByAccount = changes
    }

    /// The billing period's window in seconds since the epoch.
    var window: Range<Int64> { monthEnd.period.start.secondsSinceEpoch..<monthEnd.period.end.secondsSinceEpoch }

    /// `account` metered and priced on its own.
    ///
    /// - Returns: its invoice (if it has billable usage), the intervals behind
    ///   every line, and its billed memory day by day.
    /// - Throws: ``RunError/configuration(_:)`` when the account's billable
    ///   usage falls outside every rate card (SPEC §4) or an amount overflows.
    func metering(of account: AccountName) throws(RunError) -> AccountMetering {
        let symbol = log.reader.symbols.lookUp(account.text, as: AccountKind.self)
        var meter = Meter(window: window, rateCards: monthEnd.rateCards, keepIntervalsOf: symbol)
        var daily = DailyUsageMeter(window: window, rateCards: monthEnd.rateCards)
        for change in symbol.flatMap({ changesByAccount[$0] }) ?? [] {
            meter.record(change)
            daily.record(change)
        }
        do {
            let usage = try meter.finish()
            let run = try monthEnd.invoiceRun(pricing: usage, symbols: log.reader.symbols, holds: holds, events: log.counts)
            return AccountMetering(
                account: account, accountSymbol: symbol, invoice: run.invoices.first,
                heldWithoutInvoice: run.heldAccountsWithoutInvoice.first { $0.account == account },
                events: log.counts, intervals: usage.intervals, daily: daily.finish())
        } catch {
            throw .configuration(error)
        }
    }
}

/// One account metered and priced alone (see ``AccountReportRun``).
struct AccountMetering {
    var account: AccountName
    /// The account's symbol, `nil` when the log never names it.
    var accountSymbol: Symbol<AccountKind>?
    /// Its invoice, when it has billable usage in the period.
    var invoice: Invoice?
    /// Its rejected lines when they hold its bill but it has no invoice.
    var heldWithoutInvoice: HeldAccount?
    /// How every line of the whole log was accounted for.
    var events: EventCounts
    /// The intervals behind its usage, ordered by start.
    var intervals: [MeteredInterval]
    /// Its billed memory by resource and day.
    var daily: [BilledResource: DailyUsageSeries]
}
