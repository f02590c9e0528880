extension WarmLedger {
    /// Starts a checkpoint before `records[index]` when enough records have
    /// passed since the last one: at a month's first record after
    /// ``checkpointSpacing`` records, or after ``checkpointLimit`` anyway.
    mutating func checkpointIfDue(at index: Int, time: Int64) {
        guard let last = checkpoints.last, index > 0 else { return }
        let since = index - last.index
        guard since >= checkpointSpacing else { return }
        let newMonth = BillingPeriod(containing: Timestamp(secondsSinceEpoch: time))
            != BillingPeriod(containing: Timestamp(secondsSinceEpoch: records[index - 1].time))
        guard newMonth || since >= checkpointLimit else { return }
        checkpoints.append(Checkpoint(index: index, time: time, state: replayer.state))
    }

    /// Applies the records again from the last checkpoint at or before
    /// `position` (the records before it are unchanged), rebuilding the later
    /// checkpoints, the rules broken and the platform at the end.
    mutating func replay(from position: Int) {
        live = nil
        if checkpointsBuilt {
            checkpoints.removeAll { $0.index > position }
        } else {
            checkpoints.removeSubrange(1...)
            checkpointsBuilt = true
        }
        let start = checkpoints[checkpoints.count - 1]
        replayer = Replayer(state: start.state)
        for record in records[start.index...] where violations[record.sequence] != nil {
            violations[record.sequence] = nil
            ruleRejections[record.sequence] = nil
        }
        recordsReplayed += records.count - start.index
        for index in start.index..<records.count {
            checkpointIfDue(at: index, time: records[index].time)
            if let violation = replayer.apply(records[index], symbols: reader.symbols, emit: { _ in }) {
                violations[records[index].sequence] = (records[index], violation)
            }
        }
    }

    /// Builds the checkpoints, once: one pass over the records.
    mutating func buildCheckpoints() {
        guard !checkpointsBuilt else { return }
        let kept = live
        replay(from: records.count)
        live = kept
    }

    /// The platform after the records dated before `until`, from the latest
    /// checkpoint that allows it, with a meter over `period` fed from its
    /// start when asked; `nil` when that reaches back before the base.
    mutating func replayed(before until: Int64, metering period: BillingPeriod?) -> (state: PlatformState, meter: Meter?)? {
        let bound = min(until - 1, period?.start.secondsSinceEpoch ?? Int64.max)
        if let baseEnd, bound < baseEnd { return nil }
        guard let start = checkpoints.last(where: { $0.index == 0 || $0.time <= bound }) else { return nil }
        var trial = Replayer(state: start.state)
        var meter = period.map { MeterRequest(period: $0).meter(rateCards: pipeline.rateCards, symbols: reader.symbols) }
        for record in records[start.index...] {
            guard record.time < until else { break }
            recordsReplayed += 1
            _ = trial.apply(record, symbols: reader.symbols) { meter?.record($0) }
        }
        return (trial.state, meter)
    }

    /// How the log's lines were accounted for, with only the events dated
    /// before `until` applied (every one when `nil`).
    func counts(before until: Int64?) -> EventCounts {
        var counts = baseCounts
        counts.lines += reader.counts.lines
        counts.duplicates += reader.counts.duplicates
        counts.rejected += reader.counts.rejected
        if let until, until <= frontier {
            for record in records where record.time < until {
                if violations[record.sequence] != nil { counts.rejected += 1 } else { counts.applied += 1 }
            }
        } else {
            counts.applied += records.count - violations.count
            counts.rejected += violations.count
        }
        return counts
    }

    /// The rejected lines dated up to `instant` (and undated ones), in input
    /// order, as a fresh replay to the instant holds them.
    mutating func holds(through instant: Timestamp) -> HoldList {
        var holds = HoldList(periodEnd: instant.secondsSinceEpoch + 1)
        guard !readRejections.isEmpty || !violations.isEmpty else { return holds }
        var order = RejectionOrder(inputs: inputs)
        for rejection in readRejections { order.add(rejection) { holds.note($0) } }
        for (sequence, broken) in violations where broken.record.time <= instant.secondsSinceEpoch {
            order.add(ruleRejection(sequence, broken)) { holds.note($0) }
        }
        order.emit { holds.note($0) }
        return holds
    }

    /// The rejection of a record that broke a rule, its line read again once.
    private mutating func ruleRejection(_ sequence: Int32,
                                        _ broken: (record: EventRecord, violation: RuleViolation)) -> Rejection {
        if let made = ruleRejections[sequence] { return made }
        let line = reader.catalog.reread(broken.record.location)
        let rejection = Rejection(
            location: reader.catalog.location(broken.record.location), eventID: line.eventID,
            account: reader.symbols.name(broken.record.account), time: Timestamp(secondsSinceEpoch: broken.record.time),
            reason: .rule(broken.violation), originalLine: line.bytes)
        ruleRejections[sequence] = rejection
        return rejection
    }
}
