/// The month-end batch (issue 2): reads the event log, replays it, meters one
/// billing period, prices it and assembles one invoice per account — the
/// pipeline read → replay → meter → rate → assemble. Rendering is separate
/// (``InvoiceReport``).
public struct MonthEndRun: Sendable {
    /// The calendar month billed.
    public let period: BillingPeriod
    /// The rate cards that price it.
    public let rateCards: RateCardSet

    /// For tests: parse every line with Foundation instead of the fast parser.
    var foundationOnly = false
    /// For tests: ids kept with their first line before the registry keeps only hashes.
    var locatedLimit = DuplicateRegistry.locatedLimit

    /// Makes a run for `period` priced with `rateCards`.
    public init(period: BillingPeriod, rateCards: RateCardSet) {
        self.period = period
        self.rateCards = rateCards
    }

    /// Runs the batch over `inputs`, read in the order given.
    ///
    /// - Parameters:
    ///   - inputs: the event log's files (or standard input, or text).
    ///   - onRejection: called with each rejected line as it is found, e.g.
    ///     to print `FILE:LINE: ID: reason` on standard error or keep it for
    ///     replay. The run itself keeps only the first few per account.
    /// - Returns: the invoices and the event accounting.
    /// - Throws: ``RunError/input(_:)`` when an input can't be read;
    ///   ``RunError/configuration(_:)`` when billable usage falls outside
    ///   every rate card (SPEC §4).
    public func run(_ inputs: [EventInput], onRejection: (Rejection) -> Void = { _ in }) throws(RunError) -> InvoiceRun {
        var meter = Meter(window: period.start.secondsSinceEpoch..<period.end.secondsSinceEpoch, rateCards: rateCards)
        var holds = HoldList(periodEnd: period.end.secondsSinceEpoch)
        // Only the names and counts outlive the replay: its state and id
        // registry (8 bytes an event) are gone before pricing starts.
        let symbols: SymbolTable
        let counts: EventCounts
        do {
            let log = try ReplayedLog(inputs, foundationOnly: foundationOnly, locatedLimit: locatedLimit,
                                      onChange: { meter.record($0) }, onRestart: { meter.restart() }, onRejection: {
                holds.note($0)
                onRejection($0)
            })
            symbols = log.reader.symbols
            counts = log.counts
        } catch {
            throw .input(error)
        }
        do {
            return try invoiceRun(pricing: try meter.finish(), symbols: symbols, holds: holds, events: counts)
        } catch {
            throw .configuration(error)
        }
    }
}
