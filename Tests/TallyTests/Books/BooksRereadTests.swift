import Foundation
import Testing
@testable import Tally

/// SPEC §7.2 and §7.3 with log rotation: a log of one file a month, closed
/// month by month; a run reads only what the last close did not, and a late
/// event makes it read again from the close before the event's month only.
@Suite("Books: what a run with books reads, with one file a month")
struct BooksRereadTests {
    static let months = ["2026-07", "2026-08", "2026-09", "2026-10"]

    /// One file per month: acct_a's service scaled on the 10th and 20th of
    /// each month (its first file also creates it).
    struct RotatedLog {
        let folder = Fixtures.temporaryDirectory()
        var books: String { folder.appendingPathComponent("books").path }

        func file(_ name: String) -> String { folder.appendingPathComponent("events-\(name).jsonl").path }

        init() throws {
            for (index, month) in BooksRereadTests.months.enumerated() {
                var lines: [String] = []
                if index == 0 {
                    lines.append(Self.line("c", "\(month)-01T00:00:00Z", #""type":"application.created","app":"a","flavor":"live""#))
                    lines.append(Self.line("d", "\(month)-01T00:00:00Z",
                                           #""type":"service.deployed","app":"a","service":"web","service_type":"python","instances":1,"memory_mb":64"#))
                }
                for day in ["10", "20"] {
                    lines.append(Self.line("s-\(month)-\(day)", "\(month)-\(day)T00:00:00Z",
                                           #""type":"service.scaled","app":"a","service":"web","instances":\#(day == "10" ? 2 : 1)"#))
                }
                try (lines.joined(separator: "\n") + "\n").write(toFile: file(month), atomically: true, encoding: .utf8)
            }
        }

        static func line(_ id: String, _ time: String, _ rest: String) -> String {
            #"{"id":"\#(id)","time":"\#(time)","account":"acct_a",\#(rest)}"#
        }

        func inputs(through month: String, plus extra: [String] = []) -> [EventInput] {
            BooksRereadTests.months.filter { $0 <= month }.map { .file(file($0)) } + extra.map { .file(file($0)) }
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Closes every month of the log, each with the files up to its own.
    static func closeAll(_ log: RotatedLog, pipeline: BillingPipeline) throws {
        for month in months {
            let period = BillingPeriod(month)!
            let outcome = try pipeline.close(period, log.inputs(through: month), books: log.books,
                                             at: Timestamp(secondsSinceEpoch: period.end.secondsSinceEpoch + 86_400))
            guard case .closed = outcome else {
                Issue.record("\(month) not closed")
                return
            }
        }
    }

    @Test("a late event dated in a closed month reads the log again from the close before that month, not earlier",
          arguments: [("2026-10-15T00:00:00Z", 2 + 2), ("2026-09-15T00:00:00Z", 2 + 2 + 2),
                      ("2026-08-15T00:00:00Z", 2 + 2 + 2 + 2), ("2026-07-15T00:00:00Z", 4 + 2 + 2 + 2 + 2)])
    func rereadFromTheLateMonth(time: String, linesRead: Int) throws {
        let log = try RotatedLog()
        defer { log.remove() }
        let pipeline = BillingPipeline(rateCards: Fixtures.defaultRates)
        try Self.closeAll(log, pipeline: pipeline)
        // Rotation: a new file with a late event and one of November.
        try [RotatedLog.line("late", time, #""type":"service.scaled","app":"a","service":"web","instances":3"#),
             RotatedLog.line("nov", "2026-11-05T00:00:00Z", #""type":"service.scaled","app":"a","service":"web","instances":1"#)]
            .joined(separator: "\n").appending("\n").write(toFile: log.file("new"), atomically: true, encoding: .utf8)
        let carried = try pipeline.carryOn(to: BillingPeriod("2026-11")!, log.inputs(through: "2026-10", plus: ["new"]),
                                           books: try Books.open(log.books), closing: false, onRejection: { _ in })
        #expect(carried.lateFrom == Timestamp(rfc3339: time)?.secondsSinceEpoch)
        // The replay that billed started from the close of the month before the late event's (from the start of the
        // log for the first closed month): it read that month's file, the later ones and the new one, nothing before.
        #expect(carried.replayed.reader.counts.lines == linesRead)
        #expect(carried.run.events.lines == 4 + 2 * 3 + 2)
        let adjusted = carried.run.invoices.flatMap(\.adjustmentLines)
        #expect(adjusted.compactMap(\.adjusts) == [BillingPeriod(String(time.prefix(7)))!])
        // Three instances instead of two for five days, at 64 MB.
        #expect(adjusted.map(\.mbSeconds) == [64 * 5 * 86_400])
    }

    @Test("without late events a run reads only the new files: the closed files are verified, not read")
    func readsOnlyWhatIsNew() throws {
        let log = try RotatedLog()
        defer { log.remove() }
        let pipeline = BillingPipeline(rateCards: Fixtures.defaultRates)
        try Self.closeAll(log, pipeline: pipeline)
        try RotatedLog.line("nov", "2026-11-05T00:00:00Z", #""type":"service.scaled","app":"a","service":"web","instances":4"#)
            .appending("\n").write(toFile: log.file("new"), atomically: true, encoding: .utf8)
        let carried = try pipeline.carryOn(to: BillingPeriod("2026-11")!, log.inputs(through: "2026-10", plus: ["new"]),
                                           books: try Books.open(log.books), closing: false, onRejection: { _ in })
        #expect(carried.lateFrom == nil)
        #expect(carried.replayed.reader.counts.lines == 1)
        #expect(carried.run.events.lines == 4 + 2 * 3 + 1)
        // One instance of 64 MB from 11-01 to 11-05, then four to the month's end.
        #expect(carried.run.invoices.first?.lines.map(\.mbSeconds) == [64 * 86_400 * (4 + 4 * 26)])
    }
}
