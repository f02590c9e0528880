/// The month-end batch (issue 2): reads the event log, replays it, meters one
/// billing period, prices it and assembles one invoice per account — the
/// pipeline read → replay → meter → rate → assemble. Rendering is separate
/// (``InvoiceReport``).
public struct MonthEndRun: Sendable {
    /// The calendar month billed.
    public let period: BillingPeriod
    /// The rate cards that price it.
    public let rateCards: RateCardSet

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
        let log: ReplayedLog
        do {
            log = try ReplayedLog(inputs, onChange: { meter.record($0) }, onRejection: {
                holds.note($0)
                onRejection($0)
            })
        } catch {
            throw .input(error)
        }
        do {
            let usage = try meter.finish()
            let assembler = InvoiceAssembler(period: period, currency: rateCards.currency)
            let invoices = try Self.invoices(for: usage.records, symbols: log.reader.symbols, period: period,
                                             rateCards: rateCards, holds: holds)
            return InvoiceRun(period: period, currency: rateCards.currency, invoices: invoices, events: log.counts,
                              heldAccountsWithoutInvoice: assembler.heldAccountsWithoutInvoice(invoices, holds: holds))
        } catch {
            throw .configuration(error)
        }
    }

    /// Stages 4 and 5: prices usage records (one line item each) and
    /// assembles one invoice per account, held when `holds` names the account.
    /// Shared with the account's cost to date (issue 4), so both round alike.
    ///
    /// - Throws: ``RateCardError`` when an amount or a total does not fit in 64 bits.
    static func invoices(for records: [UsageRecord], symbols: SymbolTable, period: BillingPeriod,
                         rateCards: RateCardSet, holds: HoldList) throws(RateCardError) -> [Invoice] {
        let rater = Rater(rateCards: rateCards)
        var lines: [(account: AccountName, line: LineItem)] = []
        for record in records {
            lines.append((symbols.name(record.key.account), try rater.lineItem(for: record, symbols: symbols)))
        }
        return try InvoiceAssembler(period: period, currency: rateCards.currency).invoices(for: lines, holds: holds)
    }
}
