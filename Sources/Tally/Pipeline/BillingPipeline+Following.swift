/// Stages 1 and 2 for a log that is followed (the ticket service's ledger,
/// README "For the ticket service"): the platform replayed from where the
/// books leave it, with every event since kept, so that events appended later
/// (in time order or not) can be applied without reading the log again.
struct FollowedLog {
    /// The replay to the log's end, with its records and the rules broken.
    var replayed: Replayed
    /// The platform the records start from: the close's snapshot, or empty.
    var base: PlatformState
    /// The instant the base is of; every record is dated at or after it.
    var baseEnd: Int64?
    /// The books, when the replay started from them.
    var books: Books?
}

extension BillingPipeline {
    /// Replays `inputs` to their end from the books' last close (from an
    /// earlier one when a late event reaches back, SPEC §7.3), or from the
    /// empty platform without books, keeping each record, every id with its
    /// line, and each account's applications and edges; a last line without
    /// its newline is left for a later read.
    ///
    /// - Parameters:
    ///   - books: the books' folder, or `nil`.
    ///   - metering: a meter to feed along the way, if the caller will ask
    ///     about a billing period's cost.
    ///   - onRejection: each rejected line, in input order.
    /// - Throws: ``BooksRunError``: `.run` when an input can't be read; the
    ///   books' errors when they can't be used or the closed part changed.
    func follow(_ inputs: [EventInput], books directory: String?, metering request: MeterRequest?,
                onRejection: (Rejection) -> Void) throws(BooksRunError) -> FollowedLog {
        let options = ReplayOptions(keepingEveryID: true, indexingAccounts: true, completeLinesOnly: true,
                                    keepingRecords: true)
        func replay(from start: ReplayStart) throws(BooksRunError) -> ReplayOutcome<Meter?> {
            do {
                return try self.replay(inputs, from: start, options: options, metering: request, onRejection: onRejection)
            } catch {
                throw .run(error)
            }
        }
        func followed(_ replayed: Replayed, from start: ReplayStart, books: Books?) -> FollowedLog {
            FollowedLog(replayed: replayed, base: start.snapshot?.state ?? PlatformState(indexingAccounts: true),
                        baseEnd: start.end, books: books)
        }
        guard let directory else {
            guard case let .replayed(replayed, _) = try replay(from: .empty)
            else { preconditionFailure("a replay from the empty platform has no late event") }
            return followed(replayed, from: .empty, books: nil)
        }
        let books: Books
        do throws(BooksError) {
            books = try Books.open(directory)
        } catch {
            throw .books(error)
        }
        if inputs.contains(where: { $0.isStandardInput }) { throw .standardInput }
        try checkInputs(inputs, books: books)
        let start = try self.start(books: books, at: books.lastClosedMonth, indexingAccounts: true)
        switch try replay(from: start) {
        case let .replayed(replayed, _):
            return followed(replayed, from: start, books: books)
        case let .late(time):
            let earlier = try self.start(books: books, at: rewoundBase(books: books, lateAt: time), indexingAccounts: true)
            guard case let .replayed(replayed, _) = try replay(from: earlier)
            else { preconditionFailure("a replay from a close before every late event has none") }
            return followed(replayed, from: earlier, books: books)
        }
    }
}
