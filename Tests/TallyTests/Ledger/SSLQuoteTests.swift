import Foundation
import Testing
@testable import Tally

@Suite("Ledger: SSL quotes, rounded as on the invoice")
struct SSLQuoteTests {
    /// A live (or enterprise) application with a domain, set up the month before `month`.
    static func setUp(month: BillingPeriod, flavor: String) -> LogBuilder {
        var log = LogBuilder(account: "acct_q")
        let before = month.previous!.start.description
        log.createApp("site", flavor, at: before)
        log.deploy("site", "www", instances: 1, memoryMB: 32, at: before)
        log.addDomain("secure.example.org", app: "site", service: "www", at: before)
        return log
    }

    static func quote(_ log: LogBuilder, at instant: Timestamp, rates: RateCardSet) throws -> SSLQuote {
        try Ledger([log.input()], at: instant, rateCards: rates)
            .sslQuote(application: appName("site"), domain: domainName("secure.example.org"), for: acct("acct_q"))
    }

    /// The SSL edge line of the month-end run of `log` for `month`.
    static func edgeLine(_ log: LogBuilder, month: BillingPeriod, rates: RateCardSet) throws -> LineItem? {
        try BillingPipeline(rateCards: rates).invoices(for: month, [log.input()]).invoices.first?.lines.first { $0.kind == .sslEdge }
    }

    static let cards: [(String, RateCard)] = [
        ("default", Fixtures.dotcloud),
        ("half-even, odd price", Fixtures.card(name: "odd", from: "2012-06-01T00:00:00Z", rounding: .halfEven,
                                               live: "0.00012345", enterprise: "0.000987654321")),
        ("JPY", Fixtures.card(name: "yen", from: "2012-06-01T00:00:00Z", currency: "JPY", live: "0.0283", enterprise: "0.0311")),
        ("KWD, 256 MB edges", Fixtures.card(name: "kwd", from: "2012-06-01T00:00:00Z", currency: "KWD", live: "0.0000577",
                                            enterprise: "0.0000577", edgeMB: 256)),
    ]

    @Test("a full month's quote is the invoice line of an edge enabled at the month's start",
          arguments: ["2026-02", "2026-04", "2026-10", "2028-02"], cards.indices)
    func fullMonthMatchesInvoice(monthText: String, cardIndex: Int) throws {
        let month = try #require(BillingPeriod(monthText))
        let rates = try RateCardSet([Self.cards[cardIndex].1])
        for flavor in ["live", "enterprise"] {
            let setUp = Self.setUp(month: month, flavor: flavor)
            let quote = try Self.quote(setUp, at: month.start.adding(seconds: 12_345), rates: rates)
            var enabled = setUp
            enabled.enableSSL("secure.example.org", app: "site", at: month.start.description)
            let line = try #require(try Self.edgeLine(enabled, month: month, rates: rates))
            #expect(quote.fullMonth == line.amount, "\(Self.cards[cardIndex].0), \(flavor), \(monthText)")
            #expect(line.mbSeconds == Int64(quote.edgeMemoryMB) * month.hours * 3600)
            #expect(quote.unitPrice == line.unitPrice)
        }
    }

    @Test("the rest of the month is the invoice line of an edge enabled at the quote's instant",
          arguments: ["2026-10-01T00:00:00Z", "2026-10-04T00:00:00Z", "2026-10-17T13:47:11Z", "2026-10-31T23:59:59Z"],
          cards.indices)
    func restOfMonthMatchesInvoice(instantText: String, cardIndex: Int) throws {
        let month = try #require(BillingPeriod("2026-10"))
        let rates = try RateCardSet([Self.cards[cardIndex].1])
        let setUp = Self.setUp(month: month, flavor: "live")
        let quote = try Self.quote(setUp, at: utc(instantText), rates: rates)
        var enabled = setUp
        enabled.enableSSL("secure.example.org", app: "site", at: instantText)
        let line = try #require(try Self.edgeLine(enabled, month: month, rates: rates))
        #expect(quote.restOfMonth == line.amount)
        #expect(quote.restOfMonthSeconds == month.end.secondsSinceEpoch - utc(instantText).secondsSinceEpoch)
    }

    @Test("the default card: $0.03 an hour, $22.32 in a 31-day month, $21.60 in a 30-day month (SPEC §4)")
    func defaultCard() throws {
        let october = try Self.quote(Self.setUp(month: BillingPeriod("2026-10")!, flavor: "live"),
                                     at: utc("2026-10-04T00:00:00Z"), rates: Fixtures.defaultRates)
        #expect(october.hourly.description == "0.03")
        #expect(october.fullMonth.description == "22.32")
        #expect(october.restOfMonth.description == "20.16")
        #expect(october.month.hours == 744)
        #expect(october.edgeMemoryMB == 160)
        #expect(october.flavor == .live)
        #expect(october.rateCard.name == "dotcloud-2012-06")
        let november = try Self.quote(Self.setUp(month: BillingPeriod("2026-11")!, flavor: "live"),
                                      at: utc("2026-11-30T23:00:00Z"), rates: Fixtures.defaultRates)
        #expect(november.fullMonth.description == "21.60")
        #expect(november.restOfMonth.description == "0.03")
    }

    @Test("the card in effect at the instant prices the quote")
    func cardInEffect() throws {
        let rates = try RateCardSet([Fixtures.dotcloud,
                                     Fixtures.card(name: "dearer", from: "2026-10-15T00:00:00Z", live: "0.000375")])
        let log = Self.setUp(month: BillingPeriod("2026-10")!, flavor: "live")
        #expect(try Self.quote(log, at: utc("2026-10-14T23:59:59Z"), rates: rates).hourly.description == "0.03")
        #expect(try Self.quote(log, at: utc("2026-10-15T00:00:00Z"), rates: rates).hourly.description == "0.06")
    }

    @Test("a quote for a request that would be refused is refused the same way")
    func refusedQuote() throws {
        let ledger = try Ledger([LogBuilder.sslScenario().input()], at: utc("2026-10-10T00:00:00Z"), rateCards: Fixtures.defaultRates)
        let sandbox = #expect(throws: LedgerError.self) {
            try ledger.sslQuote(application: appName("sand"), domain: domainName("www.shop.example"), for: acct("acct_a"))
        }
        #expect(sandbox == .refused(.rule(.customDomainsNeedLiveOrEnterprise(appName("sand"), .sandbox))))
        let other = #expect(throws: LedgerError.self) {
            try ledger.sslQuote(application: appName("blog"), domain: domainName("www.blog.example"), for: acct("acct_a"))
        }
        #expect(other == .refused(.rule(.applicationNotFound(appName("blog")))))
    }

    @Test("billable usage no rate card covers is a configuration error when costs are asked for")
    func noCard() throws {
        let rates = try RateCardSet([Fixtures.card(name: "late", from: "2027-01-01T00:00:00Z")])
        let log = Self.setUp(month: BillingPeriod("2026-10")!, flavor: "live")
        let ledger = try Ledger([log.input()], at: utc("2026-10-10T00:00:00Z"), rateCards: rates)
        let error = #expect(throws: LedgerError.self) {
            try ledger.cost(of: acct("acct_q"))
        }
        #expect(error == .configuration(RateCardError(
            file: nil, field: "effective_from",
            problem: "billable usage at 2026-10-01T00:00:00Z is covered by no rate card; add a card in effect from that instant or earlier")))
    }
}
