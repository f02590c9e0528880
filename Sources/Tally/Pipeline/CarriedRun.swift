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
        if !inputsChecked { try checkInputs(inputs, books: books) }
        var holds = HoldList(periodEnd: month.end.secondsSinceEpoch)
        var options = ReplayOptions(capture: closing ? month.end.secondsSinceEpoch : nil, recordingIDs: closing)
        options.late = books.closes.last.map(LateWindow.init)
        func replay(from start: ReplayStart, window: Range<Int64>) throws(BooksRunError) -> ReplayOutcome<Meter?> {
            var start = start
            for (index, offset) in (readTo ?? []).enumerated() { start.readTo[index] = offset }
            do {
                return try self.replay(inputs, from: start, options: options,
                                       metering: MeterRequest(window: window, accounts: account.map { [$0] },
                                                              keepsDetail: account != nil)) { rejection in
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
            // Start from the latest close before the late event whose snapshot
            // no later close has seen history change under.
            let base = books.closedMonths.last { close in
                close.end.secondsSinceEpoch <= time
                    && books.closes.allSatisfy { later in
                        guard let period = later.period, period > close else { return true }
                        return (later.lateFrom ?? Int64.max) >= close.end.secondsSinceEpoch
                    }
            }
            meteredFrom = min((base?.next ?? books.firstClosedMonth ?? month).start.secondsSinceEpoch, monthWindow.lowerBound)
            guard case let .replayed(result, _) = try replay(from: try start(books: books, at: base),
                                                            window: meteredFrom..<monthWindow.upperBound)
            else { preconditionFailure("a replay from a close before every late event has none") }
            replayed = result
        }

        let priced: [PricedLine]
        var detail: Usage?
        do {
            let usage = try meter(replayed)
            priced = try price(usage, names: replayed.names)
            if account != nil { detail = usage.days(of: month, meteredFrom: meteredFrom) }
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
        var corrections: [Adjustments.Correction] = []
        for closed in books.closedMonths where closed.start.secondsSinceEpoch >= meteredFrom
            && closed < month {
            var billed: [(AccountName, LineItem)]
            do throws(BooksError) {
                billed = try billedLines(of: closed, books: books)
            } catch {
                throw .books(error)
            }
            if let account { billed.removeAll { $0.0 != account } }
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
        let index = account == nil ? nil : LateEventIndex(replayed.lateRecords)
        carried.causes = corrections.map { correction in
            AdjustmentCause(correction: correction, lateRecords: index?.causes(of: correction, names: names) ?? [])
        }
        return carried
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

    /// Where a replay with `books` starts: the snapshot of `month`'s close
    /// and where it left each input, or the start of the log.
    func start(books: Books, at month: BillingPeriod?) throws(BooksRunError) -> ReplayStart {
        guard let month, let close = books.close(of: month) else { return .empty }
        do throws(BooksError) {
            var start = ReplayStart(snapshot: try books.snapshot(of: month, indexingAccounts: false),
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
