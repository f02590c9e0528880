/// Why a run with books has no result (SPEC §7; CLI exit codes in the README).
public enum BooksRunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The run itself failed (exit 66, 78 or 70).
    case run(RunError)
    /// The books can't be used, or the log's closed part changed (exit 65 for
    /// a changed log, 74 when the books can't be written).
    case books(BooksError)
    /// The month has not ended at the time of the close (exit 64).
    case notEnded(BillingPeriod, at: Timestamp)
    /// The month is not the one after the last closed month (exit 64).
    case notNext(BillingPeriod, next: BillingPeriod)
    /// The month is before the first closed month, which is never issued (exit 64).
    case beforeFirstClose(BillingPeriod, first: BillingPeriod)
    /// The books need the log as files; standard input can't be read on from.
    case standardInput
    /// The log as a close read it no longer gives the account the invoice
    /// that close issued: the rate cards changed since (exit 78).
    case notReproduced(BillingPeriod, account: AccountName)

    /// The message, in words, with what to do.
    public var description: String {
        switch self {
        case let .run(error): "\(error)"
        case let .books(error): "\(error)"
        case let .notEnded(month, at):
            "\(month) has not ended at \(at) (it ends at \(month.end)); close it after its end, or give --at to replay a close"
        case let .notNext(month, next):
            "\(month) can't be closed or previewed yet: the next month to close is \(next); close the months in order"
        case let .beforeFirstClose(month, first):
            "\(month) is before the first closed month, \(first); months before it are never issued"
        case .standardInput:
            "the books need the event log as files (they read on from where the last close stopped), not standard input"
        case let .notReproduced(month, account):
            "the log as read at the close of \(month) no longer gives account \(account) the invoice issued then "
                + "(\(Invoice.number(for: account, in: month))); the rate cards changed since: give the rate cards of that close with --rates"
        }
    }
}

/// What the books make of a month (SPEC §7.4).
public enum BookedMonth: Sendable {
    /// A closed month: the run issued when it was closed, the document
    /// printed then (byte for byte), and the month whose invoice will carry
    /// an adjustment for it, when the log now gives other figures.
    case issued(InvoiceRun, document: String, adjustedBy: BillingPeriod?)
    /// The month after the last closed one: what a close would issue now,
    /// adjustments included. Nothing is written.
    case preview(InvoiceRun)
}

/// What `tally close` did (SPEC §7.2).
public enum CloseOutcome: Sendable {
    /// The month is closed now; this is its issued run and document.
    case closed(InvoiceRun, document: String)
    /// The month was already closed; nothing was written.
    case alreadyClosed(InvoiceRun, document: String)
    /// An invoice would be held: nothing was written; fix the log and close again.
    case held(InvoiceRun)
}

extension BillingPipeline {
    /// Closes `month` in `books` (SPEC §7.2): issues its invoices, with the
    /// adjustments of closed months that late events call for, and writes
    /// them and what later runs carry on from, atomically, under the books'
    /// lock. Nothing is written when the month is already closed or an
    /// invoice would be held.
    ///
    /// - Parameters:
    ///   - month: the month to close: ended at `instant`, and the one after
    ///     the last closed month (any month for the first close).
    ///   - inputs: the files of the last close, in the same order, then any new files.
    ///   - directory: the books' folder.
    ///   - instant: the time of the close (the clock, or `--at`).
    ///   - step: told of each write of the close, for tests that stop it there.
    ///   - onRejection: each rejected line, in input order.
    /// - Throws: ``BooksRunError``.
    public func close(_ month: BillingPeriod, _ inputs: [EventInput], books directory: String, at instant: Timestamp,
                      step: (String) -> Void = { _ in },
                      onRejection: (Rejection) -> Void = { _ in }) throws(BooksRunError) -> CloseOutcome {
        guard month.end <= instant else { throw .notEnded(month, at: instant) }
        do throws(BooksError) {
            let books = try Books.open(directory)
            if let issued = try issued(month, books: books) { return .alreadyClosed(issued.run, document: issued.document) }
            return try books.withLock { () throws(BooksError) -> CloseOutcome in
                // Another close may have finished while this one waited.
                let books = try Books.open(directory)
                if let issued = try issued(month, books: books) { return .alreadyClosed(issued.run, document: issued.document) }
                if let first = books.firstClosedMonth, month < first {
                    throw .failedRun(.beforeFirstClose(month, first: first))
                }
                if let last = books.lastClosedMonth, let next = last.next, month != next {
                    throw .failedRun(.notNext(month, next: next))
                }
                let carried: CarriedRun
                do throws(BooksRunError) {
                    carried = try carryOn(to: month, inputs, books: books, closing: true, onRejection: onRejection)
                } catch {
                    throw BooksError.wrapped(error)
                }
                if carried.run.invoices.contains(where: { $0.status == .held }) || !carried.run.heldAccountsWithoutInvoice.isEmpty {
                    return .held(carried.run)
                }
                let package: ClosePackage
                do throws(BooksRunError) {
                    package = try self.package(consume carried, month: month, books: books, at: instant)
                } catch {
                    throw BooksError.wrapped(error)
                }
                let run = package.run
                guard try books.write(consume package, step: step) else {
                    let reopened = try Books.open(directory)
                    guard let issued = try issued(month, books: reopened) else {
                        throw .unusable(path: directory, problem: "\(month) appeared and vanished during the close")
                    }
                    return .alreadyClosed(issued.run, document: issued.document)
                }
                // The document as written: the text of the run printed now is that of the books.
                return .closed(run, document: try books.issuedDocument(of: month))
            }
        } catch {
            if case let .failedRun(inner) = error { throw inner }
            throw .books(error)
        }
    }

    /// `month` with the books (SPEC §7.4): a closed month as issued, or the
    /// month after the last closed one as a close would issue it now.
    ///
    /// - Throws: ``BooksRunError``: ``BooksRunError/beforeFirstClose(_:first:)``
    ///   before the first closed month, ``BooksRunError/notNext(_:next:)``
    ///   after the month to close next.
    public func booked(_ month: BillingPeriod, _ inputs: [EventInput], books directory: String,
                       onRejection: (Rejection) -> Void = { _ in }) throws(BooksRunError) -> BookedMonth {
        let books: Books
        do {
            books = try Books.open(directory)
        } catch {
            throw .books(error)
        }
        guard let last = books.lastClosedMonth, let first = books.firstClosedMonth else {
            return .preview(try carryOn(to: month, inputs, books: books, closing: false, onRejection: onRejection).run)
        }
        if month < first { throw .beforeFirstClose(month, first: first) }
        guard let next = last.next else { throw .notNext(month, next: last) }
        if month > next { throw .notNext(month, next: next) }
        if month == next {
            return .preview(try carryOn(to: month, inputs, books: books, closing: false, onRejection: onRejection).run)
        }
        let issued: (run: InvoiceRun, document: String)?
        do {
            issued = try self.issued(month, books: books)
        } catch {
            throw .books(error)
        }
        guard let issued else { throw .notNext(month, next: next) }
        // Would the log give other figures now? The next close would carry them.
        let now = try carryOn(to: next, inputs, books: books, closing: false, onRejection: { _ in })
        let differs = now.run.invoices.contains { $0.lines.contains { $0.adjusts == month } }
        return .issued(issued.run, document: issued.document, adjustedBy: differs ? next : nil)
    }

    /// The run and document of `month`, when `books` have it closed.
    private func issued(_ month: BillingPeriod, books: Books) throws(BooksError) -> (run: InvoiceRun, document: String)? {
        guard books.close(of: month) != nil else { return nil }
        return (try books.issuedRun(of: month), try books.issuedDocument(of: month))
    }
}

extension BooksError {
    /// A run's error carried through the books' lock.
    static func wrapped(_ error: BooksRunError) -> BooksError {
        if case let .books(inner) = error { return inner }
        return .failedRun(error)
    }
}
