import Testing
@testable import Tally

/// What applied events do to the bill (SPEC §2.2, §3): the exact allocation
/// changes replay emits and the invoice lines they make.
@Suite("Replay: what applied events change")
struct ReplayEffectTests {
    let domain = "www.example.org"

    /// The service and SSL lines of acct_1's invoice as (kind, flavor, MB-seconds, amount in cents).
    static func lines(_ run: InvoiceRun) -> [String] {
        (run.invoices.first { $0.account.text == "acct_1" }?.lines ?? []).map {
            "\($0.kind.rawValue) \($0.domain?.text ?? $0.service?.text ?? "") \($0.flavor) \($0.mbSeconds) \($0.amount)"
        }
    }

    @Test("application.destroyed ends its services and frees its domains at that instant; its SSL edge goes on")
    func destroyedApplication() throws {
        let steps: [Step] = [
            .created("shop", at: "2026-10-01T00:00:00Z"),
            .deployed("shop", "www", memoryMB: 128, at: "2026-10-01T00:00:00Z"),
            .domainAdded("shop", "www", domain, at: "2026-10-01T00:00:00Z"),
            .sslEnabled("shop", domain, at: "2026-10-05T00:00:00Z"),
            .destroyed("shop", at: "2026-10-15T00:00:00Z"),
            .created("blog", account: "acct_2", at: "2026-10-16T00:00:00Z"),
            .deployed("blog", "web", account: "acct_2", at: "2026-10-16T00:00:00Z"),
            .domainAdded("blog", "web", domain, account: "acct_2", at: "2026-10-16T00:00:00Z"),
            .certificateUpdated(domain, at: "2026-10-20T00:00:00Z"),
            .sslDisabled(domain, at: "2026-11-10T00:00:00Z"),
        ]
        let replayed = try Replaying.replay(steps)
        #expect(replayed.counts == EventCounts(lines: 10, applied: 10))
        #expect(replayed.changes == [
            "acct_1/shop/www 2026-10-01T00:00:00Z live 1x128 python (line 2)",
            "acct_1 ssl www.example.org 2026-10-05T00:00:00Z live for shop (line 4)",
            "acct_1/shop/www 2026-10-15T00:00:00Z none (line 5)",
            "acct_1 ssl www.example.org 2026-10-15T00:00:00Z live for shop, app destroyed 2026-10-15T00:00:00Z (line 5)",
            "acct_2/blog/web 2026-10-16T00:00:00Z live 1x256 python (line 7)",
            "acct_1 ssl www.example.org 2026-11-10T00:00:00Z none (line 10)",
        ])
        #expect(replayed.state == [
            "app acct_2/blog live",
            "app domain www.example.org → acct_2/blog/web",
            "domain www.example.org → acct_2/blog/web",
            "service acct_2/blog/web python 1x256 since 2026-10-16T00:00:00Z",
        ])

        // SPEC §5, example 2: October $8.06 + $19.44 = $27.50; November $6.48.
        let october = try Fixtures.run(Step.log(steps))
        #expect(Self.lines(october) == ["service www live 154828800 8.06", "ssl_edge www.example.org live 373248000 19.44"])
        #expect(october.invoices.first?.total.minorUnits == 2750)
        #expect(october.invoices.first?.lines.last?.applicationDestroyedAt == Timestamp(year: 2026, month: 10, day: 15))
        let november = try Fixtures.run(Step.log(steps), month: "2026-11")
        #expect(Self.lines(november) == ["ssl_edge www.example.org live 124416000 6.48"])
    }

    @Test("service.deployed again with the same type takes the new values from that instant")
    func redeployed() throws {
        let steps: [Step] = [
            .created("shop", at: "2026-10-01T00:00:00Z"),
            .deployed("shop", "www", instances: 1, memoryMB: 256, at: "2026-10-01T00:00:00Z"),
            .deployed("shop", "www", instances: 2, memoryMB: 512, at: "2026-10-16T00:00:00Z"),
        ]
        let replayed = try Replaying.replay(steps)
        #expect(replayed.changes == [
            "acct_1/shop/www 2026-10-01T00:00:00Z live 1x256 python (line 2)",
            "acct_1/shop/www 2026-10-16T00:00:00Z live 2x512 python (line 3)",
        ])
        #expect(replayed.state.contains("service acct_1/shop/www python 2x512 since 2026-10-01T00:00:00Z"))
        // 256 MB × 15 days + 1024 MB × 16 days = 485,376 MB-hours × $0.0001875 = $91.008.
        let run = try Fixtures.run(Step.log(steps))
        #expect(Self.lines(run) == ["service www live 1747353600 91.01"])
    }

    @Test("service.scaled replaces only the values it gives")
    func scaled() throws {
        let steps: [Step] = [
            .created("shop", at: "2026-10-01T00:00:00Z"),
            .deployed("shop", "www", instances: 1, memoryMB: 256, at: "2026-10-01T00:00:00Z"),
            .deployed("shop", "db", type: "mysql", instances: 2, memoryMB: 256, at: "2026-10-01T00:00:00Z"),
            .scaled("shop", "www", instances: 3, at: "2026-10-11T00:00:00Z"),
            .scaled("shop", "db", memoryMB: 128, at: "2026-10-11T00:00:00Z"),
        ]
        let replayed = try Replaying.replay(steps)
        #expect(Array(replayed.changes.suffix(2)) == [
            "acct_1/shop/www 2026-10-11T00:00:00Z live 3x256 python (line 4)",
            "acct_1/shop/db 2026-10-11T00:00:00Z live 2x128 mysql (line 5)",
        ])
        // www: 256 MB × 10 days + 768 MB × 21 days; db: 512 MB × 10 days + 256 MB × 21 days.
        let run = try Fixtures.run(Step.log(steps))
        #expect(Self.lines(run) == ["service db live 906854400 47.23", "service www live 1614643200 84.10"])
    }

    @Test("ssl.disabled ends the edge's billing at that instant, to the second", arguments: [0, 1, 59])
    func sslDisabled(_ extraSeconds: Int) throws {
        let disabledAt = Timestamp(year: 2026, month: 10, day: 6, second: extraSeconds)!
        let steps: [Step] = [
            .created("shop", at: "2026-10-01T00:00:00Z"),
            .deployed("shop", "www", memoryMB: 32, at: "2026-10-01T00:00:00Z"),
            .domainAdded("shop", "www", domain, at: "2026-10-01T00:00:00Z"),
            .sslEnabled("shop", domain, at: "2026-10-05T00:00:00Z"),
            .sslDisabled(domain, at: disabledAt.description),
            .sslEnabled("shop", domain, at: "2026-10-31T23:00:00Z"),
        ]
        let run = try Fixtures.run(Step.log(steps))
        let edge = try #require(run.invoices.first?.lines.last)
        #expect(edge.domain?.text == domain)
        // 160 MB from Oct 5 to the instant of ssl.disabled, then from 23:00 on Oct 31.
        #expect(edge.mbSeconds == 160 * (86_400 + Int64(extraSeconds) + 3600))
        #expect(run.events == EventCounts(lines: 6, applied: 6))
    }

    @Test("a flavor change bills each part under its flavor; the SSL edge keeps the flavor it was enabled with")
    func flavorChanges() throws {
        let rates = try RateCardSet([Fixtures.card(name: "test", from: "2012-06-01T00:00:00Z", enterprise: "0.000375")])
        let steps: [Step] = [
            .created("shop", "sandbox", at: "2026-10-01T00:00:00Z"),
            .deployed("shop", "www", memoryMB: 256, at: "2026-10-01T00:00:00Z"),
            .flavorChanged("shop", "live", at: "2026-10-11T00:00:00Z"),
            .domainAdded("shop", "www", domain, at: "2026-10-12T00:00:00Z"),
            .sslEnabled("shop", domain, at: "2026-10-12T00:00:00Z"),
            .flavorChanged("shop", "enterprise", at: "2026-10-21T00:00:00Z"),
        ]
        let replayed = try Replaying.replay(steps)
        #expect(replayed.changes == [
            "acct_1/shop/www 2026-10-01T00:00:00Z sandbox 1x256 python (line 2)",
            "acct_1/shop/www 2026-10-11T00:00:00Z live 1x256 python (line 3)",
            "acct_1 ssl www.example.org 2026-10-12T00:00:00Z live for shop (line 5)",
            "acct_1/shop/www 2026-10-21T00:00:00Z enterprise 1x256 python (line 6)",
        ])
        let (run, rejections) = try Fixtures.runCollecting([Step.log(steps).input()], rates: rates)
        #expect(rejections.isEmpty)
        // Sandbox is free and not on the invoice; live 10 days, enterprise 11 days at twice the price.
        #expect(Set(Self.lines(run)) == [
            "service www live 221184000 11.52", "service www enterprise 243302400 25.34",
            "ssl_edge www.example.org live 276480000 14.40",
        ])
        #expect(run.invoices.first?.total.minorUnits == 5126)
    }
}
