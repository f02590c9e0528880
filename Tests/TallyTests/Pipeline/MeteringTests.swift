import Testing
@testable import Tally

@Suite("Metering and rating over a billing period (SPEC §3)")
struct MeteringTests {
    /// A log with one live 1 × 1024 MB service deployed at `from` and destroyed at `to`.
    func service(from: String, to: String?) -> LogBuilder {
        var log = LogBuilder()
        log.createApp("app", at: "2020-01-01T00:00:00Z")
        log.deploy("app", "svc", instances: 1, memoryMB: 1024, at: from)
        if let to { log.add("service.destroyed", at: to, ["app": "app", "service": "svc"]) }
        return log
    }

    func mbSeconds(_ log: LogBuilder, month: String = "2026-10", rates: RateCardSet? = nil) throws -> Int64 {
        try Fixtures.run(log, month: month, rates: rates).invoices.first?.lines.reduce(0) { $0 + $1.mbSeconds } ?? 0
    }

    @Test("a whole month of 28, 29, 30 or 31 days", arguments: [
        ("2026-02", Int64(672)), ("2028-02", 696), ("2026-04", 720), ("2026-10", 744),
    ])
    func wholeMonth(month: String, hours: Int64) throws {
        let expected: Int64 = 1024 * hours * 3600
        #expect(try mbSeconds(service(from: "2020-06-01T00:00:00Z", to: nil), month: month) == expected)
    }

    @Test("events on the period boundaries and one second either side", arguments: [
        // (deployed, destroyed, seconds billed in October 2026)
        ("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", Int64(744 * 3600)),
        ("2026-09-30T23:59:59Z", "2026-11-01T00:00:01Z", Int64(744 * 3600)),
        ("2026-10-01T00:00:01Z", "2026-10-31T23:59:59Z", Int64(744 * 3600 - 2)),
        ("2026-09-30T23:59:59Z", "2026-10-01T00:00:00Z", Int64(0)),
        ("2026-09-30T23:59:59Z", "2026-10-01T00:00:01Z", Int64(1)),
        ("2026-10-31T23:59:59Z", "2026-11-01T00:00:00Z", Int64(1)),
        ("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", Int64(0)),
    ])
    func boundaries(from: String, to: String, seconds: Int64) throws {
        let run = try Fixtures.run(service(from: from, to: to))
        let billed: Int64 = run.invoices.first?.lines.first?.mbSeconds ?? 0
        let expected: Int64 = 1024 * seconds
        let invoiceCount = seconds > 0 ? 1 : 0
        #expect(billed == expected)
        #expect(run.invoices.count == invoiceCount)
    }

    @Test("time offsets and fractional seconds are converted to UTC, fraction dropped")
    func offsets() throws {
        // 02:00:00.900+02:00 is 00:00:00Z; 01:00:00.999+01:00 on the 2nd is 00:00:00Z: exactly one day.
        let log = service(from: "2026-10-01T02:00:00.900+02:00", to: "2026-10-02T01:00:00.999+01:00")
        let day: Int64 = 1024 * 86_400
        #expect(try mbSeconds(log) == day)
    }

    @Test("a rate-card change mid-month splits the line at the instant")
    func rateCardChange() throws {
        let rates = try RateCardSet([
            Fixtures.card(name: "old", from: "2012-06-01T00:00:00Z", live: "0.0001875"),
            Fixtures.card(name: "new", from: "2026-10-16T12:00:00Z", live: "0.0003"),
        ])
        let run = try Fixtures.run(service(from: "2026-09-01T00:00:00Z", to: nil), rates: rates)
        let lines = try #require(run.invoices.first?.lines)
        #expect(lines.map(\.rateCard.name) == ["old", "new"])
        let half: Int64 = 1024 * (15 * 86_400 + 12 * 3600)
        #expect(lines.map(\.mbSeconds) == [half, half])
        // 1024 MB × 372 h × 0.0001875 = 71.424 → 71.42; × 0.0003 = 114.2784 → 114.28.
        #expect(lines.map(\.amount.description) == ["71.42", "114.28"])
        #expect(run.invoices[0].total.description == "185.70")
    }

    @Test("usage that no card covers stops the run naming the first uncovered instant")
    func uncovered() throws {
        let rates = try RateCardSet([Fixtures.card(name: "late", from: "2026-10-10T00:00:00Z")])
        #expect(throws: RunError.configuration(RateCardError(
            file: nil, field: "effective_from",
            problem: "billable usage at 2026-10-05T00:00:00Z is covered by no rate card; add a card in effect from that instant or earlier"))) {
            try Fixtures.run(service(from: "2026-10-05T00:00:00Z", to: nil), rates: rates)
        }
        // Sandbox usage needs no card.
        var sandbox = LogBuilder()
        sandbox.createApp("free", "sandbox", at: "2026-10-01T00:00:00Z")
        sandbox.deploy("free", "web", instances: 1, memoryMB: 256, at: "2026-10-01T00:00:00Z")
        #expect(try Fixtures.run(sandbox, rates: rates).invoices.isEmpty)
    }

    @Test("a JPY card rounds to whole yen")
    func yen() throws {
        let rates = try RateCardSet([Fixtures.card(name: "jp", from: "2012-06-01T00:00:00Z", currency: "JPY", live: "0.03")])
        // 1024 MB × 744 h × 0.03 = 22855.68 → 22856.
        let run = try Fixtures.run(service(from: "2026-09-01T00:00:00Z", to: nil), rates: rates)
        #expect(run.currency.code == "JPY")
        #expect(run.invoices.first?.total.description == "22856")
    }

    @Test("a flavor change splits the line; sandbox parts are free")
    func flavorChange() throws {
        var log = LogBuilder()
        log.createApp("app", "sandbox", at: "2026-10-01T00:00:00Z")
        log.deploy("app", "web", instances: 1, memoryMB: 512, at: "2026-10-01T00:00:00Z")
        log.add("application.flavor_changed", at: "2026-10-11T00:00:00Z", ["app": "app", "flavor": "live"])
        log.add("application.flavor_changed", at: "2026-10-21T00:00:00Z", ["app": "app", "flavor": "enterprise"])
        let rates = try RateCardSet([Fixtures.card(name: "c", from: "2012-06-01T00:00:00Z", live: "0.0001", enterprise: "0.0002")])
        let lines = try #require(try Fixtures.run(log, rates: rates).invoices.first?.lines)
        #expect(lines.map(\.flavor) == [.live, .enterprise])
        let expected: [Int64] = [512 * 10 * 86_400, 512 * 11 * 86_400]
        #expect(lines.map(\.mbSeconds) == expected)
        #expect(lines.map(\.amount.description) == ["12.29", "27.03"])
    }

    @Test("an SSL edge keeps the flavor its application had when SSL was enabled")
    func edgeFlavor() throws {
        var log = LogBuilder()
        log.createApp("app", "live", at: "2026-10-01T00:00:00Z")
        log.deploy("app", "web", instances: 1, memoryMB: 32, at: "2026-10-01T00:00:00Z")
        log.add("domain.added", at: "2026-10-01T00:00:00Z", ["app": "app", "service": "web", "domain": "a.example"])
        log.add("ssl.enabled", at: "2026-10-01T00:00:00Z", ["app": "app", "domain": "a.example"])
        log.add("application.flavor_changed", at: "2026-10-10T00:00:00Z", ["app": "app", "flavor": "enterprise"])
        let rates = try RateCardSet([Fixtures.card(name: "c", from: "2012-06-01T00:00:00Z", live: "0.0001", enterprise: "0.0002")])
        let lines = try #require(try Fixtures.run(log, rates: rates).invoices.first?.lines)
        let edges = lines.filter { $0.kind == .sslEdge }
        #expect(edges.count == 1)
        #expect(edges.first?.flavor == .live)
        let month: Int64 = 160 * 744 * 3600
        #expect(edges.first?.mbSeconds == month)
        #expect(lines.filter { $0.kind == .service }.map(\.flavor) == [.live, .enterprise])
    }

    @Test("the edge's MB follow the card in effect")
    func edgeMemoryFromCard() throws {
        var log = LogBuilder()
        log.createApp("app", at: "2026-09-01T00:00:00Z")
        log.deploy("app", "web", instances: 1, memoryMB: 32, at: "2026-09-01T00:00:00Z")
        log.add("domain.added", at: "2026-09-01T00:00:00Z", ["app": "app", "service": "web", "domain": "a.example"])
        log.add("ssl.enabled", at: "2026-09-01T00:00:00Z", ["app": "app", "domain": "a.example"])
        let rates = try RateCardSet([
            Fixtures.card(name: "a", from: "2012-06-01T00:00:00Z"),
            Fixtures.card(name: "b", from: "2026-10-16T00:00:00Z", edgeMB: 256),
        ])
        let edges = try #require(try Fixtures.run(log, rates: rates).invoices.first?.lines.filter { $0.kind == .sslEdge })
        let expected: [Int64] = [160 * 15 * 86_400, 256 * 16 * 86_400]
        #expect(edges.map(\.mbSeconds) == expected)
    }

    @Test("a service destroyed and deployed again in the period stays one line")
    func redeployedOneLine() throws {
        var log = service(from: "2026-10-01T00:00:00Z", to: "2026-10-02T00:00:00Z")
        log.deploy("app", "svc", instances: 2, memoryMB: 1024, at: "2026-10-03T00:00:00Z")
        log.add("service.destroyed", at: "2026-10-04T00:00:00Z", ["app": "app", "service": "svc"])
        let lines = try #require(try Fixtures.run(log).invoices.first?.lines)
        #expect(lines.count == 1)
        let expected: Int64 = 1024 * 86_400 + 2048 * 86_400
        #expect(lines[0].mbSeconds == expected)
    }

    @Test("the invoice total is the sum of the rounded lines, not the rounded sum")
    func totalOfRoundedLines() throws {
        var log = LogBuilder()
        log.createApp("app", at: "2026-10-01T00:00:00Z")
        // Three services of 96,000 MB-seconds each: 0.005 apiece → 0.01 × 3 = 0.03 (the exact sum 0.015 would round to 0.02).
        for name in ["a", "b", "c"] {
            log.deploy("app", name, instances: 1, memoryMB: 32, at: "2026-10-02T00:00:00Z")
            log.add("service.destroyed", at: "2026-10-02T00:50:00Z", ["app": "app", "service": name])
        }
        let invoice = try #require(try Fixtures.run(log).invoices.first)
        #expect(invoice.lines.map(\.amount.description) == ["0.01", "0.01", "0.01"])
        #expect(invoice.total.description == "0.03")
    }

    @Test("an unsorted log gives the same invoices as the sorted one")
    func unsorted() throws {
        let sorted = WorkedExampleTests.example2()
        var shuffled = LogBuilder()
        // Lines 0, 1 and 2 share one second, so they keep their input order.
        for index in [5, 3, 0, 4, 1, 2] { shuffled.addRaw(sorted.lines[index]) }
        let expected = try Fixtures.run(sorted)
        let actual = try Fixtures.run(shuffled)
        #expect(actual.invoices == expected.invoices)
        #expect(actual.events == expected.events)
    }
}
