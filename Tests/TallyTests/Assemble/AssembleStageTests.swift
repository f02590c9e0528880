import Testing
@testable import Tally

/// Stage 5 alone (README, "Architecture"): priced lines made by hand, in no
/// particular order, assembled by ``BillingPipeline/assemble(_:period:holds:events:names:)``
/// into invoices: one per account, ordered by account, lines in SPEC §6's
/// order, totals the sum of the rounded lines (SPEC §3), held where rejected
/// lines say (README, "Held invoices").
@Suite("Stage 5, assemble: priced lines → one invoice per account")
struct AssembleStageTests {
    static let october = BillingPeriod("2026-10")!
    static let rates = try! RateCardSet([
        Fixtures.dotcloud, Fixtures.card(name: "mid-month", from: "2026-10-17T06:00:00Z"),
    ])

    var names = SymbolTable()

    /// A line of `account` for `subject` (`app/service` or a domain) billed
    /// `cents`; interns the account in ``names``, so make the lines before
    /// calling ``assemble(_:holds:)`` (which reads them).
    mutating func line(_ account: String, _ subject: String, _ flavor: Flavor = .live, card: Int = 0,
                       cents: Int64) -> BillingPipeline.PricedLine {
        let parts = subject.split(separator: "/").map(String.init)
        let isService = parts.count == 2
        let rateCard = Self.rates.cards[card]
        let line = LineItem(
            kind: isService ? .service : .sslEdge, application: try! ApplicationName(isService ? parts[0] : "blog"),
            service: isService ? try! ServiceName(parts[1]) : nil, serviceType: isService ? try! ServiceType("python") : nil,
            domain: isService ? nil : try! DomainName(subject), applicationDestroyedAt: nil, flavor: flavor,
            rateCard: rateCard, mbSeconds: cents * 192_000, unitPrice: rateCard.price(for: flavor),
            amount: Money(minorUnits: cents, currency: Self.rates.currency),
            usageStart: Self.october.start, usageEnd: Timestamp(secondsSinceEpoch: Self.october.end.secondsSinceEpoch - 1))
        return BillingPipeline.PricedLine(account: names.intern(account), line: line)
    }

    func assemble(_ lines: [BillingPipeline.PricedLine], holds: HoldList? = nil) throws -> InvoiceRun {
        try BillingPipeline(rateCards: Self.rates).assemble(
            lines, period: Self.october, holds: holds ?? HoldList(periodEnd: Self.october.end.secondsSinceEpoch),
            events: EventCounts(lines: 9, applied: 8, duplicates: 1), names: names)
    }

    /// `subject flavor card cents` per line.
    static func describe(_ invoice: Invoice) -> [String] {
        invoice.lines.map { line in
            "\(line.domain?.text ?? "\(line.application)/\(line.service!)") \(line.flavor) \(line.rateCard.name) \(line.amount)"
        }
    }

    @Test("invoices by account; services by application then service, SSL edges after by domain; then rate card, flavor")
    func order() throws {
        var stage = self
        let lines = [
            stage.line("acct_b", "zeta.example.org", cents: 1),
            stage.line("acct_b", "shop/www", .enterprise, card: 1, cents: 2),
            stage.line("acct_a", "web/api", cents: 3),
            stage.line("acct_b", "shop/www", .live, card: 1, cents: 4),
            stage.line("acct_b", "alpha.example.org", cents: 5),
            stage.line("acct_b", "shop/db", cents: 6),
            stage.line("acct_b", "shop/www", .enterprise, card: 0, cents: 7),
            stage.line("acct_b", "blog/www", cents: 8),
        ]
        let run = try stage.assemble(lines)
        #expect(run.period == Self.october)
        #expect(run.currency == Self.rates.currency)
        #expect(run.events == EventCounts(lines: 9, applied: 8, duplicates: 1))
        #expect(run.invoices.map(\.number) == ["INV-202610-acct_a", "INV-202610-acct_b"])
        #expect(run.invoices.map(\.account.text) == ["acct_a", "acct_b"])
        #expect(Self.describe(run.invoices[0]) == ["web/api live dotcloud-2012-06 0.03"])
        #expect(Self.describe(run.invoices[1]) == [
            "blog/www live dotcloud-2012-06 0.08",
            "shop/db live dotcloud-2012-06 0.06",
            "shop/www enterprise dotcloud-2012-06 0.07",
            "shop/www live mid-month 0.04",
            "shop/www enterprise mid-month 0.02",
            "alpha.example.org live dotcloud-2012-06 0.05",
            "zeta.example.org live dotcloud-2012-06 0.01",
        ])
        #expect(run.invoices.map(\.total.description) == ["0.03", "0.33"])
        #expect(run.invoices.map(\.status) == [.final, .final])
        #expect(run.heldAccountsWithoutInvoice.isEmpty)
        // The same lines in another order make the same run.
        #expect(try stage.assemble(lines.reversed()).invoices == run.invoices)
    }

    @Test("rejected lines in the month hold their account's invoice; an account with no line is listed apart")
    func holds() throws {
        var stage = self
        var holds = HoldList(periodEnd: Self.october.end.secondsSinceEpoch)
        func rejection(_ account: String, _ time: String, line: Int) -> Rejection {
            Rejection(location: SourceLocation(file: "log.jsonl", line: line), eventID: "e\(line)",
                      account: try! AccountName(account), time: Timestamp(rfc3339: time),
                      reason: .unknownType("x"), originalLine: [])
        }
        holds.note(rejection("acct_a", "2026-10-31T23:59:59Z", line: 1))
        holds.note(rejection("acct_a", "2026-09-01T00:00:00Z", line: 2))
        holds.note(rejection("acct_b", "2026-11-01T00:00:00Z", line: 3))   // after the month: holds nothing
        holds.note(rejection("acct_c", "2026-10-02T00:00:00Z", line: 4))
        let lines = [stage.line("acct_a", "web/api", cents: 3), stage.line("acct_b", "web/api", cents: 4)]
        let run = try stage.assemble(lines, holds: holds)
        #expect(run.invoices.map(\.status) == [.held, .final])
        #expect(run.invoices.map(\.rejectedLineCount) == [2, 0])
        #expect(run.invoices[0].rejectedLines.map(\.description)
            == ["log.jsonl:1: e1: unknown event type \"x\"", "log.jsonl:2: e2: unknown event type \"x\""])
        #expect(run.heldAccountsWithoutInvoice == [
            HeldAccount(account: try AccountName("acct_c"), rejectedLineCount: 1,
                        rejectedLines: [rejection("acct_c", "2026-10-02T00:00:00Z", line: 4)]),
        ])
    }

    @Test("a total is the sum of the rounded lines, never rounded again; no line, no invoice")
    func totals() throws {
        var stage = self
        let lines = [stage.line("acct_a", "web/api", cents: 1), stage.line("acct_a", "web/db", cents: 0),
                     stage.line("acct_a", "web/worker", cents: 1_000_000_001)]
        let run = try stage.assemble(lines)
        #expect(run.invoices.map(\.total.minorUnits) == [1_000_000_002])
        #expect(run.invoices.first?.lines.count == 3)
        #expect(try stage.assemble([]).invoices.isEmpty)
    }
}
