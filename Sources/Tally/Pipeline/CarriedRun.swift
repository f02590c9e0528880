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
}

extension BillingPipeline {
    /// Runs `month` with `books`: checks that the log still begins with what
    /// the closes read, replays from the last close's snapshot (from an
    /// earlier valid one, or from the start, when a late event reaches
    /// back), meters the month (and the closed months since the start), and
    /// assembles the month's lines with the adjustments of closed months.
    ///
    /// - Parameter closing: keep what a close needs (the platform at the
    ///   month's end, the ids read).
    /// - Throws: ``BooksRunError``.
    func carryOn(to month: BillingPeriod, _ inputs: [EventInput], books: Books, closing: Bool,
                 onRejection: (Rejection) -> Void) throws(BooksRunError) -> CarriedRun {
        if inputs.contains(where: { $0.isStandardInput }) { throw .standardInput }
        try checkInputs(inputs, books: books)
        var holds = HoldList(periodEnd: month.end.secondsSinceEpoch)
        let options = ReplayOptions(capture: closing ? month.end.secondsSinceEpoch : nil, recordingIDs: closing)
        func replay(from start: ReplayStart, window: Range<Int64>) throws(BooksRunError) -> ReplayOutcome<Meter?> {
            do {
                return try self.replay(inputs, from: start, options: options,
                                       metering: MeterRequest(window: window, accounts: nil)) { rejection in
                    holds.note(rejection)
                    onRejection(rejection)
                }
            } catch {
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
            guard case let .replayed(result, _) = try replay(from: try start(books: books, at: base),
                                                            window: meteredFrom..<monthWindow.upperBound)
            else { preconditionFailure("a replay from a close before every late event has none") }
            replayed = result
        }

        let priced: [PricedLine]
        do {
            priced = try price(try meter(replayed), names: replayed.names)
        } catch {
            throw .run(error)
        }
        var names = replayed.names
        var lines: [PricedLine] = []
        var due: [Int32: [(AccountName, LineItem)]] = [:]
        for line in priced {
            guard let key = line.line.key, key.month != month.monthIndex else {
                lines.append(line)
                continue
            }
            due[key.month, default: []].append((names.name(line.account), line.line))
        }
        // Adjustments for every closed month the replay metered (SPEC §7.3).
        for closed in books.closedMonths where closed.start.secondsSinceEpoch >= meteredFrom
            && closed < month {
            let billed: [(AccountName, LineItem)]
            do throws(BooksError) {
                billed = try billedLines(of: closed, books: books)
            } catch {
                throw .books(error)
            }
            do throws(RunError) {
                for (account, line) in try Adjustments.lines(for: closed, due: due[closed.monthIndex] ?? [], billed: billed) {
                    lines.append(PricedLine(account: names.intern(account.text), line: line))
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
        return CarriedRun(run: run, replayed: replayed, lateFrom: lateFrom, inputs: inputs)
    }

    /// Every line billed for `month`: its issued lines, then the adjustments
    /// of it issued by later closes.
    func billedLines(of month: BillingPeriod, books: Books) throws(BooksError) -> [(AccountName, LineItem)] {
        var billed: [(AccountName, LineItem)] = []
        for invoice in try books.issuedRun(of: month).invoices {
            billed += invoice.ownLines.map { (invoice.account, $0) }
        }
        for later in books.closedMonths where later > month {
            for invoice in try books.issuedRun(of: later).invoices {
                billed += invoice.adjustmentLines.filter { $0.adjusts == month }.map { (invoice.account, $0) }
            }
        }
        return billed
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

    /// Checks that `inputs` are the last close's files, in order, each still
    /// beginning with what was read then (SPEC §7.2), then any new files.
    func checkInputs(_ inputs: [EventInput], books: Books) throws(BooksRunError) {
        guard let last = books.closes.last else { return }
        guard inputs.count >= last.inputs.count else {
            throw .books(.inputsDiffer(expected: last.inputs.map(\.name), given: inputs.map(\.name)))
        }
        for (index, closed) in last.inputs.enumerated() {
            guard let path = inputs[index].path else { throw .standardInput }
            do throws(BooksError) {
                try ClosedInputCheck.verify(path, name: inputs[index].name, index: index, closes: books.closes)
            } catch {
                if case let .inputChanged(_, month, offset, problem) = error, problem == "is missing", inputs[index].name != closed.name {
                    throw .books(.inputChanged(input: inputs[index].name, month: month, offset: offset,
                                               problem: "is missing (the close read \(closed.name) here)"))
                }
                throw .books(error)
            }
        }
    }
}
