extension BillingPipeline {
    /// Where the benchmark stops the month-end run (`tally-bench`, README
    /// "Performance"): after reading, after replaying, after metering, or
    /// at the end with the JSON document written (in pieces, as the CLI
    /// writes it). Each is the product's own path cut short, so the
    /// differences between them are what each stage costs.
    package enum Stage: String, CaseIterable, Sendable {
        case read, replay, meter, whole
    }

    /// Runs the month-end run for `period` over `inputs` up to `stage`.
    ///
    /// - Returns: a figure of the result (records read, events applied, line
    ///   items metered, bytes of JSON) so that nothing is optimised away.
    /// - Throws: ``RunError`` as ``invoices(for:_:onRejection:)``.
    package func run(_ inputs: [EventInput], for period: BillingPeriod, upTo stage: Stage) throws(RunError) -> Int {
        switch stage {
        case .read:
            var reader = EventReader(streaming: false, keepingEveryID: false)
            var records = 0
            do {
                _ = try reader.read(inputs, onRecord: { _, _ in records += 1 }, onRejection: { _ in })
            } catch {
                throw .input(error)
            }
            reader.finish()
            return records
        case .replay:
            return try replay(inputs) { _ in }.counts.applied
        case .meter:
            var replayed = try replay(inputs, metering: MeterRequest(period: period)) { _ in }
            return try meter(spending: &replayed).records.count
        case .whole:
            // As `tally invoice --format json` writes it: piece by piece, never whole.
            var bytes = 0
            try invoices(for: period, inputs).json { bytes += $0.count }
            return bytes
        }
    }
}

extension BillingPipeline {
    /// For the benchmark (`tally-bench --close`): checks that `inputs` still
    /// begin with what the closes in `directory` read, hashing every closed
    /// block even of files whose stamps hold (what a run does when they
    /// don't, e.g. after the log was restored from a backup).
    ///
    /// - Returns: how many files were checked.
    /// - Throws: ``BooksRunError`` as a run with the books.
    package func checkClosedInputsByHashes(_ inputs: [EventInput], books directory: String) throws(BooksRunError) -> Int {
        let books: Books
        do {
            books = try Books.open(directory)
        } catch {
            throw .books(error)
        }
        try checkInputOrder(inputs, books: books)
        try verifyClosedParts(of: inputs, books: books, trustingStamps: false)
        return books.closes.last?.inputs.count ?? 0
    }
}
