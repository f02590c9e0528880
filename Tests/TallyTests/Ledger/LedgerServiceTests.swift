import Foundation
import Testing
@testable import Tally

/// The ticket service's long-lived ledger (README, "For the ticket service"):
/// appends validated against the history they land in, only from the
/// checkpoint before them; the lock taken only to append; other writers
/// followed; closed months refused unless the backdating is deliberate.
@Suite("Ledger: the ticket service's warm ledger records and follows")
struct LedgerServiceTests {
    /// The SSL scenario followed by `filler` scalings of acct_a's shop, one a
    /// minute from 2026-10-06, then acct_a's SSL for www.shop.example at
    /// 2026-10-20 and acct_b's edge disabled at 2026-10-21.
    static func longLog(filler: Int = 3_000) -> LogBuilder {
        var log = LogBuilder.sslScenario()
        let start = utc("2026-10-06T00:00:00Z").secondsSinceEpoch
        for index in 0..<filler {
            log.add("service.scaled", at: "\(Timestamp(secondsSinceEpoch: start + Int64(index) * 60))",
                    ["app": "shop", "service": "www", "instances": 1 + index % 3])
        }
        log.enableSSL("www.shop.example", app: "shop", at: "2026-10-20T00:00:00Z")
        log.disableSSL("www.blog.example", at: "2026-10-21T00:00:00Z", account: "acct_b")
        return log
    }

    static func warm(_ path: String, books: String? = nil, spacing: Int = 256) throws -> WarmLedger {
        var warm = try WarmLedger([.file(path)], books: books, pipeline: BillingPipeline(rateCards: Fixtures.defaultRates))
        warm.checkpointSpacing = spacing
        warm.checkpointLimit = spacing * 2
        return warm
    }

    @Test("a backdated append is checked against the later events from the checkpoint before it, not the whole log")
    func backdatedFromCheckpoint() throws {
        let log = TemporaryLog(Self.longLog())
        defer { log.remove() }
        var warm = try Self.warm(log.path)
        _ = try warm.ledger(at: utc("2026-10-10T00:00:00Z"), metering: false)   // builds the checkpoints
        let before = log.text
        let replayedBefore = warm.recordsReplayed
        // SSL for www.shop.example on 10-15 would make the 10-20 enable of the same domain break a rule.
        let error = #expect(throws: RecordingError.self) {
            try warm.record(.enable(application: appName("shop"), domain: domainName("www.shop.example")), for: acct("acct_a"),
                            at: utc("2026-10-15T00:00:00Z"), id: nil, backdate: false, lockTimeout: .seconds(5))
        }
        #expect(error == .wouldInvalidateLaterEvents(count: 1, ownLines: [SourceLocation(file: log.path, line: log.lines.count - 1)]))
        #expect(log.text == before)
        let replayed = warm.recordsReplayed - replayedBefore
        #expect(replayed > 0 && replayed < warm.records.count / 2, "replayed \(replayed) of \(warm.records.count)")
        // Backdated and harmless: recorded, applied in its place, and the ledger equals a fresh replay.
        let outcome = try warm.record(.updateCertificate(domain: domainName("api.shop.example")), for: acct("acct_a"),
                                      at: utc("2026-10-12T00:00:00Z"), id: EventID("t-1"), backdate: false, lockTimeout: .seconds(5))
        #expect(outcome == .recorded(Event(id: try EventID("t-1"), time: utc("2026-10-12T00:00:00Z"), account: acct("acct_a"),
                                           action: .sslCertificateUpdated(domain: domainName("api.shop.example")))))
        #expect(log.lines.count == before.split(separator: "\n").count + 1)
        let at = utc("2026-10-25T00:00:00Z")
        let fresh = try Ledger(replaying: [.file(log.path)], at: at, rateCards: Fixtures.defaultRates)
        let kept = try warm.ledger(at: at, metering: true)
        #expect(kept.events == fresh.events)
        #expect(try kept.cost(of: acct("acct_a")) == (try fresh.cost(of: acct("acct_a"))))
        #expect(kept.account(acct("acct_a")) == fresh.account(acct("acct_a")))
    }

    @Test("another account's later events are neither counted nor described in a refusal")
    func isolation() throws {
        var builder = LogBuilder.sslScenario()
        builder.disableSSL("www.blog.example", at: "2026-10-20T00:00:00Z", account: "acct_b")
        builder.enableSSL("www.blog.example", app: "blog", at: "2026-10-21T00:00:00Z", account: "acct_b")
        let log = TemporaryLog(builder)
        defer { log.remove() }
        var warm = try Self.warm(log.path)
        // acct_b's own backdated disable on 10-10 makes its own 10-20 disable break a rule: counted and listed.
        let own = #expect(throws: RecordingError.self) {
            try warm.record(.disable(domain: domainName("www.blog.example")), for: acct("acct_b"),
                            at: utc("2026-10-10T00:00:00Z"), id: nil, backdate: false, lockTimeout: .seconds(5))
        }
        #expect(own == .wouldInvalidateLaterEvents(count: 1, ownLines: [SourceLocation(file: log.path, line: 14)]))
        #expect(own?.description.contains("1 of this account's") == true)
    }

    @Test("the service follows another process's appends and its answers equal a fresh replay")
    func followsOtherWriters() async throws {
        let log = TemporaryLog(Self.longLog(filler: 200))
        defer { log.remove() }
        let service = try await LedgerService(log: log.path, rateCards: Fixtures.defaultRates)
        let at = utc("2026-10-25T00:00:00Z")
        #expect(try await service.sslEdges(of: acct("acct_b"), at: at).isEmpty)
        // Another process enables acct_b's edge again; the service sees it on its next call.
        let other = try TallyExecutable.run(["ssl", "enable", "--account", "acct_b", "--app", "blog", "--domain", "www.blog.example",
                                             "--at", "2026-10-22T00:00:00Z", "--id", "other-1", log.path])
        #expect(other.status == 0, "\(other.standardError)")
        let edges = try await service.sslEdges(of: acct("acct_b"), at: at)
        #expect(edges.map(\.domain) == [domainName("www.blog.example")])
        let recorded = try await service.record(.updateCertificate(domain: domainName("www.blog.example")), for: acct("acct_b"),
                                                at: utc("2026-10-23T00:00:00Z"), id: EventID("mine-1"))
        #expect(recorded == .recorded(Event(id: try EventID("mine-1"), time: utc("2026-10-23T00:00:00Z"), account: acct("acct_b"),
                                            action: .sslCertificateUpdated(domain: domainName("www.blog.example")))))
        let fresh = try Ledger(replaying: [.file(log.path)], at: at, rateCards: Fixtures.defaultRates)
        for account in [acct("acct_a"), acct("acct_b")] {
            #expect(try await service.account(account, at: at) == fresh.account(account))
            #expect(try await service.cost(of: account, at: at) == (try fresh.cost(of: account)))
        }
        #expect(log.lines.suffix(2).allSatisfy { $0.contains("other-1") || $0.contains("mine-1") })
    }

    @Test("the service and another process append at the same time: every line written once, answers as a fresh replay")
    func appendsAtOnce() async throws {
        let log = TemporaryLog()
        defer { log.remove() }
        let service = try await LedgerService(log: log.path, rateCards: Fixtures.defaultRates)
        let count = 60
        // Another process appends certificate updates of acct_b's edge while the service appends acct_a's.
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/bin/sh")
        other.arguments = ["-c", "for i in $(seq 1 \(count)); do \"$0\" ssl update --account acct_b --domain www.blog.example "
            + "--at 2026-10-20T00:00:00Z --id other-$i \"$1\" >/dev/null || exit 1; done",
            TallyExecutable.url.path, log.path]
        try other.run()
        // The service appends and reads for as long as the other process runs.
        var mine = 0
        repeat {
            mine += 1
            _ = try await service.record(.updateCertificate(domain: domainName("api.shop.example")), for: acct("acct_a"),
                                         at: utc("2026-10-20T00:00:00Z"), id: EventID("mine-\(mine)"))
            #expect(try await service.sslEdges(of: acct("acct_a"), at: utc("2026-10-21T00:00:00Z")).count == 1)
            try await Task.sleep(for: .milliseconds(5))
        } while other.isRunning
        other.waitUntilExit()
        #expect(mine >= 1)
        #expect(other.terminationStatus == 0)
        let lines = log.lines
        #expect(lines.count == LogBuilder.sslScenario().lines.count + count + mine)
        #expect(Set(lines).count == lines.count)
        #expect(lines.filter { $0.contains("\"id\":\"other-") }.count == count)
        #expect(lines.filter { $0.contains("\"id\":\"mine-") }.count == mine)
        let at = utc("2026-10-21T00:00:00Z")
        let fresh = try Ledger(replaying: [.file(log.path)], at: at, rateCards: Fixtures.defaultRates)
        for account in [acct("acct_a"), acct("acct_b")] {
            #expect(try await service.account(account, at: at) == fresh.account(account))
            #expect(try await service.cost(of: account, at: at) == (try fresh.cost(of: account)))
        }
    }

    @Test("reads never take the lock; an append waits for it, gives up after the timeout, or ends when cancelled")
    func lockOnlyToAppend() async throws {
        let log = TemporaryLog()
        defer { log.remove() }
        let holder = try LockedLogFile(path: log.path)
        var warm = try Self.warm(log.path)
        try warm.refresh()
        #expect(try warm.ledger(at: utc("2026-10-20T00:00:00Z"), metering: true).account(acct("acct_a")).applications.count == 3)
        let timedOut = #expect(throws: RecordingError.self) {
            try warm.record(.updateCertificate(domain: domainName("api.shop.example")), for: acct("acct_a"),
                            at: utc("2026-10-20T00:00:00Z"), id: nil, backdate: false, lockTimeout: .milliseconds(100))
        }
        #expect(timedOut == .lockTimeout(path: log.path, waited: .milliseconds(100)))
        let service = try await LedgerService(log: log.path, rateCards: Fixtures.defaultRates, lockTimeout: .seconds(60))
        let task = Task {
            try await service.record(.updateCertificate(domain: domainName("api.shop.example")), for: acct("acct_a"),
                                     at: utc("2026-10-20T00:00:00Z"))
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        let result = await task.result
        #expect(throws: RecordingError.cancelled) { try result.get() }
        _ = consume holder
        let outcome = try await service.record(.updateCertificate(domain: domainName("api.shop.example")), for: acct("acct_a"),
                                               at: utc("2026-10-20T00:00:00Z"), id: EventID("after-1"))
        #expect(outcome.event.id == (try EventID("after-1")))
        #expect(log.lines.last?.contains("after-1") == true)
    }
}

@Suite("Ledger: closed months and the ticket service (SPEC §7.5)")
struct LedgerClosedMonthTests {
    @Test("an event dated in a closed month is refused unless backdated; the next invoice's cost carries its adjustment")
    func closedMonth() async throws {
        var builder = LogBuilder.sslScenario()
        builder.deploy("shop", "worker", instances: 1, memoryMB: 64, at: "2026-11-03T00:00:00Z")
        let log = TemporaryLog(builder)
        defer { log.remove() }
        let books = log.directory.appendingPathComponent("books").path
        let pipeline = BillingPipeline(rateCards: Fixtures.defaultRates)
        guard case .closed = try pipeline.close(BillingPeriod("2026-10")!, [.file(log.path)], books: books,
                                                at: utc("2026-11-02T00:00:00Z")) else {
            Issue.record("October was not closed")
            return
        }
        let service = try await LedgerService(log: log.path, books: books, rateCards: Fixtures.defaultRates)
        let now = utc("2026-11-10T00:00:00Z")
        let before = try await service.cost(of: acct("acct_a"), at: now)
        #expect(before.monthToDate?.adjustmentLines.isEmpty ?? true)
        let enable = SSLAction.enable(application: appName("shop"), domain: domainName("www.shop.example"))
        let refused = await #expect(throws: RecordingError.self) {
            try await service.record(enable, for: acct("acct_a"), at: utc("2026-10-20T00:00:00Z"))
        }
        #expect(refused == .closedMonth(utc("2026-10-20T00:00:00Z"), lastClosed: BillingPeriod("2026-10")!))
        #expect(refused?.description.contains("--backdate") == true)
        let outcome = try await service.record(enable, for: acct("acct_a"), at: utc("2026-10-20T00:00:00Z"),
                                               id: EventID("late-ssl"), backdate: true)
        #expect(outcome.event.id == (try EventID("late-ssl")))
        // November's invoice will carry October's edge from 10-20 as an adjustment: the cost shows it.
        let after = try await service.cost(of: acct("acct_a"), at: now)
        let adjustments = try #require(after.monthToDate?.adjustmentLines)
        #expect(adjustments.map(\.adjusts) == [BillingPeriod("2026-10")!])
        let edgeMBSeconds: Int64 = 160 * 12 * 86_400   // the edge from 10-20 to the month's end
        #expect(adjustments.map(\.mbSeconds) == [edgeMBSeconds])
        #expect(after.monthToDateTotal.minorUnits == before.monthToDateTotal.minorUnits
                + adjustments.reduce(0) { $0 + $1.amount.minorUnits }
                + ((after.monthToDate?.ownLines.reduce(0) { $0 + $1.amount.minorUnits } ?? 0)
                   - (before.monthToDate?.ownLines.reduce(0) { $0 + $1.amount.minorUnits } ?? 0)))
        // The preview of November (what a close would issue) carries the same adjustment.
        guard case let .preview(run) = try pipeline.booked(BillingPeriod("2026-11")!, [.file(log.path)], books: books) else {
            Issue.record("expected a preview of November")
            return
        }
        let previewed = run.invoices.first { $0.account == acct("acct_a") }?.adjustmentLines
        #expect(previewed == adjustments)
    }
}
