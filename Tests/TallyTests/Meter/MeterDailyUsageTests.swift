import Testing
@testable import Tally

@Suite("The meter's billed memory day by day, for the usage chart")
struct MeterDailyUsageTests {
    /// The account's bill, metered alone with its detail kept.
    static func bill(_ log: LogBuilder, account: String = "acct_1", rates: RateCardSet? = nil) throws -> AccountBill {
        try BillingPipeline(rateCards: rates ?? Fixtures.defaultRates)
            .bill(of: AccountName(account), in: BillingPeriod("2026-10")!, [log.input()], onRejection: { _ in })
    }

    @Test("usage is split at midnight UTC and counted from the event's second")
    func splitsAtMidnight() throws {
        var log = LogBuilder()
        log.createApp("shop", at: "2026-09-01T00:00:00Z")
        log.deploy("shop", "www", instances: 2, memoryMB: 256, at: "2026-10-03T18:00:00Z")
        log.add("service.scaled", at: "2026-10-04T06:00:00Z", ["app": "shop", "service": "www", "memory_mb": 64])
        log.add("service.destroyed", at: "2026-10-05T00:00:00Z", ["app": "shop", "service": "www"])
        let daily = try Self.bill(log).usage.daily
        let series = try #require(daily.values.first)
        #expect(daily.count == 1)
        #expect(series.mbSeconds.count == 31)
        let third: Int64 = 512 * 6 * 3600
        let fourth: Int64 = 512 * 6 * 3600 + 128 * 18 * 3600
        #expect(series.mbSeconds[2] == third)
        #expect(series.mbSeconds[3] == fourth)
        #expect(series.mbSeconds.enumerated().allSatisfy { [2, 3].contains($0.offset) || $0.element == 0 })
        #expect(series.peakMB[2] == 512 && series.peakMB[3] == 512 && series.peakMB[4] == 0)
    }

    @Test("an SSL edge reserves the edge MB of the card in effect; sandbox usage is left out")
    func edgesAndSandbox() throws {
        let rates = try RateCardSet([Fixtures.dotcloud, Fixtures.card(name: "later", from: "2026-10-10T12:00:00Z", edgeMB: 320)])
        var log = LogBuilder()
        log.createApp("blog", at: "2026-09-01T00:00:00Z")
        log.deploy("blog", "www", instances: 1, memoryMB: 32, at: "2026-09-01T00:00:00Z")
        log.add("domain.added", at: "2026-09-01T00:00:00Z", ["app": "blog", "service": "www", "domain": "example.org"])
        log.add("ssl.enabled", at: "2026-09-02T00:00:00Z", ["app": "blog", "domain": "example.org"])
        log.createApp("try", "sandbox", at: "2026-09-01T00:00:00Z")
        log.deploy("try", "web", instances: 1, memoryMB: 1024, at: "2026-09-01T00:00:00Z")
        let bill = try Self.bill(log, rates: rates)
        #expect(bill.usage.daily.count == 2)
        let domain = try #require(bill.replayed.names.lookUp("example.org", as: DomainKind.self))
        let account = try #require(bill.replayed.names.lookUp("acct_1", as: AccountKind.self))
        let edge = try #require(bill.usage.daily[.sslEdge(account, domain)])
        let ninth: Int64 = 160 * 86_400
        let tenth: Int64 = 160 * 43_200 + 320 * 43_200
        let eleventh: Int64 = 320 * 86_400
        #expect(edge.mbSeconds[8] == ninth)
        #expect(edge.mbSeconds[9] == tenth)
        #expect(edge.peakMB[9] == 320)
        #expect(edge.mbSeconds[10] == eleventh)
        // Every day adds up to the invoice line of its card.
        let lines = try #require(bill.invoice).lines.filter { $0.kind == .sslEdge }
        let expected: [Int64] = [160 * (9 * 86_400 + 43_200), 320 * (21 * 86_400 + 43_200)]
        #expect(lines.map(\.mbSeconds) == expected)
        #expect(edge.mbSeconds.reduce(0, +) == lines.reduce(0) { $0 + $1.mbSeconds })
    }
}
