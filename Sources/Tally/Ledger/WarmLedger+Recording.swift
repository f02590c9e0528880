extension WarmLedger {
    /// Validates `action` for `account` at `time` and appends its event to
    /// the log (the last input), keeping the log's lock only for the append
    /// itself: read what is new, validate, write, `fsync`
    /// (README, "For the ticket service"). The line is then read back and
    /// applied like any other.
    ///
    /// An event at or after the last one is checked against the platform at
    /// the end; an earlier one (backdated) against the history it lands in,
    /// replaying only from the checkpoint before it, and refused when a later
    /// event would then break a rule. An event dated in a closed month is
    /// refused unless `backdate` (SPEC §7.5); before the base of the kept
    /// records, it is checked by replaying the whole log.
    ///
    /// - Throws: ``RecordingError``; nothing is written then.
    mutating func record(_ action: SSLAction, for account: AccountName, at time: Timestamp, id: EventID?,
                         backdate: Bool, lockTimeout: Duration,
                         cancelled: () -> Bool = { false }) throws(RecordingError) -> RecordingOutcome {
        guard let path = inputs.last?.path, inputs.last?.isStandardInput == false else {
            throw .io(path: "-", problem: "standard input can't be appended to; give the event log's path")
        }
        if let closed = books?.lastClosedMonth, time < closed.end, !backdate {
            throw .closedMonth(time, lastClosed: closed)
        }
        let event = action.event(id: id ?? EventLogAppender.freshID(), account: account, at: time)
        let line = event.jsonLine
        guard !line.isEmpty else { throw .io(path: path, problem: "the event could not be written as JSON; nothing was appended") }
        let file = try LockedLogFile(path: path, lockTimeout: lockTimeout, cancelled: cancelled)
        do {
            try refresh()
        } catch {
            throw RecordingError(error)
        }
        guard try file.endsWithNewline() else { throw .incompleteLastLine(path: path) }
        switch try verdict(on: event, line: Array(line.utf8)) {
        case .duplicate:
            return .alreadyRecorded(event)
        case let .rejected(.conflictingDuplicate(first)):
            throw .idInUse(event.id, by: first)
        case let .rejected(reason):
            throw .input(InputError(name: EventLogAppender.candidateName, problem: "\(reason)"))
        case .new:
            break
        }
        try validate(action, for: account, at: time)
        try file.append(Array((line + "\n").utf8))
        // The line is applied as read back; an error here is the next call's.
        try? refresh()
        return .recorded(event)
    }

    /// What the event's line would be after the log (SPEC §2.1).
    private func verdict(on event: Event, line: [UInt8]) throws(RecordingError) -> EventReader.AppendedVerdict {
        if let verdict = reader.verdict(onAppending: line, id: event.id.text) { return verdict }
        // An earlier line with the id's hash is no longer located: read the line.
        var copy = reader
        do {
            return try copy.verdict(onAppending: .events([event], name: EventLogAppender.candidateName))
        } catch {
            throw .input(error)
        }
    }

    /// Checks the action at `time` with the real replay rules (SPEC §2.2)
    /// and, dated before later events, that none of them would break a rule.
    private mutating func validate(_ action: SSLAction, for account: AccountName, at time: Timestamp) throws(RecordingError) {
        var names = reader.symbols
        if time.secondsSinceEpoch >= frontier {
            if let refusal = action.check(against: replayer, account: account, at: time, symbols: &names) { throw .refused(refusal) }
            return
        }
        if let baseEnd, time.secondsSinceEpoch < baseEnd {
            try EventLogAppender.checkAfresh(action, for: account, at: time, log: inputs)
            return
        }
        buildCheckpoints()
        let probe = EventRecord(time: time.secondsSinceEpoch, sequence: .max, type: .domainAdded, flavor: nil, instances: 0,
                                memoryUnits: 0, account: .none, application: .none, service: .none, serviceType: .none,
                                domain: .none, location: LineLocation(source: .max, line: 0, offset: 0, length: 0))
        let position = insertionPoint(of: probe)
        let start = checkpoints.last { $0.index <= position } ?? checkpoints[0]
        var trial = Replayer(state: start.state)
        recordsReplayed += records.count - start.index
        for record in records[start.index..<position] { _ = trial.apply(record, symbols: names) { _ in } }
        if let refusal = action.apply(to: &trial, account: account, at: time, symbols: &names) { throw .refused(refusal) }
        var broken: [EventRecord] = []
        for record in records[position...] {
            if trial.apply(record, symbols: names, emit: { _ in }) != nil, violations[record.sequence] == nil {
                broken.append(record)
            }
        }
        guard broken.isEmpty else {
            let owner: Symbol<AccountKind>? = names.lookUp(account.text)
            let own = broken.filter { $0.account == owner }.map { reader.catalog.location($0.location) }.sorted()
            throw .wouldInvalidateLaterEvents(count: own.count, ownLines: own)
        }
    }
}
