/// The month-end run's stages one at a time, each with its own output, for
/// the benchmark (`tally-bench`) to time them separately. The month-end run
/// itself (``MonthEndRun``) streams them into one another instead.
package enum PipelineStages {
    /// Stage 1's output: the records in input order and the reader's tables.
    package struct Read {
        var reader: EventReader
        var records: [EventRecord]
        /// Lines rejected while reading.
        package var rejected: Int
        /// Records read (events whose fields passed and whose id was new).
        package var recordCount: Int { records.count }
    }

    /// Stage 2's output: the allocation changes in order of time.
    package struct Replayed {
        var read: Read
        var changes: [AllocationChange]
        /// Events applied.
        package var applied: Int
    }

    /// Stages 3 and 4's output: priced line items by account.
    package struct Rated {
        var lines: [(account: AccountName, line: LineItem)]
        var counts: EventCounts
        /// Line items priced.
        package var lineCount: Int { lines.count }
    }

    /// Stage 1: reads and parses `inputs` into records.
    package static func read(_ inputs: [EventInput]) throws(InputError) -> Read {
        var reader = EventReader()
        var records: [EventRecord] = []
        var rejected = 0
        _ = try reader.read(inputs, onRecord: { record, _ in records.append(record) }, onRejection: { _ in rejected += 1 })
        reader.finish()
        return Read(reader: reader, records: records, rejected: rejected)
    }

    /// Stage 2: orders the records by time and replays them.
    package static func replay(_ read: Read) -> Replayed {
        var records = read.records
        records.sort { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
        var replayer = Replayer()
        var changes: [AllocationChange] = []
        var applied = 0
        for record in records where replayer.apply(record, symbols: read.reader.symbols, emit: { changes.append($0) }) == nil {
            applied += 1
        }
        return Replayed(read: read, changes: changes, applied: applied)
    }

    /// Stages 3 and 4: meters `period` and prices the usage.
    package static func meterAndRate(_ replayed: Replayed, period: BillingPeriod, rateCards: RateCardSet) throws(RateCardError) -> Rated {
        var meter = Meter(window: period.start.secondsSinceEpoch..<period.end.secondsSinceEpoch, rateCards: rateCards)
        for change in replayed.changes { meter.record(change) }
        let lines = try MonthEndRun(period: period, rateCards: rateCards)
            .lineItems(pricing: try meter.finish(), symbols: replayed.read.reader.symbols)
        var counts = replayed.read.reader.counts
        counts.applied = replayed.applied
        counts.rejected += replayed.read.recordCount - replayed.applied
        return Rated(lines: lines, counts: counts)
    }

    /// Stages 5 and 6: assembles the invoices and renders them as JSON. No
    /// invoice is held here (the stages keep no rejected lines): on a log with
    /// rejections the month-end run's JSON differs by its holds only.
    package static func assembleAndRender(_ rated: Rated, period: BillingPeriod, rateCards: RateCardSet) throws(RateCardError) -> String {
        let run = try MonthEndRun(period: period, rateCards: rateCards)
            .invoiceRun(assembling: rated.lines, holds: HoldList(periodEnd: period.end.secondsSinceEpoch), events: rated.counts)
        return run.json()
    }
}
