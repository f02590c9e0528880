/// A month's run with the books (SPEC §7): replayed from the last close's
/// snapshot (or an earlier one when late events reach back), with the
/// month's own lines and the adjustments of the closed months.
struct CarriedRun {
    /// The invoices a close would issue.
    var run: InvoiceRun
    /// The replay, to take a snapshot from.
    var replayed: Replayed
    /// The earliest late event's time, if the log holds late events.
    var lateFrom: Int64?
    var inputs: [EventInput]
    /// The adjustment lines with their due and billed figures and, when the
    /// run was asked for one account, the late events that touched each.
    var causes: [AdjustmentCause] = []
    /// When the run was asked for one account: its usage in the month with
    /// the detail behind each line (intervals; days of the month).
    var detail: Usage?
    /// The stamps of the closed files checked, by input index, for a close to record.
    var checkedStamps: [Int: FileStamp] = [:]
}

extension BillingPipeline {
    /// Runs `month` with `books`: checks that the log still begins with what
    /// the closes read, replays from the last close's snapshot (from an
    /// earlier valid one, or from the start, when a late event reaches
    /// back), meters the month (and the closed months since the start), and
    /// assembles the month's lines with the adjustments of closed months.
    ///
    /// - Parameters:
    ///   - closing: keep what a close needs (the platform at the month's
    ///     end, the ids read).
    ///   - account: meter this account alone, keeping the detail behind its
    ///     lines, and find the late events behind its adjustments.
    ///   - readTo: read each input only up to these offsets (the log as a
    ///     later close read it).
    ///   - inputsChecked: the caller checked the inputs against the books.
    /// - Throws: ``BooksRunError``.
    func carryOn(to month: BillingPeriod, _ inputs: [EventInput], books: Books, closing: Bool,
                 only account: AccountName? = nil, readTo: [Int64]? = nil, inputsChecked: Bool = false,
                 onRejection: (Rejection) -> Void) throws(BooksRunError) -> CarriedRun {
        if inputs.contains(where: { $0.isStandardInput }) { throw .standardInput }
        // The closed parts are hashed on a second thread while the replay reads what is new (hashed
        // in turn, the closed part of a 13-month log took a tenth of a close); a rejected line waits
        // for the check, so nothing is reported from a log whose closed part changed.
        var check: BackgroundWork<[Int: FileStamp], BooksRunError>?
        if !inputsChecked {
            try checkInputOrder(inputs, books: books)
            check = BackgroundWork { () throws(BooksRunError) in try self.verifyClosedParts(of: inputs, books: books) }
        }
        var checkFailed = false
        func checked() -> Bool {
            if let pending = check, !checkFailed {
                do throws(BooksRunError) { try pending.wait() } catch { checkFailed = true }
            }
            return !checkFailed
        }
        var holds = HoldList(periodEnd: month.end.secondsSinceEpoch)
        var options = ReplayOptions(capture: closing ? month.end.secondsSinceEpoch : nil, recordingIDs: closing)
        options.late = books.closes.last.map(LateWindow.init)
        func replay(from start: ReplayStart, window: Range<Int64>, sortingFirst: Bool = false) throws(BooksRunError)
            -> ReplayOutcome<Meter?> {
            var start = start
            var options = options
            options.sortingFirst = sortingFirst
            for (index, offset) in (readTo ?? []).enumerated() { start.readTo[index] = offset }
            do {
                return try self.replay(inputs, from: start, options: options,
                                       metering: MeterRequest(window: window, accounts: account.map { [$0] },
                                                              keepsDetail: account != nil)) { rejection in
                    guard checked() else { return }
                    holds.note(rejection)
                    onRejection(rejection)
                }
            } catch {
                try check?.wait()
                throw .run(error)
            }
        }
        let monthWindow = month.start.secondsSinceEpoch..<month.end.secondsSinceEpoch
        var lateFrom: Int64?
        var meteredFrom = monthWindow.lowerBound
        var replayed: Replayed
        switch try replay(from: try start(books: books, at: books.lastClosedMonth), window: monthWindow) {
        case let .replayed(result, _):
            replayed = result
        case let .late(time):
            lateFrom = time
            let base = rewoundBase(books: books, lateAt: time)
            meteredFrom = min((base?.next ?? books.firstClosedMonth ?? month).start.secondsSinceEpoch, monthWindow.lowerBound)
            // The late events follow later ones in the log: it is read once and sorted.
            guard case let .replayed(result, _) = try replay(from: try start(books: books, at: base),
                                                            window: meteredFrom..<monthWindow.upperBound, sortingFirst: true)
            else { preconditionFailure("a replay from a close before every late event has none") }
            replayed = result
        }

        // Every id is settled: their registry's memory goes before the lines are priced and written.
        replayed.reader.duplicates = DuplicateRegistry(mode: .exact)
        let stamps = try check?.wait() ?? [:]
        var lines: [PricedLine]
        var detail: Usage?
        do {
            let usage = try meter(replayed)
            // The meter's table is not needed again: its memory goes before the lines are assembled.
            replayed.meter = nil
            lines = try price(usage, names: replayed.names)
            if account != nil { detail = usage.days(of: month, meteredFrom: meteredFrom) }
        } catch {
            throw .run(error)
        }
        var names = replayed.names
        var due: [Int32: [(AccountName, LineItem)]] = [:]
        // Closed months' lines (metered when a late event reaches back) are what is due for them now.
        if lines.contains(where: { $0.line.key.map { $0.month != month.monthIndex } ?? false }) {
            var own: [PricedLine] = []
            for line in lines {
                guard let key = line.line.key, key.month != month.monthIndex else {
                    own.append(line)
                    continue
                }
                due[key.month, default: []].append((names.name(line.account), line.line))
            }
            lines = own
        }
        // Adjustments for every closed month the replay metered (SPEC §7.3).
        var corrections: [Adjustments.Correction] = []
        let metered = books.closedMonths.filter { $0.start.secondsSinceEpoch >= meteredFrom && $0 < month }
        try forEachBilled(metered, books: books, only: account) { (closed, billed) throws(BooksRunError) in
            do throws(RunError) {
                for correction in try Adjustments.lines(for: closed, due: due[closed.monthIndex] ?? [], billed: billed) {
                    lines.append(PricedLine(account: names.intern(correction.account.text), line: correction.line))
                    corrections.append(correction)
                }
            } catch {
                throw .run(error)
            }
        }
        let run: InvoiceRun
        do throws(RunError) {
            run = try assemble(lines, period: month, holds: holds, events: replayed.counts, names: names)
        } catch {
            throw .run(error)
        }
        var carried = CarriedRun(run: run, replayed: replayed, lateFrom: lateFrom, inputs: inputs)
        carried.detail = detail
        carried.checkedStamps = stamps
        let index = account == nil ? nil : LateEventIndex(replayed.lateRecords)
        carried.causes = corrections.map { correction in
            AdjustmentCause(correction: correction, lateRecords: index?.causes(of: correction, names: names) ?? [])
        }
        return carried
    }

    /// Calls `body` with each of the closed `months` (in order, latest
    /// first) and every line billed for it: its issued lines, then the
    /// adjustments of it issued by later closes; only `account`'s when given.
    /// Each issued run is read once, the latest first, so that a month's
    /// later adjustments are known when it is reached (read for each month
    /// in turn, a late event a year back read the runs of a 13-month log 78
    /// times).
    ///
    /// - Throws: ``BooksRunError/books(_:)`` when an issued run can't be read; what `body` throws.
    func forEachBilled(_ months: [BillingPeriod], books: Books, only account: AccountName? = nil,
                       _ body: (BillingPeriod, [(AccountName, LineItem)]) throws(BooksRunError) -> Void) throws(BooksRunError) {
        guard let earliest = months.first else { return }
        var adjustments: [BillingPeriod: [(AccountName, LineItem)]] = [:]
        for closed in books.closedMonths.reversed() where closed >= earliest {
            let run: InvoiceRun
            do throws(BooksError) {
                run = try books.issuedRun(of: closed)
            } catch {
                throw .books(error)
            }
            if months.contains(closed) {
                var billed: [(AccountName, LineItem)] = []
                for invoice in run.invoices where account == nil || invoice.account == account {
                    billed += invoice.ownLines.map { (invoice.account, $0) }
                }
                try body(closed, billed + (adjustments.removeValue(forKey: closed) ?? []))
            }
            for invoice in run.invoices where account == nil || invoice.account == account {
                for line in invoice.adjustmentLines {
                    guard let corrected = line.adjusts, corrected >= earliest else { continue }
                    adjustments[corrected, default: []].append((invoice.account, line))
                }
            }
        }
    }

    /// The close to replay from when the log holds a late event at `time`
    /// (SPEC §7.3): the latest close before it whose snapshot no later close
    /// has seen history change under; `nil` for the start of the log.
    func rewoundBase(books: Books, lateAt time: Int64) -> BillingPeriod? {
        books.closedMonths.last { close in
            close.end.secondsSinceEpoch <= time
                && books.closes.allSatisfy { later in
                    guard let period = later.period, period > close else { return true }
                    return (later.lateFrom ?? Int64.max) >= close.end.secondsSinceEpoch
                }
        }
    }

    /// Where a replay with `books` starts: the snapshot of `month`'s close
    /// and where it left each input, or the start of the log.
    func start(books: Books, at month: BillingPeriod?, indexingAccounts: Bool = false) throws(BooksRunError) -> ReplayStart {
        guard let month, let close = books.close(of: month) else { return .empty }
        do throws(BooksError) {
            var start = ReplayStart(snapshot: try books.snapshot(of: month, indexingAccounts: indexingAccounts),
                                    closedIDs: try books.closedIDs(through: month))
            for (index, input) in close.inputs.enumerated() { start.readFrom[index] = (input.bytes, input.lines) }
            return start
        } catch {
            throw .books(error)
        }
    }
}
