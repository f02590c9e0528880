import Foundation
import Testing
@testable import Tally

/// SPEC §7.3 over seeded random logs: a log whose lines reach the file late
/// (after their month was closed), closed month by month, bills every month
/// exactly what it would have cost had every event been on time.
@Suite("Books: issued invoices plus later adjustments equal the on-time bill")
struct BooksLateEventTests {
    static let months = ["2026-10", "2026-11", "2026-12"].map { BillingPeriod($0)! }

    /// One line of the log, when it happened and when it reached the file.
    struct Arrival {
        var line: String
        var time: Int64
        var arrives: Int64
        var order: Int
    }

    /// The seeded log's lines with their arrival: most on time, a share of
    /// the `service.scaled` lines (which no other event depends on) one or
    /// two closes late.
    static func arrivals(seed: UInt64) throws -> [Arrival] {
        // Every event at its own second: a late line lands after the lines
        // that arrived before it, and a tie would reorder same-second events.
        var options = RandomLog.Options()
        options.distinctSeconds = true
        let log = RandomLog(seed: seed, options)
        var random = SplitMix64(seed: seed ^ 0xB00C5)
        let closes = months.map { $0.end.secondsSinceEpoch + 2 * 86_400 }
        return try log.lines.enumerated().map { index, line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let time = try #require(Timestamp(rfc3339: object["time"] as? String ?? "")).secondsSinceEpoch
            var arrives = time
            if object["type"] as? String == "service.scaled", random.next() % 100 < 12,
               let after = closes.firstIndex(where: { $0 > time }) {
                let delay = Int(random.next() % 2) + 1
                arrives = after + delay < closes.count ? closes[after + delay] - 3600 : closes[closes.count - 1] + 3600
            }
            return Arrival(line: line, time: time, arrives: arrives, order: index)
        }.sorted { ($0.arrives, $0.order) < ($1.arrives, $1.order) }
    }

    @Test("closed month by month with late events: issued + adjustments = on time, per account and month", arguments: SplitMix64.testSeeds)
    func adjustmentsAddUp(seed: UInt64) throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("events.jsonl").path
        let books = folder.appendingPathComponent("books").path
        let pipeline = BillingPipeline(rateCards: RandomLog.rates)
        let arrivals = try Self.arrivals(seed: seed)
        #expect(arrivals.contains { $0.arrives > $0.time }, "seed \(seed): no line arrives late")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        var written = 0
        func arrive(until instant: Int64) throws {
            let handle = try #require(FileHandle(forWritingAtPath: log))
            defer { try? handle.close() }
            handle.seekToEndOfFile()
            while written < arrivals.count, arrivals[written].arrives < instant {
                handle.write(Data((arrivals[written].line + "\n").utf8))
                written += 1
            }
        }
        var issued: [BillingPeriod: InvoiceRun] = [:]
        for month in Self.months {
            let closeTime = month.end.secondsSinceEpoch + 2 * 86_400
            try arrive(until: closeTime)
            let outcome = try pipeline.close(month, [.file(log)], books: books, at: Timestamp(secondsSinceEpoch: closeTime))
            guard case let .closed(run, _) = outcome else {
                if case let .held(run) = outcome {
                    Issue.record("seed \(seed): \(month) held: \(run.invoices.flatMap(\.rejectedLines).map(\.description))")
                } else {
                    Issue.record("seed \(seed): \(month) not closed")
                }
                return
            }
            issued[month] = run
        }
        try arrive(until: Int64.max)
        guard case let .preview(last) = try pipeline.booked(BillingPeriod("2027-01")!, [.file(log)], books: books) else {
            Issue.record("seed \(seed): no preview of 2027-01")
            return
        }
        let runs = Self.months.compactMap { issued[$0] } + [last]
        var adjustmentCount = 0
        for month in Self.months {
            let onTime = try pipeline.invoices(for: month, [.file(log)])
            var billed: [String: (seconds: Int64, cents: Int64)] = [:]
            for run in runs {
                for invoice in run.invoices {
                    for line in invoice.lines where (line.adjusts ?? run.period) == month {
                        if line.adjusts != nil { adjustmentCount += 1 }
                        billed[invoice.account.text, default: (0, 0)].seconds += line.mbSeconds
                        billed[invoice.account.text, default: (0, 0)].cents += line.amount.minorUnits
                    }
                }
            }
            let due = Dictionary(uniqueKeysWithValues: onTime.invoices.map {
                ($0.account.text, (seconds: $0.lines.reduce(0) { $0 + $1.mbSeconds }, cents: $0.total.minorUnits))
            })
            for account in Set(billed.keys).union(due.keys) {
                #expect(billed[account]?.seconds ?? 0 == due[account]?.seconds ?? 0, "seed \(seed): \(month) \(account) MB-seconds")
                #expect(billed[account]?.cents ?? 0 == due[account]?.cents ?? 0, "seed \(seed): \(month) \(account) amount")
            }
        }
        #expect(adjustmentCount > 0, "seed \(seed): no late event made an adjustment")
        // Every line of the log is accounted for once, as in a run without books.
        let full = try pipeline.invoices(for: BillingPeriod("2027-01")!, [.file(log)])
        #expect(last.events == full.events, "seed \(seed)")
    }
}
