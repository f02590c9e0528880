import Foundation
import Testing
@testable import Tally

/// Duplicates that arrive long after their original, in a log read in time
/// order once the registry keeps only hashes (SPEC §2.1; README, "Performance").
@Suite("Read: late duplicates with the hash-only registry")
struct ReadLateDuplicateTests {
    /// A sorted log of `count` scale events of one service, one a minute.
    static func log(_ count: Int) -> LogBuilder {
        var log = LogBuilder()
        log.createApp("shop", at: "2026-10-01T00:00:00Z")
        log.deploy("shop", "www", instances: 1, memoryMB: 32, at: "2026-10-01T00:00:00Z")
        for minute in 1...count {
            log.add("service.scaled", at: Timestamp(secondsSinceEpoch: 1_790_812_800 + Int64(minute) * 60).description,
                    id: "scale-\(minute)", ["app": "shop", "service": "www", "instances": 1 + minute % 5])
        }
        return log
    }

    func run(_ log: LogBuilder, locatedLimit: Int) throws -> (InvoiceRun, [Rejection]) {
        var pipeline = BillingPipeline(rateCards: Fixtures.defaultRates)
        pipeline.locatedLimit = locatedLimit
        var rejections: [Rejection] = []
        let result = try pipeline.invoices(for: BillingPeriod("2026-10")!, [log.input()]) { rejections.append($0) }
        return (result, rejections)
    }

    @Test("a retry appended later with its original time is an exact duplicate, however old")
    func lateRetry() throws {
        var log = Self.log(300)
        log.addRaw(log.lines[10])
        for limit in [10, DuplicateRegistry.locatedLimit] {
            let (run, rejections) = try self.run(log, locatedLimit: limit)
            #expect(rejections.isEmpty, "limit \(limit)")
            #expect(run.events == EventCounts(lines: 303, applied: 302, duplicates: 1, rejected: 0), "limit \(limit)")
            #expect(run.invoices.first?.status == .final, "limit \(limit)")
        }
    }

    @Test("a late line reusing an old id with other content is rejected, naming the first line")
    func lateConflict() throws {
        var log = Self.log(300)
        log.add("service.scaled", at: "2026-10-31T00:00:00Z", id: "scale-9", ["app": "shop", "service": "www", "instances": 9])
        let exact = try run(log, locatedLimit: DuplicateRegistry.locatedLimit)
        let compact = try run(log, locatedLimit: 10)
        for (run, rejections) in [exact, compact] {
            #expect(rejections.map(\.reason) == [.conflictingDuplicate(first: SourceLocation(file: "test.jsonl", line: 11))])
            #expect(rejections.first?.location.line == 303)
            #expect(run.events == EventCounts(lines: 303, applied: 302, duplicates: 0, rejected: 1))
        }
        #expect(exact.0.json() == compact.0.json())
    }

    @Test("a pending duplicate that no earlier line explains means two ids shared a hash: read again")
    func collision() throws {
        let log = Self.log(5)
        var reader = EventReader(streaming: true, keepingEveryID: false, locatedLimit: 1)
        _ = try reader.read([log.input()], onRecord: { _, _ in }, onRejection: { _ in })
        reader.pendingDuplicates = [PendingDuplicate(
            id: Array("never-seen".utf8), hash: 42, location: LineLocation(source: 0, line: 7, offset: 0, length: 1),
            account: try AccountName("acct_1"), time: Timestamp(secondsSinceEpoch: 0))]
        #expect(try reader.settleDuplicates([log.input()]) == nil)
    }
}
