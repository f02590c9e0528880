import Testing
@testable import Tally

/// Stage 4 alone (README, "Architecture"): usage records made by hand, priced
/// by ``BillingPipeline/price(_:names:)`` into line items (SPEC §3), with no
/// log behind them.
@Suite("Stage 4, price: usage records → priced line items")
struct PriceStageTests {
    var names = SymbolTable()
    let account: Symbol<AccountKind>
    let shop: Symbol<ApplicationKind>
    let www: Symbol<ServiceKind>
    let python: Symbol<ServiceTypeKind>
    let domain: Symbol<DomainKind>

    init() {
        account = names.intern("acct_1")
        shop = names.intern("shop")
        www = names.intern("www")
        python = names.intern("python")
        domain = names.intern("www.example.org")
    }

    static let october = BillingPeriod("2026-10")!

    func serviceRecord(_ mbSeconds: Int64, flavor: Flavor = .live, card: Int = 0) -> UsageRecord {
        UsageRecord(key: UsageKey(account: account, subject: .service(shop, www), flavor: flavor, card: card,
                                  month: Self.october.monthIndex),
                    mbSeconds: mbSeconds, firstSecond: Self.october.start.secondsSinceEpoch + 60,
                    lastSecond: Self.october.start.secondsSinceEpoch + 3059, serviceType: python,
                    edgeApplication: .none, edgeApplicationDestroyedAt: nil)
    }

    func price(_ records: [UsageRecord], _ rates: RateCardSet) throws -> [BillingPipeline.PricedLine] {
        try BillingPipeline(rateCards: rates).price(Usage(records: records), names: names)
    }

    @Test("SPEC §5, example 3: 96,000 MB-seconds is exactly $0.005, rounded once by the card's mode", arguments: [
        (RoundingMode.halfUp, "0.01"), (.halfEven, "0.00"),
    ])
    func workedExample(rounding: RoundingMode, amount: String) throws {
        let rates = try RateCardSet([Fixtures.card(name: "card", from: "2012-06-01T00:00:00Z", rounding: rounding)])
        let priced = try price([serviceRecord(96_000)], rates)
        let line = try #require(priced.first?.line)
        #expect(priced.count == 1)
        #expect(priced.first?.account == account)
        #expect(line.kind == .service)
        #expect(line.application.text == "shop")
        #expect(line.service?.text == "www")
        #expect(line.serviceType?.text == "python")
        #expect(line.domain == nil)
        #expect(line.flavor == .live)
        #expect(line.rateCard.name == "card")
        #expect(line.mbSeconds == 96_000)
        #expect(line.unitPrice.description == "0.0001875")
        #expect(line.amount.description == amount)
        #expect(line.usageStart.description == "2026-10-01T00:01:00Z")
        #expect(line.usageEnd.description == "2026-10-01T00:50:59Z")
    }

    @Test("each record is priced at its own card's price for its flavor; the currency's minor unit decides the digits")
    func cardsAndFlavors() throws {
        let rates = try RateCardSet([
            Fixtures.card(name: "old", from: "2012-06-01T00:00:00Z", currency: "JPY", live: "0.03", enterprise: "0.05"),
            Fixtures.card(name: "new", from: "2026-10-17T06:00:00Z", currency: "JPY", live: "0.04", enterprise: "0.06"),
        ])
        let hour: Int64 = 3600 * 1000   // 1000 MB-hours
        let priced = try price([serviceRecord(hour, flavor: .live, card: 0), serviceRecord(hour, flavor: .enterprise, card: 0),
                                serviceRecord(hour, flavor: .live, card: 1), serviceRecord(hour, flavor: .enterprise, card: 1)],
                               rates)
        #expect(priced.map { "\($0.line.rateCard.name) \($0.line.flavor) \($0.line.unitPrice) \($0.line.amount)" } == [
            "old live 0.03 30", "old enterprise 0.05 50", "new live 0.04 40", "new enterprise 0.06 60",
        ])
    }

    @Test("an SSL edge line names its domain and the application it was enabled for, destroyed or not")
    func sslEdge() throws {
        let destroyed = Timestamp(rfc3339: "2026-10-15T00:00:00Z")!
        let record = UsageRecord(
            key: UsageKey(account: account, subject: .sslEdge(domain), flavor: .live, card: 0, month: Self.october.monthIndex),
            mbSeconds: 373_248_000, firstSecond: Timestamp(rfc3339: "2026-10-05T00:00:00Z")!.secondsSinceEpoch,
            lastSecond: Self.october.end.secondsSinceEpoch - 1, serviceType: .none, edgeApplication: shop,
            edgeApplicationDestroyedAt: destroyed.secondsSinceEpoch)
        let line = try #require(try price([record], Fixtures.defaultRates).first?.line)
        #expect(line.kind == .sslEdge)
        #expect(line.domain?.text == "www.example.org")
        #expect(line.application.text == "shop")
        #expect(line.service == nil && line.serviceType == nil)
        #expect(line.applicationDestroyedAt == destroyed)
        #expect(line.amount.description == "19.44")   // SPEC §5, example 2
        #expect(line.usageEnd.description == "2026-10-31T23:59:59Z")
    }

    @Test("an amount beyond 64 bits of minor units is an overflow error, not a wrapped number")
    func overflow() throws {
        let rates = try RateCardSet([Fixtures.card(name: "dear", from: "2012-06-01T00:00:00Z", live: "1000000000")])
        #expect {
            _ = try price([serviceRecord(Int64.max / 2)], rates)
        } throws: { error in
            if case .overflow = error as? RunError { return true }
            return false
        }
    }
}
