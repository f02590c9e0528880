import Foundation
import Testing
@testable import Tally

@Suite("the month summary")
struct MonthSummaryTests {
    static func sampleRun() throws -> InvoiceRun {
        try BillingPipeline(rateCards: Fixtures.defaultRates)
            .invoices(for: BillingPeriod("2026-10")!, [Fixtures.sampleLog])
    }

    @Test("the sample log's summary, as recorded")
    func sampleGolden() throws {
        let summary = try MonthSummary(try Self.sampleRun())
        try Golden.check(summary.text(), named: "summary-sample-2026-10.txt")
        try Golden.check(summary.json(), named: "summary-sample-2026-10.json")
    }

    @Test("the sample log's figures")
    func sampleFigures() throws {
        let summary = try MonthSummary(try Self.sampleRun())
        #expect(summary.issued.count == 3 && summary.issued.amount.description == "578.33")
        #expect(summary.held.count == 0 && summary.held.amount.description == "0.00")
        #expect(summary.billed.mbSeconds == 11_103_993_600)
        #expect(summary.lineCount == 8)
        #expect(summary.byFlavor.map(\.name) == ["live", "enterprise"])
        #expect(summary.byFlavor.map(\.amount.description) == ["120.78", "457.55"])
        #expect(summary.byServiceType.map(\.name) == ["custom", "php", "postgresql", "python", "python-worker", "ruby"])
        #expect(summary.sslEdges == MonthSummary.SSLEdges(
            edges: 1, lines: 1, mbSeconds: 373_248_000, amount: Money(minorUnits: 1944, currency: Currency(code: "USD")!),
            edgesWithoutApplication: 1, amountWithoutApplication: Money(minorUnits: 1944, currency: Currency(code: "USD")!)))
        #expect(summary.largestInvoices.map(\.account.text) == ["acct_labs", "acct_shop", "acct_blog"])
        #expect(summary.events == EventCounts(lines: 23, applied: 23, duplicates: 0, rejected: 0))
    }

    @Test("on the real trace: ten largest invoices, ties by account, and every table adds up to the total",
          .enabled(if: Fixtures.hasRealTrace))
    func realTrace() throws {
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates)
            .invoices(for: BillingPeriod("2026-10")!, [Fixtures.realTraceLog])
        let summary = try MonthSummary(run)
        let total = run.invoices.reduce(Int64(0)) { $0 + $1.total.minorUnits }
        #expect(summary.billed.amount.minorUnits == total)
        #expect(summary.billed.count == run.invoices.count)
        #expect(summary.byFlavor.reduce(0) { $0 + $1.amount.minorUnits } == total)
        #expect(summary.byServiceType.reduce(0) { $0 + $1.amount.minorUnits } + summary.sslEdges.amount.minorUnits == total)
        #expect(summary.byFlavor.reduce(0) { $0 + $1.mbSeconds } == summary.billed.mbSeconds)
        #expect(summary.lineCount == run.invoices.reduce(0) { $0 + $1.lines.count })
        let expected = run.invoices.sorted { ($0.total.minorUnits, $1.account) > ($1.total.minorUnits, $0.account) }.prefix(10)
        #expect(summary.largestInvoices.map(\.number) == expected.map(\.number))
        #expect(summary.largestInvoices.count == 10)
        try Golden.check(summary.text(), named: "summary-real-trace-2026-10.txt")
    }

    @Test("held invoices count apart; equal totals rank by account")
    func heldAndTies() throws {
        var log = LogBuilder()
        for account in ["acct_b", "acct_a", "acct_c"] {
            log.createApp("shop", at: "2026-10-01T00:00:00Z", account: account)
            log.deploy("shop", "www", instances: 1, memoryMB: 128, at: "2026-10-01T00:00:00Z", account: account)
        }
        log.add("service.scaled", at: "2026-10-02T00:00:00Z", account: "acct_c", ["app": "nope", "service": "www", "instances": 2])
        log.add("application.destroyed", at: "2026-10-02T00:00:00Z", account: "acct_z", ["app": "nope"])
        let summary = try MonthSummary(try Fixtures.run(log))
        #expect(summary.issued.count == 2 && summary.held.count == 1)
        #expect(summary.issued.amount.description == "35.72" && summary.held.amount.description == "17.86")
        #expect(summary.billed.amount.description == "53.58")
        #expect(summary.heldAccountsWithoutInvoice == 1)
        #expect(summary.largestInvoices.map(\.account.text) == ["acct_a", "acct_b", "acct_c"])
        #expect(summary.largestInvoices.map(\.status) == [.final, .final, .held])
        #expect(summary.text().contains("  Accounts with rejected events and no invoice: 1 (tally invoice lists them)\n"))
    }

    @Test("a month without invoices still states its period and currency")
    func empty() throws {
        let summary = try MonthSummary(try Fixtures.run(LogBuilder()))
        #expect(summary.text().hasPrefix("Month summary for 2026-10: 2026-10-01 to 2026-10-31, 744 hours, UTC; amounts in USD\n"))
        #expect(summary.text().contains("  No invoices in 2026-10.\n"))
        #expect(summary.byFlavor.isEmpty && summary.largestInvoices.isEmpty)
    }
}
