import Foundation
import Testing
@testable import Tally

@Suite("explaining a charge")
struct ChargeExplanationTests {
    static let sample = Fixtures.sampleLog
    static let pipeline = BillingPipeline(rateCards: Fixtures.defaultRates)
    static let october = BillingPeriod("2026-10")!

    @Test("the sample log's explanations, as recorded", arguments: ["acct_shop", "acct_blog", "acct_labs"])
    func sampleGolden(account: String) throws {
        let explanation = try Self.pipeline.explanation(of: AccountName(account), in: Self.october, [Self.sample])
        try Golden.check(explanation.text(), named: "explain-sample-\(account).txt")
    }

    @Test("the sample log's explanation as JSON, as recorded")
    func sampleJSON() throws {
        let explanation = try Self.pipeline.explanation(of: AccountName("acct_blog"), in: Self.october, selecting: .domain(DomainName("www.example.org")),
                                                       [Self.sample])
        try Golden.check(explanation.json(), named: "explain-sample-acct_blog-edge.json")
    }

    @Test("SPEC §5 example 1: before the month, then the scale, then the destruction")
    func workedExample() throws {
        let explanation = try Self.pipeline.explanation(of: AccountName("acct_shop"), in: Self.october, selecting: .line(1), [Self.sample])
        let line = try #require(explanation.lines.first)
        #expect(line.item.amount.description == "65.66")
        #expect(line.exactAmountText(grouping: false) == "65.664")
        #expect(line.intervals.map(\.mbSeconds) == [420_249_600, 840_499_200])
        #expect(line.intervals.map(\.seconds) == [820_800, 820_800])
        let file = "sample-events.jsonl"
        func event(_ id: String, _ number: Int) throws -> ChargeExplanation.EventReference {
            ChargeExplanation.EventReference(eventID: try EventID(id), location: SourceLocation(file: file, line: number))
        }
        #expect(line.intervals[0].start == .beforeTheMonth(try event("s-2", 2)))
        #expect(line.intervals[0].end == .event(try event("s-3", 3)))
        #expect(line.intervals[1].start == .event(try event("s-3", 3)))
        #expect(line.intervals[1].end == .event(try event("s-4", 4)))
    }

    @Test("an edge ended after the month, a service held at month end")
    func afterTheMonthAndMonthEnd() throws {
        let blog = try Self.pipeline.explanation(of: AccountName("acct_blog"), in: Self.october, selecting: .domain(DomainName("www.example.org")),
                                                [Self.sample])
        guard case let .afterTheMonth(event) = try #require(blog.lines.first?.intervals.last).end else {
            Issue.record("the edge should end after the month")
            return
        }
        #expect(event.eventID?.text == "b-7" && event.location.line == 11)
        let labs = try Self.pipeline.explanation(of: AccountName("acct_labs"), in: Self.october, selecting: .service(ApplicationName("api"), ServiceName("db")),
                                                [Self.sample])
        #expect(labs.lines.map(\.number) == [1])
        #expect(labs.lines.first?.intervals.last?.end == .monthEnd)
    }

    @Test("usage across a change of rate card is split there, and each part says so")
    func rateCardChange() throws {
        let rates = try RateCardSet([
            Fixtures.dotcloud,
            Fixtures.card(name: "cheaper", from: "2026-10-11T00:00:00Z", rounding: .halfEven, live: "0.0001"),
        ])
        var log = LogBuilder()
        log.createApp("shop", at: "2026-09-01T00:00:00Z")
        log.deploy("shop", "www", instances: 1, memoryMB: 32, at: "2026-10-01T00:00:00Z")
        let explanation = try BillingPipeline(rateCards: rates)
            .explanation(of: AccountName("acct_1"), in: Self.october, [log.input()])
        #expect(explanation.lines.map(\.item.rateCard.name) == ["dotcloud-2012-06", "cheaper"])
        let first = try #require(explanation.lines.first?.intervals.first)
        let second = try #require(explanation.lines.last?.intervals.first)
        let deploy = ChargeExplanation.EventReference(eventID: try EventID("e2"), location: SourceLocation(file: "test.jsonl", line: 2))
        #expect(first.start == .event(deploy) && first.end == .rateCardChange)
        #expect(second.start == .rateCardChange(deploy) && second.end == .monthEnd)
        #expect(first.mbSeconds == 32 * 10 * 86_400 && second.mbSeconds == 32 * 21 * 86_400)
        let text = explanation.text()
        #expect(text.contains("rate card change (set by e2 at test.jsonl:2)"))
        #expect(text.contains("""
              Amount        58,060,800 MB-seconds x 0.0001 USD/MB-hour / 3,600 = 1.6128 USD exactly
                            -> 1.61 USD, rounded half-even to 0.01

            """))
        #expect(text.contains("    Ended by      rate card change\n"))
    }

    @Test("a selection that matches nothing is an error naming the invoice")
    func selectionErrors() throws {
        #expect(throws: ExplainError.noLine(.line(2), invoiceNumber: "INV-202610-acct_shop", lineCount: 1)) {
            try Self.pipeline.explanation(of: AccountName("acct_shop"), in: Self.october, selecting: .line(2), [Self.sample])
        }
        #expect(throws: ExplainError.noInvoice(try AccountName("acct_none"), BillingPeriod("2026-10")!)) {
            try Self.pipeline.explanation(of: AccountName("acct_none"), in: Self.october, [Self.sample])
        }
        let service = ChargeSelection.service(try ApplicationName("shop"), try ServiceName("db"))
        #expect("\(ExplainError.noLine(service, invoiceNumber: "INV-202610-acct_shop", lineCount: 1))"
            == "INV-202610-acct_shop has no line for service shop/db; run without --line, --service or --domain to explain every line")
    }

    @Test("every line of every invoice of the real trace: the intervals add up to the line exactly",
          .enabled(if: Fixtures.hasRealTrace))
    func realTraceSums() throws {
        let invoices = try Self.pipeline.invoices(for: Self.october, [Fixtures.realTraceLog]).invoices
        var lines = 0
        for invoice in invoices {
            let explanation = try Self.pipeline.explanation(of: invoice.account, in: Self.october, [Fixtures.realTraceLog])
            #expect(explanation.lines.map(\.item) == invoice.lines)
            for line in explanation.lines {
                lines += 1
                #expect(!line.intervals.isEmpty)
                #expect(line.intervalMBSeconds == line.item.mbSeconds, "\(invoice.number) line \(line.number)")
                #expect(line.intervals.allSatisfy { $0.mbSeconds == Int64($0.instances * $0.memoryMB) * $0.seconds })
                #expect(line.item.usageStart == line.intervals.map(\.from).min(), "\(invoice.number) line \(line.number)")
                #expect(line.item.usageEnd.adding(seconds: 1) == line.intervals.map(\.to).max(), "\(invoice.number) line \(line.number)")
            }
        }
        #expect(lines == 270)
    }

    @Test("every line of seeded random logs: the intervals add up to the line exactly", arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func randomSums(seed: UInt64) throws {
        let log = RandomLog(seed: seed).log
        let pipeline = BillingPipeline(rateCards: RandomLog.rates)
        let invoiceRun = try pipeline.invoices(for: Self.october, [log.input()])
        #expect(!invoiceRun.invoices.isEmpty, "seed \(seed)")
        for invoice in invoiceRun.invoices {
            let explanation = try pipeline.explanation(of: invoice.account, in: Self.october, [log.input()])
            #expect(explanation.lines.map(\.item) == invoice.lines, "seed \(seed): \(invoice.number)")
            for line in explanation.lines {
                #expect(line.intervalMBSeconds == line.item.mbSeconds, "seed \(seed): \(invoice.number) line \(line.number)")
                // Every event is named by its id, read again from the log.
                #expect(line.intervals.allSatisfy { $0.start.event.eventID != nil && $0.end.event.map { $0.eventID != nil } ?? true })
                // The line's usage dates are its first and last second billed.
                #expect(line.item.usageStart == line.intervals.map(\.from).min(), "seed \(seed): \(invoice.number) line \(line.number)")
                #expect(line.item.usageEnd.adding(seconds: 1) == line.intervals.map(\.to).max(), "seed \(seed): \(invoice.number)")
            }
            let usage = try pipeline.usageReport(of: invoice.account, in: Self.october, [log.input()])
            for row in usage.rows {
                #expect(row.dailyMBSeconds.reduce(0, +) == row.mbSeconds, "seed \(seed): \(invoice.number) \(row.application)")
            }
        }
    }
}
