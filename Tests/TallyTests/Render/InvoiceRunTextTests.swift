import Foundation
import Testing
@testable import Tally

@Suite("Invoice reports: text and JSON (SPEC §6)")
struct InvoiceRunTextTests {
    static func sampleRun() throws -> InvoiceRun {
        try BillingPipeline(rateCards: Fixtures.defaultRates)
            .invoices(for: BillingPeriod("2026-10")!, [.file(Fixtures.directory.appendingPathComponent("sample-events.jsonl").path)])
    }

    @Test("the sample log's text report")
    func sampleText() throws {
        try Golden.check((try Self.sampleRun()).text(), named: "sample-2026-10.txt")
    }

    @Test("the sample log's JSON document")
    func sampleJSON() throws {
        try Golden.check((try Self.sampleRun()).json(), named: "sample-2026-10.json")
    }

    @Test("the JSON document has SPEC §6's fields, amounts as strings, MB-seconds as integers")
    func jsonShape() throws {
        let json = (try Self.sampleRun()).json()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["period"] as? String == "2026-10")
        #expect(document["currency"] as? String == "USD")
        let events = try #require(document["events"] as? [String: Int])
        #expect(events == ["lines": 23, "applied": 23, "duplicates": 0, "rejected": 0])
        let invoices = try #require(document["invoices"] as? [[String: Any]])
        #expect(invoices.map { $0["account"] as? String } == ["acct_blog", "acct_labs", "acct_shop"])
        let blog = invoices[0]
        #expect(blog["number"] as? String == "INV-202610-acct_blog")
        #expect(blog["total"] as? String == "27.50")
        #expect(blog["status"] as? String == "final")
        let lines = try #require(blog["lines"] as? [[String: Any]])
        #expect(lines.map { $0["kind"] as? String } == ["service", "ssl_edge"])
        #expect(lines[1]["domain"] as? String == "www.example.org")
        #expect(lines[1]["application"] as? String == "blog")
        #expect((lines[1]["mb_seconds"] as? NSNumber)?.int64Value == 373_248_000)
        #expect(lines[1]["unit_price"] as? String == "0.0001875")
        #expect(lines[1]["amount"] as? String == "19.44")
        #expect(lines[1]["rate_card"] as? String == "dotcloud-2012-06")
    }

    @Test("columns line up for totals in the millions")
    func millions() throws {
        var log = LogBuilder(account: "acct_big")
        log.createApp("bigdata", "enterprise", at: "2026-09-01T00:00:00Z")
        log.deploy("bigdata", "cluster", type: "custom", instances: 1000, memoryMB: 65536, at: "2026-09-01T00:00:00Z")
        log.deploy("bigdata", "db", type: "mysql", instances: 1, memoryMB: 32, at: "2026-09-01T00:00:00Z")
        let run = try Fixtures.run(log)
        #expect(run.invoices.first?.total.formatted(grouping: true) == "9,142,276.46")
        try Golden.check(run.text(), named: "millions-2026-10.txt")
    }

    @Test("a month without billable usage says so and still accounts for the events")
    func empty() throws {
        var log = LogBuilder()
        log.createApp("free", "sandbox", at: "2026-10-01T00:00:00Z")
        let text = (try Fixtures.run(log)).text()
        #expect(text.contains("No account has billable usage in 2026-10."))
        #expect(text.hasSuffix("Events: 1 lines read, 1 applied, 0 duplicates, 0 rejected\n"))
    }
}
