import Testing
@testable import Tally

/// The worked examples of SPEC §5, to the cent.
@Suite("SPEC §5 worked examples")
struct WorkedExampleTests {
    @Test("1: scaled mid-month, destroyed on the 20th: $65.66")
    func example1() throws {
        var log = LogBuilder()
        log.createApp("shop", at: "2026-09-01T00:00:00Z")
        log.deploy("shop", "www", instances: 2, memoryMB: 256, at: "2026-09-15T00:00:00Z")
        log.add("service.scaled", at: "2026-10-10T12:00:00Z", ["app": "shop", "service": "www", "memory_mb": 512])
        log.add("service.destroyed", at: "2026-10-20T00:00:00Z", ["app": "shop", "service": "www"])
        let run = try Fixtures.run(log)
        let invoice = try #require(run.invoices.first)
        #expect(run.invoices.count == 1)
        #expect(invoice.lines.count == 1)
        let expected: Int64 = 350_208 * 3600
        #expect(invoice.lines[0].mbSeconds == expected)
        #expect(invoice.lines[0].amount.description == "65.66")
        #expect(invoice.total.description == "65.66")
        #expect(invoice.number == "INV-202610-acct_1")
    }

    static func example2() -> LogBuilder {
        var log = LogBuilder()
        log.createApp("blog", at: "2026-10-01T00:00:00Z")
        log.deploy("blog", "www", instances: 1, memoryMB: 128, at: "2026-10-01T00:00:00Z")
        log.add("domain.added", at: "2026-10-01T00:00:00Z", ["app": "blog", "service": "www", "domain": "www.example.org"])
        log.add("ssl.enabled", at: "2026-10-05T00:00:00Z", ["app": "blog", "domain": "www.example.org"])
        log.add("application.destroyed", at: "2026-10-15T00:00:00Z", ["app": "blog"])
        log.add("ssl.disabled", at: "2026-11-10T00:00:00Z", ["domain": "www.example.org"])
        return log
    }

    @Test("2: SSL edge outlives its application: October $27.50")
    func example2October() throws {
        let run = try Fixtures.run(Self.example2())
        let invoice = try #require(run.invoices.first)
        #expect(invoice.lines.map(\.amount.description) == ["8.06", "19.44"])
        #expect(invoice.lines.map(\.kind) == [.service, .sslEdge])
        let edge: Int64 = 160 * 648 * 3600
        #expect(invoice.lines[1].mbSeconds == edge)
        #expect(invoice.lines[1].domain?.text == "www.example.org")
        #expect(invoice.lines[1].application.text == "blog")
        #expect(invoice.lines[1].applicationDestroyedAt?.description == "2026-10-15T00:00:00Z")
        #expect(invoice.total.description == "27.50")
    }

    @Test("2: November bills the edge alone until ssl.disabled: $6.48")
    func example2November() throws {
        let run = try Fixtures.run(Self.example2(), month: "2026-11")
        let invoice = try #require(run.invoices.first)
        #expect(invoice.lines.count == 1)
        #expect(invoice.lines[0].kind == .sslEdge)
        let edge: Int64 = 160 * 216 * 3600
        #expect(invoice.lines[0].mbSeconds == edge)
        #expect(invoice.total.description == "6.48")
        #expect(invoice.number == "INV-202611-acct_1")
    }

    @Test("3: a 50-minute 32 MB service: $0.01 half-up, $0.00 half-even", arguments: [
        (RoundingMode.halfUp, "0.01"), (.halfEven, "0.00"),
    ])
    func example3(rounding: RoundingMode, amount: String) throws {
        var log = LogBuilder()
        log.createApp("tiny", at: "2026-10-01T00:00:00Z")
        log.deploy("tiny", "job", instances: 1, memoryMB: 32, at: "2026-10-07T10:00:00Z")
        log.add("service.destroyed", at: "2026-10-07T10:50:00Z", ["app": "tiny", "service": "job"])
        let rates = try RateCardSet([Fixtures.card(name: "c", from: "2012-06-01T00:00:00Z", rounding: rounding)])
        let run = try Fixtures.run(log, rates: rates)
        let invoice = try #require(run.invoices.first)
        #expect(invoice.lines[0].mbSeconds == 96_000)
        #expect(invoice.lines[0].amount.description == amount)
        #expect(invoice.total.description == amount)
    }

    @Test("the SSL edge costs $21.60 in a 30-day month and $22.32 in a 31-day month (SPEC §4)", arguments: [
        ("2026-11", "21.60"), ("2026-10", "22.32"),
    ])
    func edgeMonth(month: String, amount: String) throws {
        var log = LogBuilder()
        log.createApp("site", at: "2026-09-01T00:00:00Z")
        log.deploy("site", "www", instances: 1, memoryMB: 32, at: "2026-09-01T00:00:00Z")
        log.add("domain.added", at: "2026-09-01T00:00:00Z", ["app": "site", "service": "www", "domain": "example.com"])
        log.add("ssl.enabled", at: "2026-09-01T00:00:00Z", ["app": "site", "domain": "example.com"])
        let run = try Fixtures.run(log, month: month)
        let edge = try #require(run.invoices.first?.lines.first { $0.kind == .sslEdge })
        #expect(edge.amount.description == amount)
    }
}
