/// Tally's one pipeline (README, "Architecture"): read the event log →
/// replay it into the platform's state and its allocation changes → meter a
/// window of them into usage → price the usage into line items → assemble
/// invoices; reports render the result. Every run goes through it: the
/// month-end run, the operator reports, the ticket service's ledger and
/// appender, and the benchmark. Only the pipeline calls more than one stage.
///
/// ```swift
/// let pipeline = BillingPipeline(rateCards: try RateCardSet.load(directory: "Rates"))
/// let run = try pipeline.invoices(for: BillingPeriod("2026-10")!, [.file("events.jsonl")])
/// print(run.text())
/// ```
public struct BillingPipeline: Sendable {
    /// The rate cards that price every run (SPEC §4).
    public let rateCards: RateCardSet

    /// Called with how far reading the log has come, for a progress display
    /// (every 65,536 lines and at the end of each input); `nil` for none.
    public var progress: (@Sendable (ReadProgress) -> Void)?

    /// Threads a run may use: 1 (the default) reads and replays on the
    /// caller's thread; 2 or more replay and meter a log in time order on a
    /// second thread while the first goes on reading (`--jobs`, README
    /// "Performance"). The results are the same either way.
    public var jobs = 1

    /// Records handed to the replaying thread at a time, with ``jobs`` of 2
    /// or more (smaller in tests, so that a short log makes many batches).
    var replayBatch = 4096

    /// For tests: parse every line with Foundation instead of the fast parser.
    var foundationOnly = false
    /// For tests: ids kept with their first line before the id registry keeps only hashes.
    var locatedLimit = DuplicateRegistry.locatedLimit

    /// A pipeline pricing with `rateCards`.
    public init(rateCards: RateCardSet) {
        self.rateCards = rateCards
    }

    /// The month-end run: every account's invoice for `period`.
    ///
    /// - Parameters:
    ///   - period: the calendar month billed (SPEC §3).
    ///   - inputs: the event log's files (or standard input, or text), read in order.
    ///   - onRejection: called with each rejected line, e.g. to print
    ///     `FILE:LINE: ID: reason` on standard error or keep it for replay.
    /// - Returns: the invoices, held where rejected lines may change them, and
    ///   the event accounting.
    /// - Throws: ``RunError/input(_:)`` when an input can't be read;
    ///   ``RunError/configuration(_:)`` when billable usage falls outside every
    ///   rate card (SPEC §4); ``RunError/overflow(_:)`` when an amount does not
    ///   fit in 64 bits.
    public func invoices(for period: BillingPeriod, _ inputs: [EventInput],
                         onRejection: (Rejection) -> Void = { _ in }) throws(RunError) -> InvoiceRun {
        var holds = HoldList(periodEnd: period.end.secondsSinceEpoch)
        var replayed = try replay(inputs, metering: MeterRequest(period: period)) { rejection in
            holds.note(rejection)
            onRejection(rejection)
        }
        // The usage goes once priced: only the priced lines reach the assembler.
        let priced = try price(try meter(spending: &replayed), names: replayed.names)
        return try assemble(priced, period: period, holds: holds, events: replayed.counts, names: replayed.names)
    }
}
