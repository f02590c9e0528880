import Foundation
import Testing
@testable import Tally

@Suite("Ledger: one account's view at an instant")
struct LedgerViewTests {
    static func ledger(at text: String, _ log: LogBuilder = .sslScenario()) throws -> Ledger {
        try Ledger([log.input()], at: utc(text), rateCards: Fixtures.defaultRates)
    }

    @Test("the view lists the account's applications, services, domains and SSL edges")
    func accountView() throws {
        let view = try Self.ledger(at: "2026-10-10T00:00:00Z").account(acct("acct_a"))
        #expect(view.applications.map(\.name) == [appName("api"), appName("sand"), appName("shop")])
        let shop = try #require(view.applications.last)
        #expect(shop.flavor == .live)
        #expect(shop.createdAt == utc("2026-10-01T00:00:00Z"))
        #expect(shop.services == [ServiceView(
            name: serviceName("www"), type: try ServiceType("python"), instances: 2, memoryMBPerInstance: 256,
            since: utc("2026-10-01T00:00:00Z"), domains: [domainName("www.shop.example")])])
        #expect(shop.reservedMB == 512)
        #expect(shop.domains.map(\.domain) == [domainName("www.shop.example")])
        #expect(view.billedReservedMB == 1024)
        #expect(view.sslEdges == [SSLEdgeView(domain: domainName("api.shop.example"), application: appName("api"),
                                              flavor: .enterprise, since: utc("2026-10-03T00:00:00Z"),
                                              applicationDestroyedAt: nil)])
        #expect(view.rejectedLineCount == 0)
    }

    @Test("events at the instant's own second are applied; later ones are not")
    func instantIsIncluded() throws {
        let atEnable = try Self.ledger(at: "2026-10-03T00:00:00Z").sslEdges(of: acct("acct_a"))
        let before = try Self.ledger(at: "2026-10-02T23:59:59Z").sslEdges(of: acct("acct_a"))
        #expect(atEnable.map(\.domain) == [domainName("api.shop.example")])
        #expect(before.isEmpty)
    }

    @Test("an edge outlives its application and says so")
    func edgeOfDestroyedApplication() throws {
        var log = LogBuilder.sslScenario()
        log.add("application.destroyed", at: "2026-10-15T00:00:00Z", account: "acct_b", ["app": "blog"])
        let ledger = try Self.ledger(at: "2026-10-20T00:00:00Z", log)
        let edge = try ledger.sslEdge(for: domainName("www.blog.example"), in: acct("acct_b"))
        #expect(edge.application == appName("blog"))
        #expect(edge.applicationExists == false)
        #expect(edge.applicationDestroyedAt == utc("2026-10-15T00:00:00Z"))
        #expect(ledger.account(acct("acct_b")).applications.isEmpty)
    }

    @Test("another account's application is indistinguishable from a missing one")
    func applicationIsolation() throws {
        let ledger = try Self.ledger(at: "2026-10-10T00:00:00Z")
        let other = #expect(throws: LedgerError.self) { try ledger.application(appName("blog"), in: acct("acct_a")) }
        let missing = #expect(throws: LedgerError.self) { try ledger.application(appName("nothing"), in: acct("acct_a")) }
        #expect(other == .applicationNotFound(appName("blog"), account: acct("acct_a")))
        #expect(missing == .applicationNotFound(appName("nothing"), account: acct("acct_a")))
        // Same message shape: only the name asked for differs.
        #expect(other?.description.replacingOccurrences(of: "blog", with: "nothing") == missing?.description)
        #expect(try ledger.application(appName("blog"), in: acct("acct_b")).name == appName("blog"))
    }

    @Test("another account's SSL edge is indistinguishable from a missing one")
    func edgeIsolation() throws {
        let ledger = try Self.ledger(at: "2026-10-10T00:00:00Z")
        let other = #expect(throws: LedgerError.self) { try ledger.sslEdge(for: domainName("www.blog.example"), in: acct("acct_a")) }
        #expect(other == .sslEdgeNotFound(domainName("www.blog.example"), account: acct("acct_a")))
        // The same question about a domain nobody has gives the same error value.
        var withoutEdge = LogBuilder.sslScenario()
        withoutEdge.disableSSL("www.blog.example", at: "2026-10-06T00:00:00Z", account: "acct_b")
        let never = #expect(throws: LedgerError.self) {
            try Self.ledger(at: "2026-10-10T00:00:00Z", withoutEdge).sslEdge(for: domainName("www.blog.example"), in: acct("acct_a"))
        }
        #expect(other == never)
        #expect(ledger.sslEdges(of: acct("acct_a")).map(\.domain) == [domainName("api.shop.example")])
    }

    @Test("an account the log never names is an empty view, not an error")
    func unknownAccount() throws {
        let view = try Self.ledger(at: "2026-10-10T00:00:00Z").account(acct("acct_none"))
        #expect(view.applications.isEmpty)
        #expect(view.sslEdges.isEmpty)
    }

    @Test("the account's rejected lines up to the instant are counted; other accounts' are not")
    func rejectedLines() throws {
        var log = LogBuilder.sslScenario()
        log.add("service.scaled", at: "2026-10-04T00:00:00Z", id: "bad-a", account: "acct_a", ["app": "nope", "service": "x", "instances": 2])
        log.add("service.scaled", at: "2026-10-04T00:00:00Z", id: "bad-b", account: "acct_b", ["app": "nope", "service": "x", "instances": 2])
        log.add("service.scaled", at: "2026-10-25T00:00:00Z", id: "late-a", account: "acct_a", ["app": "nope", "service": "x"])
        let view = try Self.ledger(at: "2026-10-10T00:00:00Z", log).account(acct("acct_a"))
        #expect(view.rejectedLineCount == 1)
        #expect(view.rejectedLines.map(\.eventID) == ["bad-a"])
    }

    @Test("an unreadable log is an input error")
    func missingInput() {
        let error = #expect(throws: LedgerError.self) {
            try Ledger([.file("/nonexistent/events.jsonl")], at: utc("2026-10-10T00:00:00Z"), rateCards: Fixtures.defaultRates)
        }
        #expect(error == .input(InputError(name: "/nonexistent/events.jsonl", problem: "no such file; check the path")))
    }
}
