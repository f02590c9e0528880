import Testing
@testable import Tally

/// Stage 3 alone (README, "Architecture"): allocation changes made by hand,
/// fed to a ``Meter``, and the exact ``UsageRecord``s it gives (SPEC §3), with
/// no reading or replaying.
@Suite("Stage 3, meter: allocation changes → MB-seconds per line key")
struct MeterStageTests {
    static let october = BillingPeriod("2026-10")!
    /// A card from before the logs and one taking over mid-month with 192 MB edges.
    static let twoCards = try! RateCardSet([
        Fixtures.dotcloud,
        Fixtures.card(name: "mid-month", from: "2026-10-17T06:00:00Z", live: "0.00021", edgeMB: 192),
    ])

    var names = SymbolTable()
    let account: Symbol<AccountKind>
    let other: Symbol<AccountKind>
    let shop: Symbol<ApplicationKind>
    let www: Symbol<ServiceKind>
    let python: Symbol<ServiceTypeKind>
    let domain: Symbol<DomainKind>

    init() {
        account = names.intern("acct_1")
        other = names.intern("acct_2")
        shop = names.intern("shop")
        www = names.intern("www")
        python = names.intern("python")
        domain = names.intern("www.example.org")
    }

    static func at(_ text: String) -> Int64 { Timestamp(rfc3339: text)!.secondsSinceEpoch }

    static func cause(_ line: Int32) -> LineLocation { LineLocation(source: 0, line: line, offset: 0, length: 0) }

    /// A service of `account` holding `flavor` `instances` × `memoryMB` from `since`.
    func service(_ flavor: Flavor, _ instances: Int, _ memoryMB: Int, since: String, line: Int32,
                 of account: Symbol<AccountKind>? = nil) -> (resource: BilledResource, open: OpenAllocation) {
        (.service(account ?? self.account, shop, www),
         OpenAllocation(allocation: .service(flavor: flavor, instances: instances, memoryMB: memoryMB, type: python),
                        since: Self.at(since), cause: Self.cause(line)))
    }

    /// The change that ends `held` at `time` (allocation `next`, or none).
    func change(_ held: (resource: BilledResource, open: OpenAllocation), at time: String, line: Int32,
                to next: Allocation? = nil) -> AllocationChange {
        AllocationChange(resource: held.resource, time: Self.at(time), allocation: next, cause: Self.cause(line),
                         previous: held.open)
    }

    /// `flavor card mbSeconds first…last` per record, sorted.
    func describe(_ usage: Usage) -> [String] {
        usage.records.map { record in
            "\(record.key.flavor) card \(record.key.card) \(record.mbSeconds) "
                + "\(Timestamp(secondsSinceEpoch: record.firstSecond))…\(Timestamp(secondsSinceEpoch: record.lastSecond))"
        }.sorted()
    }

    @Test("a scaled then destroyed service: each allocation for the seconds it was held (SPEC §5, example 1)")
    func scaledAndDestroyed() throws {
        var meter = Meter(window: Self.october.start.secondsSinceEpoch..<Self.october.end.secondsSinceEpoch,
                          rateCards: Fixtures.defaultRates)
        let first = service(.live, 2, 256, since: "2026-09-01T00:00:00Z", line: 1)
        let second = service(.live, 2, 512, since: "2026-10-10T12:00:00Z", line: 2)
        meter.record(change(first, at: "2026-10-10T12:00:00Z", line: 2, to: second.open.allocation))
        meter.record(change(second, at: "2026-10-20T00:00:00Z", line: 3))
        let usage = try meter.usage(closing: [])
        // 512 MB × 228 h + 1024 MB × 228 h = 350,208 MB-hours.
        #expect(describe(usage) == ["live card 0 1260748800 2026-10-01T00:00:00Z…2026-10-19T23:59:59Z"])
        let record = try #require(usage.records.first)
        #expect(record.key.account == account)
        #expect(record.key.subject == .service(shop, www))
        #expect(record.serviceType == python)
        #expect(record.key.month == Self.october.monthIndex)
    }

    @Test("an allocation still open is counted on to the window's end, or to the instant asked for")
    func openAllocations() throws {
        let meter = Meter(window: Self.october.start.secondsSinceEpoch..<Self.october.end.secondsSinceEpoch,
                          rateCards: Fixtures.defaultRates)
        let held = service(.enterprise, 1, 1024, since: "2026-10-31T23:00:00Z", line: 1)
        #expect(describe(try meter.usage(closing: [held]))
            == ["enterprise card 0 3686400 2026-10-31T23:00:00Z…2026-10-31T23:59:59Z"])
        #expect(describe(try meter.usage(closing: [held], at: Self.at("2026-10-31T23:00:10Z")))
            == ["enterprise card 0 10240 2026-10-31T23:00:00Z…2026-10-31T23:00:09Z"])
        // Past the window's end, the window's end counts.
        #expect(try meter.usage(closing: [held], at: Self.at("2026-12-01T00:00:00Z")).records.first?.mbSeconds == 3_686_400)
    }

    @Test("usage is split where a rate card takes over, and an SSL edge reserves each card's edge MB")
    func rateCardSplit() throws {
        let meter = Meter(window: Self.october.start.secondsSinceEpoch..<Self.october.end.secondsSinceEpoch,
                          rateCards: Self.twoCards)
        let edge = (resource: BilledResource.sslEdge(account, domain),
                    open: OpenAllocation(allocation: .sslEdge(flavor: .live, application: shop, applicationDestroyedAt: nil),
                                         since: Self.at("2026-10-17T00:00:00Z"), cause: Self.cause(1)))
        let usage = try meter.usage(closing: [edge, service(.live, 1, 64, since: "2026-10-17T05:00:00Z", line: 2)])
        let split: Int64 = 6 * 3600
        #expect(usage.records.count == 4)
        let edges = usage.records.filter { $0.key.subject == .sslEdge(domain) }.sorted { $0.key.card < $1.key.card }
        let afterSplit = Self.at("2026-11-01T00:00:00Z") - Self.at("2026-10-17T06:00:00Z")
        #expect(edges.map(\.mbSeconds) == [160 * split, 192 * afterSplit])
        #expect(edges.map(\.edgeApplication) == [shop, shop])
        #expect(describe(Usage(records: usage.records.filter { $0.key.subject == .service(shop, www) })) == [
            "live card 0 230400 2026-10-17T05:00:00Z…2026-10-17T05:59:59Z",
            "live card 1 \(64 * (14 * 86_400 + 18 * 3600)) 2026-10-17T06:00:00Z…2026-10-31T23:59:59Z",
        ])
    }

    @Test("a flavor change makes a second line; sandbox usage is dropped")
    func flavors() throws {
        var meter = Meter(window: Self.october.start.secondsSinceEpoch..<Self.october.end.secondsSinceEpoch,
                          rateCards: Fixtures.defaultRates)
        let sandbox = service(.sandbox, 1, 1024, since: "2026-10-01T00:00:00Z", line: 1)
        let live = service(.live, 1, 1024, since: "2026-10-11T00:00:00Z", line: 2)
        let enterprise = service(.enterprise, 1, 1024, since: "2026-10-21T00:00:00Z", line: 3)
        meter.record(change(sandbox, at: "2026-10-11T00:00:00Z", line: 2, to: live.open.allocation))
        meter.record(change(live, at: "2026-10-21T00:00:00Z", line: 3, to: enterprise.open.allocation))
        let tenDays: Int64 = 1024 * 10 * 86_400
        #expect(describe(try meter.usage(closing: [enterprise])) == [
            "enterprise card 0 \(tenDays + 1024 * 86_400) 2026-10-21T00:00:00Z…2026-10-31T23:59:59Z",
            "live card 0 \(tenDays) 2026-10-11T00:00:00Z…2026-10-20T23:59:59Z",
        ])
    }

    @Test("a meter for some accounts takes their changes only")
    func someAccounts() throws {
        var set = FastSet<Symbol<AccountKind>>()
        set.insert(other)
        var meter = Meter(window: Self.october.start.secondsSinceEpoch..<Self.october.end.secondsSinceEpoch,
                          rateCards: Fixtures.defaultRates, accounts: .only(set))
        let mine = service(.live, 1, 32, since: "2026-10-01T00:00:00Z", line: 1)
        let theirs = service(.live, 1, 32, since: "2026-10-01T00:00:00Z", line: 2, of: other)
        meter.record(change(mine, at: "2026-10-02T00:00:00Z", line: 3))
        meter.record(change(theirs, at: "2026-10-03T00:00:00Z", line: 4))
        let usage = try meter.usage(closing: [])
        #expect(usage.records.map(\.key.account) == [other])
        #expect(usage.records.map(\.mbSeconds) == [32 * 2 * 86_400])
    }

    @Test("billable usage no rate card covers is a configuration error naming the first second (SPEC §4)")
    func uncovered() throws {
        let late = try RateCardSet([Fixtures.card(name: "late", from: "2026-10-10T00:00:00Z")])
        let meter = Meter(window: Self.october.start.secondsSinceEpoch..<Self.october.end.secondsSinceEpoch, rateCards: late)
        let held = service(.live, 1, 32, since: "2026-09-01T00:00:00Z", line: 1)
        #expect {
            _ = try meter.usage(closing: [held])
        } throws: { error in
            (error as? RateCardError)?.problem.contains("2026-10-01T00:00:00Z") == true
        }
        // Sandbox usage needs no card.
        #expect(try meter.usage(closing: [service(.sandbox, 1, 32, since: "2026-09-01T00:00:00Z", line: 1)]).records.isEmpty)
    }
}
